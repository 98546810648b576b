/**
 * Reads a LuxP1 capture file (format owned by capture.ts) into timed frames for the file source.
 * Returns null when the input is not a capture, so the caller replays it as raw bytes.
 */
import { isCaptureStart, parseCaptureLine } from './capture.ts';

export interface TimedFrame {
  at: number; // epoch ms the frame was received
  bytes: Uint8Array;
}

/** The frames of a capture in file order (decoded records and bad lines skipped); null when not a capture. */
export function readCaptureFrames(data: Uint8Array): TimedFrame[] | null {
  if (!isCaptureStart(data.subarray(0, 64))) return null;
  const frames: TimedFrame[] = [];
  for (const line of Buffer.from(data.buffer, data.byteOffset, data.length).toString('latin1').split('\n')) {
    const parsed = parseCaptureLine(line);
    if (parsed.kind === 'frame') frames.push({ at: parsed.at, bytes: parsed.raw });
  }
  return frames;
}
