/**
 * The one status of the meter port the app shows: every panel, banner and "old value" mark reads it
 * from here, so no two places can disagree. It is derived from five facts: the renderer's link to
 * the host, the source and its link, the last *verified* telegram, the key, and the port's diagnosis
 * (which the host derives from decoder events). The rules, in order; the first that applies wins:
 *
 *  1. The host is not reachable (browser mode lost, or is still re-making, its connection): `host-down`.
 *     Nothing else the app last heard can be vouched for any more.
 *  2. No source is chosen: `no-source`.
 *  3. The link is not receiving (connecting, reconnecting, failed, or open but silent): that state.
 *  4. Frames arrive but cannot be opened, or may not be shown: `needs-key`, `wrong-key`, `key-rotated`,
 *     or `plain-refused` (plain telegrams after verified encrypted ones: an injection, or the operator
 *     switched encryption off; the user is asked). An encrypted port whose key was removed is
 *     `needs-key` whatever the last diagnosis said.
 *  5. A verified telegram arrived within FRESH_MS: `ok-encrypted` (the key works) or `ok-plain`.
 *  6. Otherwise the link is open but nothing verified is current: `no-signal`, `noise` or `waiting`.
 *
 * Values are *current* only under rule 5; everything else marks shown values as old at once.
 */
import type { KeyStatus, LinkState, PortHealth } from '../../contracts/ipc.ts';
import type { HostConnection } from './store.ts';

/** Three missed 10-second telegrams: past this, the last reading is no longer "now". */
export const FRESH_MS = 30_000;

export type PortStatusKind =
  | 'host-down'
  | 'no-source'
  | 'link-connecting'
  | 'link-reconnecting'
  | 'link-error'
  | 'link-silent'
  | 'needs-key'
  | 'wrong-key'
  | 'key-rotated'
  | 'plain-refused'
  | 'ok-encrypted'
  | 'ok-plain'
  | 'no-signal'
  | 'noise'
  | 'waiting';

export type Severity = 'ok' | 'warn' | 'bad';

export interface PortStatus {
  kind: PortStatusKind;
  severity: Severity;
  /** The shown values are what the meter says now. */
  current: boolean;
  /** Frames or bytes arrive, even though none can be read (rule 4, 6). */
  receiving: boolean;
}

export interface PortFacts {
  host: HostConnection;
  link: LinkState | null;
  health: PortHealth | null;
  key: KeyStatus | null;
  /** Host time of the last verified telegram (the reading on screen), null when none. */
  lastVerifiedAt: number | null;
  now: number;
}

const SEVERITY: Record<PortStatusKind, Severity> = {
  'host-down': 'bad',
  'no-source': 'warn',
  'link-connecting': 'warn',
  'link-reconnecting': 'warn',
  'link-error': 'bad',
  'link-silent': 'warn',
  'needs-key': 'warn',
  'wrong-key': 'bad',
  'key-rotated': 'bad',
  'plain-refused': 'bad',
  'ok-encrypted': 'ok',
  'ok-plain': 'ok',
  'no-signal': 'warn',
  noise: 'warn',
  waiting: 'warn',
};

const status = (kind: PortStatusKind, current = false, receiving = false): PortStatus => ({
  kind,
  severity: SEVERITY[kind],
  current,
  receiving,
});

/** The port's status from the facts, by the rules above. */
export function derivePortStatus(f: PortFacts): PortStatus {
  if (f.host !== 'open') return status('host-down');
  if (!f.link || f.link.status === 'idle' || f.link.source === null) return status('no-source');
  switch (f.link.status) {
    case 'connecting':
      return status('link-connecting');
    case 'reconnecting':
      return status('link-reconnecting');
    case 'error':
      return status('link-error');
    case 'silent':
      return status('link-silent');
  }
  const receiving = f.link.lastDataAt !== null && f.now - f.link.lastDataAt <= FRESH_MS;
  const diagnosis = f.health?.diagnosis ?? 'no-signal';
  if (f.health?.encrypted === true && f.key?.hasKey === false) return status('needs-key', false, receiving);
  if (diagnosis === 'encrypted-no-key') return status('needs-key', false, receiving);
  if (diagnosis === 'wrong-key' || diagnosis === 'key-rotated' || diagnosis === 'plain-refused') return status(diagnosis, false, receiving);
  const fresh = f.lastVerifiedAt !== null && f.now - f.lastVerifiedAt <= FRESH_MS;
  if (fresh) return status(f.health?.encrypted === false ? 'ok-plain' : 'ok-encrypted', true, true);
  if (diagnosis === 'noise') return status('noise', false, receiving);
  return status(receiving ? 'waiting' : 'no-signal', false, receiving);
}
