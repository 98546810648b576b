import { describe, expect, it } from 'vitest';
import type { ChangeTiming, FrameRecord } from '../../../contracts/ipc.ts';
import {
  INTERVAL_WINDOW_MS,
  MAX_FRAMES,
  MAX_INTERVALS,
  MAX_TIMINGS,
  createPortLog,
  drawnIntervals,
  mergeTiming,
} from '../../../renderer/state/port-log.ts';

const frame = (at: number, text: string | null = 'telegram'): FrameRecord => ({
  at,
  rawHex: '',
  frame: null,
  text,
  status: text === null ? 'AUTH_FAILED' : 'ok',
});
const timing = (id: number, patch: Partial<ChangeTiming> = {}): ChangeTiming => ({
  id,
  change: { kind: 'rotate-key' },
  requestedAt: 0,
  acceptedAt: null,
  seenAt: null,
  ...patch,
});

describe('port log', () => {
  it('keeps the newest MAX_FRAMES frames, newest first', () => {
    const log = createPortLog();
    let view = log.addFrame(frame(0));
    for (let i = 1; i < MAX_FRAMES + 50; i++) view = log.addFrame(frame(i * 1000));
    expect(view.frames).toHaveLength(MAX_FRAMES);
    expect(view.frames[0]!.at).toBe((MAX_FRAMES + 49) * 1000);
    expect(view.frames.at(-1)!.at).toBe(50 * 1000);
  });

  it('measures intervals between readable telegrams only, and returns the same list when a frame adds none', () => {
    const log = createPortLog();
    log.addFrame(frame(0));
    const before = log.addFrame(frame(10_000)).intervals;
    const failed = log.addFrame(frame(20_000, null)); // a frame the key could not open
    expect(failed.intervals).toBe(before);
    const after = log.addFrame(frame(30_000)).intervals;
    expect(after.map((p) => p.seconds)).toEqual([10, 20]);
  });

  it('keeps intervals of the last hour only, and never more than MAX_INTERVALS', () => {
    const log = createPortLog();
    let intervals = log.addFrame(frame(0)).intervals;
    for (let at = 10_000; at <= 2 * INTERVAL_WINDOW_MS; at += 10_000) intervals = log.addFrame(frame(at)).intervals;
    expect(intervals[0]!.at).toBeGreaterThanOrEqual(intervals.at(-1)!.at - INTERVAL_WINDOW_MS);
    expect(intervals).toHaveLength(INTERVAL_WINDOW_MS / 10_000 + 1);

    const fast = createPortLog();
    for (let at = 0; at <= (MAX_INTERVALS + 5) * 100; at += 100) intervals = fast.addFrame(frame(at)).intervals;
    expect(intervals).toHaveLength(MAX_INTERVALS);
  });

  it('merges timings by id without losing a filled-in time, newest first, at most MAX_TIMINGS', () => {
    let list = mergeTiming([], timing(1, { acceptedAt: 5 }));
    list = mergeTiming(list, timing(2));
    list = mergeTiming(list, timing(1, { seenAt: 9 }));
    expect(list.map((x) => [x.id, x.acceptedAt, x.seenAt])).toEqual([
      [2, null, null],
      [1, 5, 9],
    ]);
    for (let id = 3; id < MAX_TIMINGS + 10; id++) list = mergeTiming(list, timing(id));
    expect(list).toHaveLength(MAX_TIMINGS);
    expect(list[0]!.id).toBe(MAX_TIMINGS + 9);
  });

  it('draws a long series as fewer points that keep every spike', () => {
    const points = Array.from({ length: 3600 }, (_, i) => ({ at: i * 1000, seconds: i === 1234 ? 31 : 1 }));
    const drawn = drawnIntervals(points, 720);
    expect(drawn.length).toBeLessThanOrEqual(720);
    expect(drawn.some((p) => p.seconds === 31 && p.at === 1_234_000)).toBe(true);
    const short = points.slice(0, 100);
    expect(drawnIntervals(short, 720)).toBe(short);
  });
});
