/**
 * The recent frames as they came off the wire, for `capture:export`: bounded by age and count so
 * a fast replay or a babbling line cannot grow it without limit.
 */
import type { DecoderEvent } from '../../protocol/types.ts';

export type FrameEvent = Exclude<DecoderEvent, { type: 'warning' }>;

export interface LoggedFrame {
  at: number;
  event: FrameEvent;
}

export interface FrameLog {
  add(at: number, event: FrameEvent): void;
  /** Frames received at or after `since`, oldest first. */
  since(since: number): LoggedFrame[];
  /** The newest encrypted frame, whatever its status: what a new key is tried on. */
  lastEncrypted(): LoggedFrame | null;
}

/** A log keeping at most `maxFrames` frames, none older than `maxAgeMs` behind the newest. */
export function createFrameLog(maxFrames = 2000, maxAgeMs = 60 * 60_000): FrameLog {
  const frames: LoggedFrame[] = [];
  let lastEncrypted: LoggedFrame | null = null;
  return {
    add(at, event) {
      const entry = { at, event };
      frames.push(entry);
      if (event.frame) lastEncrypted = entry;
      let drop = Math.max(0, frames.length - maxFrames);
      while (drop < frames.length && frames[drop]!.at < at - maxAgeMs) drop++;
      if (drop > 0) frames.splice(0, drop);
    },
    since: (since) => frames.filter((f) => f.at >= since),
    lastEncrypted: () => lastEncrypted,
  };
}
