/**
 * A simulated meter's non-volatile memory, kept by the central (`POST …/port/reserve`, API.md): before
 * a frame goes out, the frame counter it uses and the register values it shows must already be on
 * the central's disk, so that no `kill -9`, restart, second simulator or clock step can make the
 * meter reuse an AES-GCM nonce or show a register below one it has shown before.
 *
 * Counters are reserved in blocks (one round trip per block, not per frame). Register marks are
 * raised with some headroom, so one round trip covers many frames; a restart continues from the
 * marks, so it may step a register forward by up to the headroom, never back. While the central is
 * unreachable the meter keeps sending from its reserved block with registers held at their marks,
 * and sends no encrypted frame once the block is used up.
 */
import type { Telegram } from '../../protocol/types.ts';
import type { CentralClient } from '../../contracts/central-client.ts';

const ELECTRICITY_HEADROOM = 100; // Wh or varh: ~7 frames at 5 kW every 10 s, ~180 at 200 W
const BLOCK_SPAN_MS = 600_000; // a block lasts ~10 minutes of frames, and never fewer than MIN_BLOCK
const MIN_BLOCK = 100;
export const COUNTER_END = 2 ** 32;

export type Lease =
  | { kind: 'ok'; counter: number | null; marks: Record<string, number> }
  | { kind: 'no-counter'; reason: 'exhausted' | 'unreachable' }
  | { kind: 'key-changed' };

export interface DurablePortOptions {
  central: CentralClient;
  meterId: string;
  intervalMs: number;
}

/** The central's side of one meter's counters and marks; `start` must succeed before the first frame. */
export function createDurablePort(opts: DurablePortOptions) {
  const block = Math.max(MIN_BLOCK, Math.ceil(BLOCK_SPAN_MS / opts.intervalMs));
  let keyVersion = -1;
  let next = 0;
  let end = 0;
  let marks: Record<string, number> = {};
  let lastError = '';

  async function call(version: number, frames: number, registers: Record<string, number>) {
    const r = await opts.central.reservePort(opts.meterId, { keyVersion: version, frames, registers });
    if (!r.ok) {
      lastError = r.error.message;
      return r;
    }
    marks = r.value.registers;
    if (frames > 0) {
      keyVersion = r.value.keyVersion;
      next = r.value.from;
      end = r.value.to;
    }
    return r;
  }

  return {
    /** The marks stored by earlier runs, and a first block for `version`; throws when the central refuses. */
    async start(version: number): Promise<Record<string, number>> {
      const r = await call(version, block, {});
      if (!r.ok) throw new Error(r.error.message);
      return { ...marks };
    },
    /** A new key: the next encrypted frame reserves a block under it (the central starts it at 0). */
    forgetKey(): void {
      keyVersion = -1;
    },
    /** The counter the next frame uses and the marks its registers may show, persisted first when needed. */
    async take(version: number, encrypted: boolean, current: Record<string, number>): Promise<Lease> {
      const needCounter = encrypted && (version !== keyVersion || next >= end);
      const above = Object.entries(current).filter(([name, v]) => v > (marks[name] ?? -1));
      if (needCounter || above.length > 0) {
        const raised = Object.fromEntries(above.map(([name, v]) => [name, v + (name.startsWith('mbus') ? 0 : ELECTRICITY_HEADROOM)]));
        const r = await call(version, needCounter ? block : 0, raised);
        if (!r.ok && r.error.code === 'CONFLICT') return { kind: 'key-changed' }; // keyVersion is no longer the meter's
        if (needCounter && (!r.ok || next >= end)) return { kind: 'no-counter', reason: r.ok ? 'exhausted' : 'unreachable' };
        // a register never persisted at all cannot be held at a mark: no frame rather than one that may go back later
        if (!r.ok && above.some(([name]) => marks[name] === undefined)) return { kind: 'no-counter', reason: 'unreachable' };
      }
      return { kind: 'ok', counter: encrypted ? next++ : null, marks };
    },
    /** The first counter not yet used: what the central is told for its meter view. */
    get nextCounter(): number {
      return next;
    },
    get lastError(): string {
      return lastError;
    },
  };
}

/** Holds every register of `t` at or below its persisted mark (only needed while the central is unreachable). */
export function holdAtMarks(t: Telegram, marks: Record<string, number>): void {
  const e = t.electricity;
  for (const name of ['importEnergyWh', 'exportEnergyWh', 'importReactiveVarh', 'exportReactiveVarh'] as const) {
    const v = e[name];
    const m = marks[name];
    if (v !== undefined && m !== undefined && v > m) e[name] = m;
  }
  for (const ch of t.mbus) {
    const m = marks[`mbus${ch.channel}:${ch.kind}|${ch.deviceType}|${ch.equipmentId ?? ''}`];
    if (typeof ch.value === 'number' && m !== undefined && Math.round(ch.value * 1000) > m) ch.value = m / 1000;
  }
}
