/**
 * Customer pairing: meter + pairing code → port key, with a lockout after repeated failures.
 * The code is hashed with the meter id in scope, so a code can only ever pair its own meter.
 */
import type { AuditLog } from './audit.ts';
import { newPairingCode, normalizeCode, sameHash } from './keys.ts';
import type { MeterRow } from './meter.ts';
import type { Store } from './store.ts';

export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;

export type PairOutcome =
  | { kind: 'paired'; key: Uint8Array; keyVersion: number }
  | { kind: 'bad-code'; attemptsLeft: number }
  | { kind: 'locked'; lockedUntil: string }
  | { kind: 'key-unreadable' };

interface CustomerRow {
  code_hash: Uint8Array;
  failures: number;
  locked_until: number | null;
}

export interface Pairing {
  /** Sets a new random pairing code for the meter (replacing any old one) and returns it; shown once. */
  issueCode(row: Pick<MeterRow, 'id' | 'meter_id'>, code?: string): string;
  attempt(row: MeterRow, code: string): PairOutcome;
}

/** Binds pairing to the store; attempts and lockouts go to the event log. */
export function createPairing(store: Store, audit: AuditLog): Pairing {
  const q = {
    get: store.db.prepare('SELECT code_hash, failures, locked_until FROM customers WHERE meter = ?'),
    set: store.db.prepare(
      'INSERT OR REPLACE INTO customers (meter, code_hash, failures, locked_until, code_set_at) VALUES (?, ?, 0, NULL, ?)',
    ),
    fail: store.db.prepare('UPDATE customers SET failures = ?, locked_until = ? WHERE meter = ?'),
  };
  const hash = (row: Pick<MeterRow, 'meter_id'>, code: string) => store.keyring.hashSecret('pair', row.meter_id, normalizeCode(code));
  return {
    issueCode(row, code = newPairingCode()) {
      q.set.run(row.id, hash(row, code), store.iso());
      return code;
    },
    attempt(row, code) {
      return store.tx(() => {
        const c = q.get.get(row.id) as CustomerRow | undefined;
        const now = store.now();
        if (c?.locked_until != null && now < c.locked_until) {
          const lockedUntil = new Date(c.locked_until).toISOString();
          audit.event(row.id, 'pairing-locked', { lockedUntil });
          return { kind: 'locked', lockedUntil };
        }
        const failures = c === undefined || c.locked_until != null ? 0 : c.failures; // an expired lock starts a fresh count
        if (c !== undefined && sameHash(c.code_hash, hash(row, code))) {
          if (c.failures !== 0 || c.locked_until !== null) q.fail.run(0, null, row.id);
          const key = store.keyring.open(row.meter_id, row.sealed_key);
          if (key === null) return { kind: 'key-unreadable' };
          audit.event(row.id, 'pairing-ok', { keyVersion: row.key_version });
          return { kind: 'paired', key, keyVersion: row.key_version };
        }
        const n = failures + 1;
        if (n >= MAX_FAILURES) {
          const lockedUntil = now + LOCK_MS;
          if (c !== undefined) q.fail.run(n, lockedUntil, row.id);
          audit.event(row.id, 'pairing-failed', { attemptsLeft: 0 });
          audit.event(row.id, 'pairing-lockout', { lockedUntil: new Date(lockedUntil).toISOString(), failures: n });
          return { kind: 'locked', lockedUntil: new Date(lockedUntil).toISOString() };
        }
        if (c !== undefined) q.fail.run(n, null, row.id);
        audit.event(row.id, 'pairing-failed', { attemptsLeft: MAX_FAILURES - n });
        return { kind: 'bad-code', attemptsLeft: MAX_FAILURES - n };
      });
    },
  };
}
