import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileSource } from '../../../../electron/host/sources/file.ts';
import type { SourceEvent } from '../../../../electron/host/sources/source.ts';
import { createFakeClock } from '../fake-clock.ts';
import { startHost, type Harness } from '../host-harness.ts';
import { plainTelegram } from '../vectors.ts';
import { formatCaptureFrame, formatCaptureHeader } from '../../../../electron/host/capture.ts';

let dir = '';
let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
  rmSync(dir, { recursive: true, force: true });
});

function rawFile(telegrams: number): string {
  dir = mkdtempSync(join(tmpdir(), 'luxp1-file-'));
  const path = join(dir, 'port.raw');
  writeFileSync(path, Buffer.concat(Array.from({ length: telegrams }, () => Buffer.from(plainTelegram()))));
  return path;
}

function run(path: string, speed: number) {
  const clock = createFakeClock();
  const states: SourceEvent[] = [];
  let bytes = 0;
  const source = createFileSource(path, speed, clock);
  const opened = new Promise<void>((resolve) =>
    source.open(
      (b) => (bytes += b.length),
      (e) => {
        states.push(e);
        if (e.status === 'open') resolve();
      },
    ),
  );
  return { clock, states, source, opened, bytes: () => bytes };
}

describe('file source', () => {
  it('replays a raw file in serial-sized chunks, paced by speed, then ends', async () => {
    const path = rawFile(4);
    const total = plainTelegram().length * 4;
    const chunks = Math.ceil(total / 256);
    const slow = run(path, 1);
    await slow.opened;
    slow.clock.advance(0);
    expect(slow.bytes()).toBe(256);
    const fast = run(path, 10);
    await fast.opened;
    fast.clock.advance(0);
    // The same stretch of fake time carries ten times the bytes at speed 10.
    slow.clock.advance(22 * 3);
    fast.clock.advance(22 * 3);
    expect(slow.bytes()).toBe(4 * 256);
    expect(fast.bytes()).toBe(total);
    expect(fast.states.at(-1)).toMatchObject({ status: 'ended' });
    slow.clock.advance(22 * chunks);
    expect(slow.bytes()).toBe(total);
    expect(slow.states.map((s) => s.status)).toEqual(['open', 'ended']);
  });

  it('replays a capture at the recorded pace divided by speed', async () => {
    dir = mkdtempSync(join(tmpdir(), 'luxp1-file-'));
    const path = join(dir, 'c.ndjson');
    const t0 = 1_763_733_600_000;
    const frame = plainTelegram();
    writeFileSync(
      path,
      formatCaptureHeader({ createdAt: t0, redacted: false }) +
        [0, 10_000, 30_000].map((d) => formatCaptureFrame(t0 + d, frame)).join('') +
        '{"type":"telegram"}\n',
    );
    const r = run(path, 10);
    await r.opened;
    r.clock.advance(0);
    expect(r.bytes()).toBe(frame.length);
    r.clock.advance(999);
    expect(r.bytes()).toBe(frame.length);
    r.clock.advance(1);
    expect(r.bytes()).toBe(2 * frame.length);
    r.clock.advance(2_000);
    expect(r.bytes()).toBe(3 * frame.length);
    expect(r.states.at(-1)).toMatchObject({ status: 'ended', message: expect.stringMatching(/3 frames/) });
  });

  it('a missing file is a fatal one-line failure', async () => {
    dir = mkdtempSync(join(tmpdir(), 'luxp1-file-'));
    const clock = createFakeClock();
    const event = await new Promise<SourceEvent>((resolve) => createFileSource(join(dir, 'nope.raw'), 0, clock).open(() => {}, resolve));
    expect(event).toEqual({ status: 'failed', message: `ENOENT: ${join(dir, 'nope.raw')} not found`, fatal: true });
  });

  it('through the host at speed 0: every telegram read, link idle at the end', async () => {
    const path = rawFile(25);
    h = await startHost();
    await h.host.handle('source:set', { kind: 'file', path, speed: 0 });
    const end = await h.next('meter:link', (s) => s.status === 'idle' && /finished/.test(s.message ?? ''));
    expect(end.message).toMatch(/replay of .* finished/);
    expect(h.events.filter((e) => e.name === 'meter:reading')).toHaveLength(25);
  });
});
