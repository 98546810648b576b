/**
 * Builds the decoder's events. Messages are one line for people and never carry key material.
 */
import { bytesToAscii } from '../bytes.ts';
import { parseTelegram } from '../dsmr/parse.ts';
import type { ParseOptions } from '../dsmr/parse.ts';
import type { DecoderEvent, ErrorCode, FrameHeader, PlainPolicy, ProtocolErrorInfo, Result, Telegram, WarningCode } from '../types.ts';
import type { CounterVerdict } from './counter.ts';

export type Parsed = { text: string; result: Result<Telegram, ProtocolErrorInfo> };

/** Parses a telegram (plain, or the plaintext of a verified frame); the text is converted once. */
export function parseBytes(bytes: Uint8Array, opts: ParseOptions = {}): Parsed {
  const text = bytesToAscii(bytes);
  try {
    return { text, result: parseTelegram(text, opts) };
  } catch (err) {
    // The parser promises not to throw; if it ever does, the stream must survive it.
    return { text, result: { ok: false, error: { code: 'MALFORMED', message: `telegram: parser failed: ${String(err)}` } } };
  }
}

/** The event for a parsed telegram: the reading, or the parser's error. */
export function parsedEvent(parsed: Parsed, frame: FrameHeader | null, raw: Uint8Array): DecoderEvent {
  const r = parsed.result;
  if (!r.ok) return errorEvent(r.error.code, r.error.message, frame, raw);
  return { type: 'telegram', encrypted: frame !== null, frame, telegram: r.value, text: parsed.text, raw };
}

/** Parses a telegram (plain, or the plaintext of a verified frame) into its event. */
export function telegramEvent(bytes: Uint8Array, frame: FrameHeader | null, raw: Uint8Array, opts: ParseOptions = {}): DecoderEvent {
  return parsedEvent(parseBytes(bytes, opts), frame, raw);
}

/** A CRC-valid plain telegram the policy refuses: its header line for the host, never its values. */
export function plainRefusedEvent(header: string, policy: PlainPolicy, raw: Uint8Array): DecoderEvent {
  const why =
    policy === 'refuse'
      ? 'plain telegrams are refused by the settings'
      : 'a plain telegram arrived after verified encrypted frames: a possible injection, or the operator switched encryption off';
  const shown = header.length > 64 ? `${header.slice(0, 64)}…` : header;
  return {
    type: 'error',
    code: 'PLAIN_REFUSED',
    message: `stream: ${why} (header ${JSON.stringify(shown)}); not shown`,
    frame: null,
    raw,
    header,
    policy,
  };
}

/** A pending frame whose length field is proven false by a verified frame or telegram inside it. */
export function falseLengthEvent(length: number, raw: Uint8Array): DecoderEvent {
  const message = `frame: length field says ${length} bytes, but a verified frame or telegram starts ${raw.length} byte(s) in: false or corrupted header dropped`;
  return errorEvent('MALFORMED', message, null, raw);
}

/** Telegram-like bytes (a header line at least) that never became a telegram. */
export function droppedTelegramEvent(raw: Uint8Array, why: string): DecoderEvent {
  const nl = raw.indexOf(0x0a);
  const header = bytesToAscii(raw.subarray(0, Math.min(nl < 0 ? raw.length : nl, 64))).replace(/\r$/, '');
  return errorEvent('MALFORMED', `stream: telegram ${JSON.stringify(header)} dropped (${raw.length} byte(s)): ${why}`, null, raw);
}

export function errorEvent(code: ErrorCode, message: string, frame: FrameHeader | null, raw: Uint8Array): DecoderEvent {
  return { type: 'error', code, message, frame, raw };
}

function warningEvent(code: WarningCode, message: string, frame: FrameHeader | null): DecoderEvent & { type: 'warning' } {
  return { type: 'warning', code, message, frame };
}

export function noiseEvent(skippedBytes: number): DecoderEvent {
  const event = warningEvent('NOISE_SKIPPED', `stream: skipped ${skippedBytes} byte(s) that are not part of a frame or telegram`, null);
  event.skippedBytes = skippedBytes;
  return event;
}

export function noKeyEvent(frame: FrameHeader, raw: Uint8Array): DecoderEvent {
  const message = `frame: encrypted frame (counter ${frame.frameCounter}) but no key is set; ask the grid operator for the meter's key`;
  return errorEvent('NO_KEY', message, frame, raw);
}

export function truncatedEvent(raw: Uint8Array, what: 'frame' | 'telegram'): DecoderEvent {
  return errorEvent('MALFORMED', `stream: input ended inside a ${what} (${raw.length} byte(s) received)`, null, raw);
}

/** The event a counter verdict calls for, or null when the counter is as expected. */
export function counterEvent(verdict: CounterVerdict, frame: FrameHeader, raw: Uint8Array): DecoderEvent | null {
  const counter = frame.frameCounter;
  switch (verdict.kind) {
    case 'replay':
      return errorEvent(
        'REPLAY',
        `frame: counter ${counter} does not increase (last ${verdict.last}): replayed or duplicated frame`,
        frame,
        raw,
      );
    case 'reset':
      return warningEvent(
        'COUNTER_RESET',
        `frame: counter restarted at ${counter} under the new key (last under the old key: ${verdict.last})`,
        frame,
      );
    case 'gap': {
      const event = warningEvent('COUNTER_GAP', `frame: counter ${counter} skips ${verdict.missed} frame(s)`, frame);
      event.missed = verdict.missed;
      return event;
    }
    default:
      return null;
  }
}
