/**
 * Customer pairing: meter + pairing code → port key. The code is hashed with the meter id in scope,
 * so a code can only ever pair its own meter. How often a client may try is pair-throttle.ts's job;
 * this only checks a code and logs the attempt. (The customers table's `failures` and
 * `locked_until` columns, from the former per-meter lock, are no longer used.)
 */
import type { AuditLog } from './audit.ts';
import { newPairingCode, normalizeCode, sameHash } from './keys.ts';
import type { MeterRow } from './meter.ts';
import type { Store } from './store.ts';

export type PairOutcome = { kind: 'paired'; key: Uint8Array; keyVersion: number } | { kind: 'bad-code' } | { kind: 'key-unreadable' };

export interface Pairing {
  /** Sets a new random pairing code for the meter (replacing any old one) and returns it; shown once. */
  issueCode(row: Pick<MeterRow, 'id' | 'meter_id'>, code?: string): string;
  attempt(row: MeterRow, code: string): PairOutcome;
}

/** Binds pairing to the store; attempts go to the event log. */
export function createPairing(store: Store, audit: AuditLog): Pairing {
  const q = {
    get: store.db.prepare('SELECT code_hash FROM customers WHERE meter = ?'),
    set: store.db.prepare(
      'INSERT OR REPLACE INTO customers (meter, code_hash, failures, locked_until, code_set_at) VALUES (?, ?, 0, NULL, ?)',
    ),
  };
  const hash = (row: Pick<MeterRow, 'meter_id'>, code: string) => store.keyring.hashSecret('pair', row.meter_id, normalizeCode(code));
  return {
    issueCode(row, code = newPairingCode()) {
      q.set.run(row.id, hash(row, code), store.iso());
      return code;
    },
    attempt(row, code) {
      const c = q.get.get(row.id) as { code_hash: Uint8Array } | undefined;
      if (c !== undefined && sameHash(c.code_hash, hash(row, code))) {
        const key = store.keyring.open(row.meter_id, row.sealed_key);
        if (key === null) return { kind: 'key-unreadable' };
        audit.event(row.id, 'pairing-ok', { keyVersion: row.key_version });
        return { kind: 'paired', key, keyVersion: row.key_version };
      }
      return { kind: 'bad-code' };
    },
  };
}
