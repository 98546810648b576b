/**
 * Builds the decoder's events. Messages are one line for people and never carry key material.
 */
import { bytesToAscii } from '../bytes.ts';
import { parseTelegram } from '../dsmr/parse.ts';
import type { DecoderEvent, ErrorCode, FrameHeader, WarningCode } from '../types.ts';
import type { CounterVerdict } from './counter.ts';

/** Parses a telegram (plain, or the plaintext of a verified frame) into its event. */
export function telegramEvent(bytes: Uint8Array, frame: FrameHeader | null, raw: Uint8Array): DecoderEvent {
  const text = bytesToAscii(bytes); // converted once: the parser takes the string as is
  let parsed: ReturnType<typeof parseTelegram>;
  try {
    parsed = parseTelegram(text);
  } catch (err) {
    // The parser promises not to throw; if it ever does, the stream must survive it.
    parsed = { ok: false, error: { code: 'MALFORMED', message: `telegram: parser failed: ${String(err)}` } };
  }
  if (!parsed.ok) return errorEvent(parsed.error.code, parsed.error.message, frame, raw);
  return { type: 'telegram', encrypted: frame !== null, frame, telegram: parsed.value, text, raw };
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
        `frame: counter went back to 0 after ${verdict.last}: the meter's key was probably changed`,
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
