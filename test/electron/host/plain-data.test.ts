import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlainDataState } from '../../../contracts/ipc.ts';
import { createPlainData } from '../../../electron/host/plain-data.ts';
import { createSettingsStore, DEFAULT_SETTINGS } from '../../../electron/host/settings.ts';
import type { DecoderEvent, PlainPolicy } from '../../../protocol/types.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const refused = {
  type: 'error',
  code: 'PLAIN_REFUSED',
  message: 'plain',
  frame: null,
  raw: new Uint8Array(),
  policy: 'auto',
} as DecoderEvent;
const encrypted = { type: 'telegram', encrypted: true } as DecoderEvent;

function setup() {
  dir = mkdtempSync(join(tmpdir(), 'luxp1-plain-'));
  const settings = createSettingsStore(join(dir, 'settings.json'), { ...DEFAULT_SETTINGS });
  const policies: PlainPolicy[] = [];
  const states: PlainDataState[] = [];
  const plain = createPlainData({ settings, session: { setPlainPolicy: (p) => policies.push(p) }, emit: (s) => states.push(s) });
  return { plain, settings, policies, states };
}

describe('unencrypted data after encrypted', () => {
  it('asks once, and an accepted answer lasts only until encryption is back', () => {
    const { plain, policies } = setup();
    plain.observe(refused);
    plain.observe(refused);
    expect(plain.state()).toEqual({ setting: 'ask', asking: true, accepted: false });
    expect(plain.answer(true)).toEqual({ setting: 'ask', asking: false, accepted: true });
    expect(policies).toEqual(['accept']);
    plain.observe(encrypted); // the operator switched encryption back on: plain is suspect again
    expect(plain.state()).toEqual({ setting: 'ask', asking: false, accepted: false });
    expect(policies).toEqual(['accept', 'auto']);
    plain.observe(refused);
    expect(plain.state().asking).toBe(true);
  });

  it('a refusal keeps refusing and stops asking until encryption is back', () => {
    const { plain, policies } = setup();
    plain.observe(refused);
    plain.answer(false);
    plain.observe(refused);
    expect(plain.state()).toEqual({ setting: 'ask', asking: false, accepted: false });
    expect(policies).toEqual(['auto']);
  });

  it('the accept and refuse settings never ask, and are saved', async () => {
    const { plain, settings, policies } = setup();
    await plain.setSetting('refuse');
    plain.observe({ ...refused, policy: 'refuse' } as DecoderEvent);
    expect(plain.state()).toEqual({ setting: 'refuse', asking: false, accepted: false });
    expect(settings.get().plainData).toBe('refuse');
    await plain.setSetting('accept');
    expect(policies).toEqual(['refuse', 'accept']);
  });
});
