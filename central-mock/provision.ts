/**
 * Creating meters: identities (meter id and "SAG" system title), a fresh port key sealed at rest,
 * a pairing code, and the audit entry. `provisionMany` is the bulk path (benchmark, fleet import):
 * the same work in large transactions.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { AuditLog } from './audit.ts';
import { newPortKey } from './keys.ts';
import type { MeterRow } from './meter.ts';
import type { Pairing } from './pairing.ts';
import type { Store } from './store.ts';

const SERIAL_MAX = 2 ** 40; // the 5 device-unique bytes of a system title

/** Meter id and system title derived from one 40-bit serial, so both are unique together. */
export function identityOf(serial: number): { meterId: string; systemTitle: string } {
  return {
    meterId: 'SAG' + serial.toString().padStart(13, '0'),
    systemTitle: '534147' + serial.toString(16).toUpperCase().padStart(10, '0'),
  };
}

export interface CreateInput {
  meterId?: string | undefined;
  systemTitle?: string | undefined;
  preset: 'basic' | 'full';
  encryption: boolean;
  pairingCode?: string; // a fixed code (demo seed); random otherwise
}

/** Creates one meter; `conflict` when its meter id or system title is taken. */
export function createMeter(
  store: Store,
  audit: AuditLog,
  pairing: Pairing,
  input: CreateInput,
  actor: string,
): { ok: true; row: MeterRow; pairingCode: string } | { ok: false; conflict: string } {
  return store.tx(() => {
    let { meterId, systemTitle } = input;
    if (meterId !== undefined && store.find(meterId)) return { ok: false, conflict: `meter id ${meterId} is taken` };
    if (systemTitle !== undefined && store.find(systemTitle)) return { ok: false, conflict: `system title ${systemTitle} is taken` };
    for (let i = 0; meterId === undefined || systemTitle === undefined; i++) {
      const id = identityOf(randomInt(1, SERIAL_MAX));
      if (i > 20) throw new Error('provision: could not find a free identity');
      const m = meterId ?? id.meterId;
      const t = systemTitle ?? id.systemTitle;
      if (!store.find(m) && !store.find(t)) [meterId, systemTitle] = [m, t];
    }
    const key = newPortKey();
    const row = store.insert({
      meterId,
      systemTitle,
      sealedKey: store.keyring.seal(meterId, key),
      encryption: input.encryption,
      preset: input.preset,
      fields: null,
    });
    key.fill(0);
    const pairingCode = pairing.issueCode(row, input.pairingCode);
    audit.record(row.id, actor, 'meter created', null, { ...store.view(row) });
    audit.event(row.id, 'key-created', { keyVersion: 1 });
    return { ok: true, row, pairingCode };
  });
}

/**
 * Provisions `count` meters with serials first..first+count-1, in transactions of `batch`.
 * Keys come from one CSPRNG call per batch; `codeOf` gives each meter's pairing code.
 */
export function provisionMany(
  store: Store,
  audit: AuditLog,
  pairing: Pairing,
  opts: { first: number; count: number; batch?: number; codeOf: (serial: number) => string },
): void {
  const batch = opts.batch ?? 10_000;
  const created = JSON.stringify({ keyVersion: 1, preset: 'basic', encryption: true });
  for (let start = 0; start < opts.count; start += batch) {
    const n = Math.min(batch, opts.count - start);
    const random = randomBytes(28 * n); // 16-byte key + 12-byte nonce per meter, one CSPRNG call per batch
    store.tx(() => {
      const at = store.iso();
      for (let i = 0; i < n; i++) {
        const serial = opts.first + start + i;
        const { meterId, systemTitle } = identityOf(serial);
        const sealedKey = store.keyring.seal(meterId, random.subarray(28 * i, 28 * i + 16), random.subarray(28 * i + 16, 28 * i + 28));
        const id = store.insertId({ meterId, systemTitle, sealedKey, encryption: true, preset: 'basic', fields: null }, at);
        pairing.issueCode({ id, meter_id: meterId }, opts.codeOf(serial));
        audit.recordJson(id, at, 'provisioning', 'meter created', null, created);
      }
    });
    random.fill(0);
  }
}
