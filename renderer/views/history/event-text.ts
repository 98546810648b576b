/**
 * An event's detail in the chosen language. The recorder keeps one English line per event
 * (electron/host/history/derive-events.ts, history-room.ts, recorder.ts); the known shapes are read
 * back here and said with the catalogue's words. Anything else is shown as recorded, marked English.
 */
import type { HistoryEvent } from '../../../contracts/history.ts';
import { t } from '../../i18n/index.ts';
import { formatNumber } from '../../i18n/index.ts';

const STATES = new Set(['connected', 'disconnected', 'ready']);
const state = (s: string) => (STATES.has(s) ? t(`control.${s as 'connected'}`) : s);
const link = (s: string) => t(`link.${s as 'open'}`);

type Rule = [HistoryEvent['kind'], RegExp, (m: RegExpExecArray) => string];

/** The recorder's English shapes, per kind, and how each is said. */
const RULES: Rule[] = [
  ['breaker', /^breaker (\w+) → (\w+)$/, (m) => `${state(m[1]!)} → ${state(m[2]!)}`],
  [
    'relay',
    /^relay (\d) (\w+) → (\w+)$/,
    (m) => t('history.events.relayDetail', { n: Number(m[1]), from: state(m[2]!), to: state(m[3]!) }),
  ],
  [
    'power-failure',
    /^power failures (\d+) → (\d+)$/,
    (m) => t('history.events.powerFailures', { from: formatNumber(Number(m[1]), 0), to: formatNumber(Number(m[2]), 0) }),
  ],
  ['message', /^message(?: \d)?: (.*)$/, (m) => m[1]!], // the operator's own words
  ['link-lost', /^(open|silent|reconnecting|error)(?:: (.*))?$/, (m) => (m[2] ? `${link(m[1]!)}: ${m[2]}` : link(m[1]!))],
  ['link-restored', /^receiving again$/, () => ''],
  ['key-changed', /^new key \((manual|pairing)\)$/, (m) => t('history.events.newKey', { origin: t(`key.origin.${m[1] as 'manual'}`) })],
  ['key-changed', /^new key$/, () => ''],
  ['key-changed', /^key removed$/, () => t('history.events.keyRemoved')],
  ['key-changed', /^the key stopped opening the frames/, () => t('history.events.keyRotated')],
];

export function eventText(e: HistoryEvent): { text: string; english: boolean } {
  for (const [kind, pattern, say] of RULES) {
    if (kind !== e.kind) continue;
    const m = pattern.exec(e.detail);
    if (m) return { text: say(m), english: false };
  }
  return { text: e.detail, english: true };
}
