/**
 * `capture:export`: the recent raw frames as a LuxP1 capture (capture.ts: replayable by the file
 * source and `luxp1 decode`), each frame line followed by its decoded record, and redacted unless
 * asked otherwise: ids and system titles get consistent pseudonyms (redact.ts), so a shared capture
 * still tells devices apart and its plain telegrams keep a valid CRC.
 */
import { toRecord } from '../../protocol/index.ts';
import { formatCaptureFrame, formatCaptureHeader } from './capture.ts';
import type { LoggedFrame } from './frame-log.ts';
import { createRedactor } from './redact.ts';

function stamp(at: number): string {
  return new Date(at).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

/** NDJSON: the capture header, then per frame its capture line and its decoded record. */
export function exportCapture(frames: LoggedFrame[], opts: { redact: boolean; now: number }): { fileName: string; ndjson: string } {
  const redactor = opts.redact ? createRedactor() : null;
  let ndjson = formatCaptureHeader({ createdAt: opts.now, redacted: opts.redact });
  for (const { at, event } of frames) {
    const raw = redactor ? Buffer.from(redactor.frameHex(Buffer.from(event.raw).toString('hex').toUpperCase()), 'hex') : event.raw;
    ndjson += formatCaptureFrame(at, raw);
    const record = toRecord(event);
    ndjson += `${JSON.stringify(redactor ? redactor.value(record) : record)}\n`;
  }
  return { fileName: `luxp1-capture-${stamp(opts.now)}${opts.redact ? '-redacted' : ''}.ndjson`, ndjson };
}
