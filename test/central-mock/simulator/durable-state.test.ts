/**
 * Issue 9: a simulated meter never reuses a frame counter under one key (AES-GCM nonce reuse) and
 * never shows a register below one it showed before, across `kill -9`, restarts, a second simulator
 * on the same meter and clock steps.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hexToBytes, type Telegram } from '../../../protocol/index.ts';
import { startSimulator, type SentFrame } from '../../../central-mock/simulator/run-meter.ts';
import { createPortReader, startTestCentral, type TestCentral } from './harness.ts';

const METER = 'SAG1030700012701';
let tc: TestCentral;

beforeAll(async () => {
  tc = await startTestCentral();
});
afterAll(() => tc?.close());

/** Every register a telegram shows, by name. */
function registers(t: Telegram): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of ['importEnergyWh', 'exportEnergyWh', 'importReactiveVarh', 'exportReactiveVarh'] as const) out[k] = t.electricity[k]!;
  for (const m of t.mbus) if (typeof m.value === 'number') out[`mbus${m.channel}`] = m.value;
  return out;
}

function expectNotBelow(later: Record<string, number>, earlier: Record<string, number>, where: string): void {
  for (const [k, v] of Object.entries(earlier)) expect(later[k], `${where}: ${k}`).toBeGreaterThanOrEqual(v);
}

describe('the simulator never reuses a frame counter', () => {
  it('after kill -9 of `luxp1 simulate` and a restart, three times over: every counter once', async () => {
    const key = hexToBytes((await tc.api('GET', `/api/meters/${METER}/port`)).body.key);
    const counters: number[] = [];
    let last: Record<string, number> = {};
    for (let run = 0; run < 3; run++) {
      const file = join(tc.dir, `port-${run}.bin`);
      const child = spawn(
        'node_modules/.bin/node',
        [
          'electron/cli/luxp1.ts',
          'simulate',
          '--central',
          tc.central.url,
          '--data',
          join(tc.dir, 'central'),
          '--meter',
          METER,
          '--out',
          `file:${file}`,
          '--interval',
          '20ms',
        ],
        { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LUXP1_STAFF_TOKEN: undefined } },
      );
      const killed = new Promise<string | null>((resolve) => child.once('exit', (_c, sig) => resolve(sig)));
      const reader = createPortReader(key);
      let read = 0;
      // Waits on the file the process writes, frame by frame, until it has sent a few.
      while (reader.events.filter((e) => e.type === 'telegram').length < 8) {
        await new Promise((r) => setTimeout(r, 20));
        let bytes: Buffer;
        try {
          bytes = readFileSync(file);
        } catch {
          continue;
        }
        reader.push(new Uint8Array(bytes.subarray(read)));
        read = bytes.length;
      }
      child.kill('SIGKILL');
      expect(await killed).toBe('SIGKILL');
      reader.push(new Uint8Array(readFileSync(file).subarray(read)));
      expect(reader.events.filter((e) => e.type === 'error')).toEqual([]);
      for (const e of reader.events) {
        if (e.type !== 'telegram') continue;
        counters.push(e.frame!.frameCounter);
        const regs = registers(e.telegram);
        expectNotBelow(regs, last, `run ${run + 1}, counter ${e.frame!.frameCounter}`);
        last = regs;
      }
    }
    expect(counters.length).toBeGreaterThanOrEqual(24);
    expect(new Set(counters).size).toBe(counters.length);
  });
});

describe('the simulator never counts a register backwards', () => {
  it('across a restart with the clock stepped back, and with a second simulator on the same meter', async () => {
    const t0 = Date.parse('2026-12-01T06:00:00Z');
    const frames: SentFrame[] = [];
    // an hour per frame: every register, M-Bus included, moves from frame to frame
    let clock1 = t0;
    const first = await startSimulator({
      centralUrl: tc.central.url,
      token: tc.central.staffToken,
      meterId: METER,
      sink: `file:${join(tc.dir, 'reg-1.bin')}`,
      intervalMs: 20,
      now: () => {
        clock1 += 3_600_000;
        return new Date(clock1);
      },
      log: () => {},
    });
    await new Promise<void>((resolve) => {
      const off = first.onFrame((f) => {
        frames.push(f);
        if (frames.length >= 6) off(), resolve();
      });
    });
    await first.stop();
    const shown = registers(frames.at(-1)!.telegram);
    expect(shown.mbus1).toBeGreaterThan(registers(frames[0]!.telegram).mbus1!); // the hours did move the gas index

    // restarted with the clock back at the start, plus a second simulator at the same time
    let clock2 = t0;
    let clock3 = t0;
    const later: SentFrame[][] = [[], []];
    const sims = await Promise.all(
      [
        () => {
          clock2 += 1_000;
          return clock2;
        },
        () => {
          clock3 += 1_000;
          return clock3;
        },
      ].map((tick, i) =>
        startSimulator({
          centralUrl: tc.central.url,
          token: tc.central.staffToken,
          meterId: METER,
          sink: `file:${join(tc.dir, `reg-${i + 2}.bin`)}`,
          intervalMs: 20,
          now: () => new Date(tick()),
          onFrame: (f) => later[i]!.push(f),
          log: () => {},
        }),
      ),
    );
    await new Promise<void>((resolve) => {
      const check = () => later.every((l) => l.length >= 5) && resolve();
      for (const s of sims) s.onFrame(check);
    });
    await Promise.all(sims.map((s) => s.stop()));
    for (const [i, run] of later.entries())
      for (const f of run) expectNotBelow(registers(f.telegram), shown, `simulator ${i + 2}, frame ${f.seq}`);
    const counters = [...frames, ...later[0]!, ...later[1]!].map((f) => f.frameCounter!);
    expect(new Set(counters).size).toBe(counters.length);
  });
});
