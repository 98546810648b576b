/**
 * What a simulated meter keeps across restarts, kept by the central (the meter's non-volatile memory
 * in this mock): the frame counters already handed out under the current key, and the high-water
 * marks of its registers. AES-GCM with a repeated (key, frame counter) reuses the nonce and leaks
 * the keystream, and a register that goes backwards is a wrong reading; so the simulator reserves a
 * block of counters and raises the marks here, durably, before it sends a frame that uses them.
 */
import { fail } from '../protocol/index.ts';
import type { Checked } from './validate.ts';
import type { MeterRow } from './meter.ts';
import type { Store } from './store.ts';

export const COUNTER_END = 2 ** 32; // LUX §3.2.5: 4 bytes of frame counter
const MAX_FRAMES = 1_000_000;
const MAX_REGISTERS = 32;
const REGISTER_NAME = /^[\x20-\x7e]{1,120}$/;

export interface ReserveBody {
  keyVersion: number;
  frames: number;
  registers: Record<string, number>;
}

export interface Reservation {
  keyVersion: number;
  from: number; // first frame counter of the block
  to: number; // one past the last; from === to when the counter space of this key is used up
  registers: Record<string, number>; // the stored high-water marks, after merging the request's
}

/** `POST …/port/reserve`. */
export function checkReserve(body: unknown): Checked<ReserveBody> {
  const bad = (message: string): Checked<never> => fail('BAD_REQUEST', message);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return bad('expected a JSON object');
  const o = body as Record<string, unknown>;
  const extra = Object.keys(o).filter((k) => !['keyVersion', 'frames', 'registers'].includes(k));
  if (extra.length > 0) return bad(`unknown field(s): ${extra.join(', ')} (allowed: keyVersion, frames, registers)`);
  const { keyVersion, frames } = o;
  if (!Number.isSafeInteger(keyVersion) || (keyVersion as number) < 1) return bad('keyVersion must be a whole number ≥ 1');
  if (!Number.isSafeInteger(frames) || (frames as number) < 0 || (frames as number) > MAX_FRAMES)
    return bad(`frames must be a whole number 0..${MAX_FRAMES}`);
  const regs = o.registers ?? {};
  if (typeof regs !== 'object' || regs === null || Array.isArray(regs)) return bad('registers must be an object of name: whole number');
  const entries = Object.entries(regs);
  if (entries.length > MAX_REGISTERS) return bad(`at most ${MAX_REGISTERS} registers`);
  for (const [name, v] of entries) {
    if (!REGISTER_NAME.test(name)) return bad('register names are 1..120 printable ASCII characters');
    if (!Number.isSafeInteger(v) || (v as number) < 0) return bad(`register ${JSON.stringify(name)} must be a whole number ≥ 0`);
  }
  return { ok: true, value: { keyVersion: keyVersion as number, frames: frames as number, registers: regs as Record<string, number> } };
}

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
      if (Object.keys(marks).length <= MAX_REGISTERS) break;
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
