/**
 * A capture exported by the host (`capture:export`) replays through `luxp1 decode`: the same
 * telegrams come out, and a redacted capture no longer carries the meter's real id.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostServices } from '../../contracts/ipc.ts';
import { startMeterStack, type MeterStack } from './support/meter-stack.ts';
import { makeTempDir, type TempDir } from './support/temp-dir.ts';

const run = promisify(execFile);
let stack: MeterStack;
let tmp: TempDir;
let key: string;

beforeAll(async () => {
  tmp = makeTempDir('capture');
  stack = await startMeterStack({ staticDir: tmp.path, intervalMs: 200 });
  const demo = stack.central.demo!;
  const paired = await stack.services.handle('pairing:pair', {
    centralUrl: stack.central.url,
    meterId: demo.meterId,
    code: demo.pairingCode,
  });
  expect(paired.ok && paired.value.status).toBe('paired');
  key = (await stack.staffCall('GET', `/api/meters/${demo.meterId}/port`)).json.key;
  await telegrams(stack.services, 3);
}, 60_000);

afterAll(async () => {
  await stack?.close();
  tmp?.remove();
});

/** Resolves after `n` decoded telegrams (event-driven, no sleeping). */
function telegrams(services: HostServices, n: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const off = services.on('meter:reading', () => {
      if (++seen < n) return;
      off();
      resolve();
    });
  });
}

async function exportAndDecode(
  redact: boolean,
  args: string[],
): Promise<{ exported: Record<string, unknown>[]; decoded: Record<string, unknown>[] }> {
  const r = await stack.services.handle('capture:export', { redact });
  if (!r.ok) throw new Error(r.error.message);
  const file = join(tmp.path, r.value.fileName);
  writeFileSync(file, r.value.ndjson);
  const { stdout } = await run(process.execPath, ['electron/cli/luxp1.ts', 'decode', ...args, file], { maxBuffer: 64 << 20 });
  const parse = (text: string) =>
    text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { exported: parse(r.value.ndjson), decoded: parse(stdout) };
}

describe('capture export round trip', () => {
  it('decodes an unredacted capture with the meter key to the telegrams the host saw', async () => {
    const { exported, decoded } = await exportAndDecode(false, ['--key', key]);
    const shown = exported.filter((rec) => rec.type === 'telegram');
    const replayed = decoded.filter((rec) => rec.type === 'telegram');
    expect(replayed.length).toBeGreaterThanOrEqual(3);
    expect(replayed.map((rec) => rec.frameCounter)).toEqual(shown.map((rec) => rec.frameCounter));
    expect(replayed.map((rec) => (rec.electricity as { meterId?: string }).meterId)).toEqual(
      shown.map((rec) => (rec.electricity as { meterId?: string }).meterId),
    );
    expect((replayed[0]!.electricity as { meterId?: string }).meterId).toBe(stack.central.demo!.meterId);
  });

  it('keeps the real meter id and system title out of a redacted capture', async () => {
    const r = await stack.services.handle('capture:export', { redact: true });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.ndjson).not.toContain(stack.central.demo!.meterId);
    expect(r.value.ndjson.toUpperCase()).not.toContain(stack.central.demo!.systemTitle);
    const { decoded } = await exportAndDecode(true, []);
    expect(decoded.length).toBeGreaterThan(0);
  });
});
