/**
 * Events the recorder derives itself by comparing a telegram with the newest one before it:
 * breaker and relay changes, power-failure counter steps and new text messages.
 */
import type { HistoryEventKind } from '../../../contracts/history.ts';
import type { Telegram } from '../../../protocol/types.ts';

/** What is compared between telegrams; kept per meter in the database so a restart continues. */
export interface MeterState {
  t: number;
  breaker?: string;
  relay1?: string;
  relay2?: string;
  powerFailures?: number;
  messages: Record<string, string>;
}

export interface DerivedEvent {
  kind: HistoryEventKind;
  detail: string;
}

export function stateOf(t: number, telegram: Telegram): MeterState {
  const e = telegram.electricity;
  const messages: Record<string, string> = {};
  if (telegram.message !== undefined) messages['0'] = telegram.message;
  for (const [channel, text] of Object.entries(telegram.channelMessages ?? {})) if (text !== undefined) messages[channel] = text;
  return { t, breaker: e.breaker, relay1: e.relays?.relay1, relay2: e.relays?.relay2, powerFailures: e.powerFailures, messages };
}

/** Whether nothing but the time differs. */
export function sameState(a: MeterState, b: MeterState): boolean {
  if (a.breaker !== b.breaker || a.relay1 !== b.relay1 || a.relay2 !== b.relay2 || a.powerFailures !== b.powerFailures) return false;
  const ka = Object.keys(a.messages);
  if (ka.length !== Object.keys(b.messages).length) return false;
  return ka.every((k) => a.messages[k] === b.messages[k]);
}

/** The events between `before` and `after`; fields a telegram did not carry are not compared. */
export function deriveEvents(before: MeterState, after: MeterState): DerivedEvent[] {
  const out: DerivedEvent[] = [];
  const change = (kind: HistoryEventKind, label: string, a: string | undefined, b: string | undefined) => {
    if (a !== undefined && b !== undefined && a !== b) out.push({ kind, detail: `${label} ${a} → ${b}` });
  };
  change('breaker', 'breaker', before.breaker, after.breaker);
  change('relay', 'relay 1', before.relay1, after.relay1);
  change('relay', 'relay 2', before.relay2, after.relay2);
  const pf0 = before.powerFailures;
  const pf1 = after.powerFailures;
  if (pf0 !== undefined && pf1 !== undefined && pf1 !== pf0) out.push({ kind: 'power-failure', detail: `power failures ${pf0} → ${pf1}` });
  for (const [channel, text] of Object.entries(after.messages)) {
    if (text !== '' && before.messages[channel] !== text) {
      out.push({ kind: 'message', detail: `${channel === '0' ? 'message' : `message ${channel}`}: ${text.replace(/[\r\n]+/g, ' ')}` });
    }
  }
  return out;
}

/** Reads a stored state back; anything unreadable is "no state yet". */
export function parseState(json: string | null): MeterState | null {
  if (json === null) return null;
  try {
    const v = JSON.parse(json) as MeterState;
    return typeof v === 'object' && v !== null && typeof v.t === 'number' && typeof v.messages === 'object' ? v : null;
  } catch {
    return null;
  }
}
