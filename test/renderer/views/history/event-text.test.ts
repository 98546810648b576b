import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../../../contracts/history.ts';
import { setLanguage } from '../../../../renderer/i18n/index.ts';
import { eventText } from '../../../../renderer/views/history/event-text.ts';

const ev = (kind: HistoryEvent['kind'], detail: string): HistoryEvent => ({ at: '2026-12-01T10:00:00+01:00', meterId: 'M', kind, detail });

afterEach(() => setLanguage('en'));

describe('eventText', () => {
  it('says the recorder’s English lines in the chosen language', () => {
    setLanguage('fr');
    expect(eventText(ev('breaker', 'breaker connected → disconnected')).text).toMatch(/^Connecté → Déconnecté$/);
    expect(eventText(ev('relay', 'relay 2 disconnected → ready'))).toEqual({
      text: expect.stringMatching(/^relais 2\s?: Déconnecté → /),
      english: false,
    });
    expect(eventText(ev('power-failure', 'power failures 4 → 5')).text).toMatch(/coupures comptées\s?: 4 → 5/);
    expect(eventText(ev('message', 'message 2: Travaux lundi')).text).toBe('Travaux lundi');
    expect(eventText(ev('link-lost', 'reconnecting: ECONNRESET')).text).toMatch(/: ECONNRESET$/);
    expect(eventText(ev('key-changed', 'new key (pairing)')).text).toMatch(/^nouvelle clé/);
    expect(eventText(ev('key-changed', 'the key stopped opening the frames: changed by the operator')).text).toMatch(
      /gestionnaire de réseau/,
    );
  });
  it('keeps anything else as recorded, marked English', () => {
    setLanguage('de');
    expect(eventText(ev('series-reset', 'registers 5 → 1 Wh: a new series starts'))).toEqual({
      text: 'registers 5 → 1 Wh: a new series starts',
      english: true,
    });
    expect(eventText(ev('breaker', 'something new'))).toEqual({ text: 'something new', english: true });
  });
});
