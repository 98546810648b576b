/**
 * When to alert the household: a pure function of the facts before and after a store change. An
 * alert is a *change* the user should hear of (the supply was cut, a message arrived), never a state
 * (the dashboard's banners show states). Rules, each on its own:
 *
 *  - supply-cut: the main breaker was connected or ready, and is now disconnected.
 *  - supply-ready: the main breaker was connected or disconnected, and is now ready for reconnection.
 *  - message: an unread operator message that was not there before (one alert per change, with a count).
 *  - key-rotated: the port status became "key rotated" (the operator changed the key).
 *  - no-data: the last verified telegram just became older than the user's N minutes.
 *  - over-power-class: raised from outside (the costs code), never derived here.
 *
 * The first facts after start raise nothing: what was already so when the app opened is on screen.
 * A breaker not known before (no reading yet) raises nothing either, for the same reason.
 */
import type { ControlState } from '../../protocol/types.ts';

export const ALERT_KINDS = ['supply-cut', 'supply-ready', 'message', 'key-rotated', 'no-data', 'over-power-class'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface AlertFacts {
  /** The main breaker in the newest reading; null before any reading. */
  breaker: ControlState | null;
  /** Ids of the unread operator messages. */
  unread: readonly string[];
  /** The port status is "key rotated". */
  keyRotated: boolean;
  /** Renderer time of the last verified telegram, null when none yet. */
  lastDataAt: number | null;
  /** Renderer time of these facts. */
  now: number;
}

export interface Alert {
  id: string; // unique per raise: `${kind}@${at}`
  kind: AlertKind;
  at: number;
  /** message: how many arrived; no-data: the minutes configured; over-power-class: the class in kW. */
  count?: number;
}

/** Which alerts may be raised, and the no-data threshold. */
export interface AlertRuleOptions {
  enabled: (kind: AlertKind) => boolean;
  noDataMinutes: number;
}

const silentFor = (f: AlertFacts, minutes: number): boolean => f.lastDataAt !== null && f.now - f.lastDataAt >= minutes * 60_000;

/** The alerts the change from `prev` to `next` raises (none when `prev` is null: the first look). */
export function alertsBetween(prev: AlertFacts | null, next: AlertFacts, opts: AlertRuleOptions): Alert[] {
  if (prev === null) return [];
  const raised: Alert[] = [];
  const raise = (kind: AlertKind, count?: number): void => {
    if (opts.enabled(kind)) raised.push({ id: `${kind}@${next.now}`, kind, at: next.now, ...(count === undefined ? {} : { count }) });
  };
  if (prev.breaker !== null && prev.breaker !== next.breaker) {
    if (next.breaker === 'disconnected') raise('supply-cut');
    if (next.breaker === 'ready') raise('supply-ready');
  }
  const before = new Set(prev.unread);
  const arrived = next.unread.filter((id) => !before.has(id)).length;
  if (arrived > 0) raise('message', arrived);
  if (next.keyRotated && !prev.keyRotated) raise('key-rotated');
  if (silentFor(next, opts.noDataMinutes) && !silentFor(prev, opts.noDataMinutes)) raise('no-data', opts.noDataMinutes);
  return raised;
}

/** False once what an alert said is over (supply back, data back, key working), so its banner goes. */
export function alertStillApplies(alert: Alert, now: AlertFacts, opts: Pick<AlertRuleOptions, 'noDataMinutes'>): boolean {
  switch (alert.kind) {
    case 'supply-cut':
      return now.breaker !== 'connected' && now.breaker !== 'ready';
    case 'supply-ready':
      return now.breaker !== 'connected';
    case 'key-rotated':
      return now.keyRotated;
    case 'no-data':
      return silentFor(now, opts.noDataMinutes);
    default:
      return true; // messages and the power class stay until dismissed
  }
}
