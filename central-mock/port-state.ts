/**
 * What a simulated meter keeps across restarts, kept by the central (the meter's non-volatile memory
 * in this mock): the frame counters already handed out under the current key, and the high-water
 * marks of its registers. AES-GCM with a repeated (key, frame counter) reuses the nonce and leaks
 * the keystream, and a register that goes backwards is a wrong reading; so the simulator reserves a
 * block of counters and raises the marks here, durably, before it sends a frame that uses them.
 */
import { MAX_RESERVE_REGISTERS, type Reservation, type ReserveBody } from '../contracts/central.ts';
import type { MeterRow } from './meter.ts';
import type { Store } from './store.ts';

export const COUNTER_END = 2 ** 32; // LUX §3.2.5: 4 bytes of frame counter

export { checkReserve, type Reservation, type ReserveBody } from '../contracts/central.ts';

interface Row {
  key_version: number;
  counter_next: number;
  registers: string;
}

/** Reserves frame counters and raises register marks in one transaction; `null` when `keyVersion` is not the meter's current one. */
export function reserve(
  store: Store,
  meter: MeterRow,
  body: ReserveBody,
): { ok: true; value: Reservation } | { ok: false; keyVersion: number } {
  const get = store.db.prepare('SELECT key_version, counter_next, registers FROM port_state WHERE meter = ?');
  const put = store.db.prepare('INSERT OR REPLACE INTO port_state (meter, key_version, counter_next, registers) VALUES (?, ?, ?, ?)');
  return store.tx(() => {
    const row = get.get(meter.id) as Row | undefined;
    const marks: Record<string, number> = row ? (JSON.parse(row.registers) as Record<string, number>) : {};
    for (const [name, v] of Object.entries(body.registers)) marks[name] = Math.max(marks[name] ?? 0, v);
    // Past the limit, the oldest marks of M-Bus devices (names "mbus…") not in this request go: devices
    // long replaced. The energy registers' marks are never dropped.
    for (const k of Object.keys(marks)) {
      if (Object.keys(marks).length <= MAX_RESERVE_REGISTERS) break;
      if (k.startsWith('mbus') && !(k in body.registers)) delete marks[k];
    }
    // Before the first reservation of a database from before port_state, the counter the simulator
    // last reported is the best known floor; a new key (rotation) starts at 0.
    const next = row === undefined ? meter.frame_counter : row.key_version === meter.key_version ? row.counter_next : 0;
    if (body.keyVersion !== meter.key_version) {
      put.run(meter.id, meter.key_version, next, JSON.stringify(marks));
      return { ok: false, keyVersion: meter.key_version };
    }
    const from = Math.min(next, COUNTER_END);
    const to = Math.min(from + body.frames, COUNTER_END);
    put.run(meter.id, meter.key_version, to, JSON.stringify(marks));
    return { ok: true, value: { keyVersion: meter.key_version, from, to, registers: marks } };
  });
}
