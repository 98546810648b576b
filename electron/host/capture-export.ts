/**
 * `capture:export`: the recent frames as a LuxP1 capture (capture.ts).
 *
 * Unredacted: per frame its capture line (raw bytes) and its decoded record; `luxp1 decode` and the
 * file source replay the bytes (with the meter key for encrypted frames).
 *
 * Redacted: no bytes at all (ciphertext cannot be redacted, and a plain telegram's values are what
 * redaction removes), only each frame's decoded record with its ids pseudonymised and its values and
 * messages removed (redact.ts says exactly what stays), as `{"type":"redacted","at",…,"record"}` lines.
 * `luxp1 decode` prints those records as they are; nothing in them needs or reveals the key.
 */
import { toRecord } from '../../protocol/index.ts';
import { formatCaptureFrame, formatCaptureHeader, formatCaptureRedacted } from './capture.ts';
import type { LoggedFrame } from './frame-log.ts';
import { createRedactor } from './redact.ts';

function stamp(at: number): string {
  return new Date(at).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

/** NDJSON: the capture header, then per frame either its capture line and record, or its redacted record. */
export function exportCapture(
  frames: LoggedFrame[],
  opts: { redact: boolean; now: number },
): { fileName: string; ndjson: string; frames: number } {
  const redactor = opts.redact ? createRedactor() : null;
  let ndjson = formatCaptureHeader({ createdAt: opts.now, redacted: opts.redact });
  for (const { at, event } of frames) {
    const record = toRecord(event);
    if (redactor) ndjson += formatCaptureRedacted(at, redactor.record(record));
    else ndjson += `${formatCaptureFrame(at, event.raw)}${JSON.stringify(record)}\n`;
  }
  return { fileName: `luxp1-capture-${stamp(opts.now)}${opts.redact ? '-redacted' : ''}.ndjson`, ndjson, frames: frames.length };
}
