/**
 * What the service view shows about the port over time, kept in the store so that it survives a
 * tab switch: the newest frames, the telegram interval over the last hour, and the staff changes
 * with their timings. Every list is bounded (ring buffers), whatever the meter's pace.
 */
import type { ChangeTiming, FrameRecord } from '../../contracts/ipc.ts';
import { createRingBuffer } from './ring-buffer.ts';

export const MAX_FRAMES = 200;
export const INTERVAL_WINDOW_MS = 60 * 60 * 1000;
/** An hour at a fast simulator's 2 telegrams a second; a real meter (every 10 s) needs 360. */
export const MAX_INTERVALS = 7200;
export const MAX_TIMINGS = 100;

/** Seconds since the previous readable telegram, at the time a telegram arrived. */
export interface IntervalPoint {
  at: number;
  seconds: number;
}

export interface PortLogView {
  frames: FrameRecord[]; // newest first
  intervals: IntervalPoint[]; // oldest first, within the last hour
}

export interface PortLog {
  /** Adds a frame; returns the new lists (`intervals` is the same array when the frame added none). */
  addFrame(frame: FrameRecord): PortLogView;
  clear(): void;
}

/** Create an empty log. Only frames that carried a readable telegram count for the interval. */
export function createPortLog(): PortLog {
  const frames = createRingBuffer<FrameRecord>(MAX_FRAMES);
  const intervals = createRingBuffer<IntervalPoint>(MAX_INTERVALS);
  let lastTelegramAt: number | null = null;
  let intervalView: IntervalPoint[] = [];

  return {
    addFrame(frame) {
      frames.push(frame);
      if (frame.text !== null) {
        if (lastTelegramAt !== null) {
          intervals.push({ at: frame.at, seconds: (frame.at - lastTelegramAt) / 1000 });
          intervals.dropWhile((p) => p.at < frame.at - INTERVAL_WINDOW_MS);
          intervalView = intervals.toArray();
        }
        lastTelegramAt = frame.at;
      }
      return { frames: frames.toArray().reverse(), intervals: intervalView };
    },
    clear() {
      frames.clear();
      intervals.clear();
      lastTelegramAt = null;
      intervalView = [];
    },
  };
}

/**
 * Merges a timing into a newest-first list by id (the `staff:change` reply and `staff:timing`
 * events may come in any order), keeping at most MAX_TIMINGS.
 */
export function mergeTiming(list: readonly ChangeTiming[], next: ChangeTiming): ChangeTiming[] {
  const i = list.findIndex((x) => x.id === next.id);
  if (i < 0) return [next, ...list].slice(0, MAX_TIMINGS);
  const old = list[i]!;
  // Never lose a filled-in time to an older, emptier copy.
  const merged = { ...old, ...next, acceptedAt: next.acceptedAt ?? old.acceptedAt, seenAt: next.seenAt ?? old.seenAt };
  return list.map((x, j) => (j === i ? merged : x));
}

/**
 * At most about `maxPoints` of `points` to draw: consecutive runs collapse to their longest interval,
 * so a lost frame's spike stays visible while recharts draws hundreds of points, not thousands.
 */
export function drawnIntervals(points: IntervalPoint[], maxPoints = 720): IntervalPoint[] {
  if (points.length <= maxPoints) return points;
  const run = Math.ceil(points.length / maxPoints);
  const out: IntervalPoint[] = [];
  for (let i = 0; i < points.length; i += run) {
    let top = points[i]!;
    for (let j = i + 1; j < Math.min(i + run, points.length); j++) if (points[j]!.seconds > top.seconds) top = points[j]!;
    out.push(top);
  }
  return out;
}
