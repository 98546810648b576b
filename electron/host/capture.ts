/**
 * The LuxP1 capture format: what the app exports and what `luxp1 decode` and the file source replay.
 *
 *   {"type":"luxp1-capture","version":1,"createdAt":"2026-11-21T14:00:00.000Z","redacted":false}
 *   {"type":"frame","at":1763733600000,"rawHex":"DB08534147…"}
 *   {"type":"telegram",…}            ← decoded records may be interleaved; replay ignores them
 *   {"type":"redacted","at":…,"record":{…,"redacted":true}}   ← a redacted capture has only these
 *
 * NDJSON, one frame (or plain telegram) per line, as the bytes came off the wire. Raw port bytes
 * never start with '{', so a capture is told apart from a raw dump by its first line. Redaction is
 * the exporter's job (capture-export.ts with redact.ts).
 */
import { bytesToHex, parseHex } from '../../protocol/index.ts';

export const CAPTURE_TYPE = 'luxp1-capture';
export const CAPTURE_VERSION = 1;

export interface CaptureHeader {
  type: typeof CAPTURE_TYPE;
  version: number;
  createdAt: string; // ISO 8601
  redacted: boolean;
}

export type CaptureLine =
  | { kind: 'header'; header: CaptureHeader }
  | { kind: 'frame'; at: number; raw: Uint8Array }
  | { kind: 'redacted'; at: number; record: Record<string, unknown> } // a decoded, redacted record: no bytes to replay
  | { kind: 'other' } // a decoded record or another line type: ignored on replay
  | { kind: 'blank' }
  | { kind: 'invalid'; message: string };

const START = /^\uFEFF?\s*\{\s*"type"\s*:\s*"luxp1-capture"/;

/** Whether the first bytes of an input are a capture header (give at least the first 40 bytes). */
export function isCaptureStart(firstBytes: Uint8Array): boolean {
  let text = '';
  for (let i = 0; i < Math.min(firstBytes.length, 64); i++) text += String.fromCharCode(firstBytes[i]!);
  return START.test(text);
}

/** The first line of a capture, with its newline. */
export function formatCaptureHeader(opts: { createdAt: Date | number; redacted: boolean }): string {
  const header: CaptureHeader = {
    type: CAPTURE_TYPE,
    version: CAPTURE_VERSION,
    createdAt: new Date(opts.createdAt).toISOString(),
    redacted: opts.redacted,
  };
  return `${JSON.stringify(header)}\n`;
}

/** One frame line, with its newline. `at` is epoch ms. */
export function formatCaptureFrame(at: number, raw: Uint8Array): string {
  return `${JSON.stringify({ type: 'frame', at, rawHex: bytesToHex(raw) })}\n`;
}

/** One redacted record line, with its newline. */
export function formatCaptureRedacted(at: number, record: Record<string, unknown>): string {
  return `${JSON.stringify({ type: 'redacted', at, record })}\n`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads one capture line; never throws. */
export function parseCaptureLine(line: string): CaptureLine {
  if (line.trim() === '') return { kind: 'blank' };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { kind: 'invalid', message: 'capture: expected a JSON object per line' };
  }
  if (!isObject(value) || typeof value.type !== 'string') return { kind: 'invalid', message: 'capture: expected an object with a "type"' };
  if (value.type === CAPTURE_TYPE) {
    const { version, createdAt, redacted } = value;
    if (version !== CAPTURE_VERSION)
      return { kind: 'invalid', message: `capture: expected version ${CAPTURE_VERSION}, got ${JSON.stringify(version)}` };
    return { kind: 'header', header: { type: CAPTURE_TYPE, version, createdAt: String(createdAt ?? ''), redacted: redacted === true } };
  }
  if (value.type === 'redacted') {
    if (!isObject(value.record) || typeof value.record.type !== 'string')
      return { kind: 'invalid', message: 'capture: expected a "record" object in a redacted line' };
    const at = typeof value.at === 'number' && Number.isFinite(value.at) ? value.at : 0;
    return { kind: 'redacted', at, record: value.record };
  }
  if (value.type !== 'frame') return { kind: 'other' };
  const raw = typeof value.rawHex === 'string' ? parseHex(value.rawHex) : null;
  if (raw === null || raw.length === 0) return { kind: 'invalid', message: 'capture: expected "rawHex" as non-empty hex in a frame line' };
  const at = typeof value.at === 'number' && Number.isFinite(value.at) ? value.at : 0;
  return { kind: 'frame', at, raw };
}
