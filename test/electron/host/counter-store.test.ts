import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCounterStore, keyFingerprint } from '../../../electron/host/counter-store.ts';
import { asciiToBytes, encodeTelegram, encryptFrame, hexToBytes, parseTelegram } from '../../../protocol/index.ts';
import type { FrameRecord } from '../../../contracts/ipc.ts';
import { createHostServices } from '../../../electron/host/services.ts';
import { NEXXT_KEY, NEXXT_TITLE, plainTelegram } from './vectors.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'luxp1-counters-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const KEY = hexToBytes(NEXXT_KEY);

describe('counter store', () => {
  it('keeps the last counter per system title per key across instances, by fingerprint only', async () => {
    const path = join(tempDir(), 'counters.json');
    const a = createCounterStore(path, () => {});
    a.save(KEY, { [NEXXT_TITLE]: 41 });
    a.save(KEY, { [NEXXT_TITLE]: 42 });
    await a.flush();
    const b = createCounterStore(path, () => {});
    expect(await b.load()).toBeNull();
    expect(b.get(KEY)).toEqual({ [NEXXT_TITLE]: 42 });
    expect(b.get(hexToBytes('00'.repeat(16)))).toBeUndefined();
    const text = readFileSync(path, 'utf8');
    expect(text).toContain(keyFingerprint(KEY));
    expect(text.toUpperCase()).not.toContain(NEXXT_KEY);
  });

  it('keeps an unreadable file aside and says so, and a failed write is reported, not thrown', async () => {
    const dir = tempDir();
    const path = join(dir, 'counters.json');
    writeFileSync(path, '{"version": 1, "keys": ');
    const errors: string[] = [];
    const store = createCounterStore(path, (e) => errors.push(e));
    expect(await store.load()).toMatch(/could not be read; kept a copy as counters\.json\.bad/);
    expect(readFileSync(`${path}.bad`, 'utf8')).toBe('{"version": 1, "keys": ');
    const blocked = createCounterStore(join(path, 'below-a-file.json'), (e) => errors.push(e));
    blocked.save(KEY, { [NEXXT_TITLE]: 1 });
    await blocked.flush();
    expect(errors.at(-1)).toMatch(/counters: could not save below-a-file\.json/);
  });
});

describe('replay across a restart (issue 9)', () => {
  it('refuses a recorded frame after the app restarted, under the same key', async () => {
    const dir = tempDir();
    const parsed = parseTelegram(plainTelegram());
    if (!parsed.ok) throw new Error(parsed.error.message);
    const frame = (frameCounter: number) =>
      encryptFrame({ key: KEY, systemTitle: hexToBytes(NEXXT_TITLE), frameCounter, plaintext: asciiToBytes(encodeTelegram(parsed.value)) });
    const live = join(dir, 'live.bin');
    writeFileSync(live, Buffer.concat([frame(5), frame(6), frame(7)]));
    const replay = join(dir, 'replay.bin');
    writeFileSync(replay, Buffer.concat([frame(0), frame(6)]));

    // Two runs of the host on one data directory, as a restart is.
    const run = async (source: string) => {
      const host = await createHostServices({ dataDir: join(dir, 'data'), log: () => {} });
      const frames: FrameRecord[] = [];
      let readings = 0;
      host.on('meter:frame', (f) => frames.push(f));
      host.on('meter:reading', () => readings++);
      return { host, frames, readings: () => readings, source };
    };
    const first = await run(live);
    expect((await first.host.handle('key:set', { hex: NEXXT_KEY })).ok).toBe(true);
    await first.host.handle('source:set', { kind: 'file', path: live, speed: 0 });
    await expect.poll(() => first.frames.filter((f) => f.status === 'ok').length).toBe(3);
    await first.host.close();

    const second = await run(replay);
    await second.host.handle('source:set', { kind: 'file', path: replay, speed: 0 });
    await expect.poll(() => second.frames.length).toBe(2);
    expect(second.frames.map((f) => [f.frame?.frameCounter, f.status])).toEqual([
      [0, 'REPLAY'],
      [6, 'REPLAY'],
    ]);
    expect(second.readings()).toBe(0);
    await second.host.close();
  });
});
