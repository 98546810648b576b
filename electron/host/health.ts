/**
 * Port health and the key diagnosis, derived from decoder events alone (no I/O, no timers).
 * The diagnosis answers the one question users have when nothing shows up: is it the cable,
 * the key, or the meter?
 */
import type { KeyDiagnosis, PortHealth } from '../../contracts/ipc.ts';
import type { DecoderEvent, ErrorCode } from '../../protocol/types.ts';

/** More bytes than the largest frame (~1.6 kB) without a single frame start: the line carries noise. */
const NOISE_THRESHOLD_BYTES = 4096;
/** A key that worked is called rotated only after this many consecutive tag failures (one can be line damage). */
const ROTATION_FAILURES = 2;

export type KeyVerification = 'ok' | 'fails' | 'unknown';

export interface HealthTracker {
  health(): PortHealth;
  onBytes(count: number): void;
  /** `at`: host time the event's bytes arrived (epoch ms). */
  onEvent(event: DecoderEvent, at: number): void;
  /** The key changed: forget what the old key proved; `verified` = the new key tried on the last frame. Counts restart. */
  keyChanged(hasKey: boolean, verified: KeyVerification, at: number): void;
  /** Another source feeds the port: everything known about the old one is forgotten. */
  sourceChanged(at: number): void;
}

function emptyRejected(): Record<ErrorCode, number> {
  return { AUTH_FAILED: 0, CRC_MISMATCH: 0, REPLAY: 0, NO_KEY: 0, MALFORMED: 0, PLAIN_REFUSED: 0 };
}

const fresh = (countingSince: number | null): PortHealth => ({
  encrypted: null,
  systemTitle: null,
  lastFrameCounter: null,
  lastTelegramAt: null,
  countingSince,
  framesDecoded: 0,
  rejected: emptyRejected(),
  counterGaps: 0,
  framesMissed: 0,
  noiseBytes: 0,
  diagnosis: 'no-signal',
});

/** A fresh tracker: 'no-signal' until bytes arrive. */
export function createHealthTracker(): HealthTracker {
  let h: PortHealth = fresh(null);
  let bytesSeen = 0;
  let framesSeen = 0;
  let keyWorkedOn: string | null = null; // system title the current key decoded
  let authFailsInRow = 0;

  function restartCounts(at: number): void {
    h.countingSince = at;
    h.framesDecoded = 0;
    h.rejected = emptyRejected();
    h.counterGaps = 0;
    h.framesMissed = 0;
    h.noiseBytes = 0;
  }

  function onAuthFailed(systemTitle: string | null): KeyDiagnosis {
    authFailsInRow++;
    if (keyWorkedOn === null || keyWorkedOn !== systemTitle) return 'wrong-key';
    return authFailsInRow >= ROTATION_FAILURES ? 'key-rotated' : h.diagnosis;
  }

  return {
    health: () => ({ ...h, rejected: { ...h.rejected } }),
    onBytes(count) {
      bytesSeen += count;
      if (h.diagnosis === 'no-signal') h.diagnosis = framesSeen === 0 && bytesSeen > NOISE_THRESHOLD_BYTES ? 'noise' : h.diagnosis;
    },
    onEvent(event, at) {
      if (event.type === 'warning') {
        if (event.code === 'NOISE_SKIPPED') {
          h.noiseBytes += event.skippedBytes ?? 0;
          if (framesSeen === 0) h.diagnosis = 'noise';
        } else if (event.code === 'COUNTER_GAP') {
          h.counterGaps++;
          h.framesMissed += event.missed ?? 0;
        }
        return;
      }
      framesSeen++;
      if (event.frame) {
        h.systemTitle = event.frame.systemTitle;
        h.lastFrameCounter = event.frame.frameCounter;
      }
      if (event.type === 'telegram') {
        h.encrypted = event.encrypted;
        h.framesDecoded++;
        h.lastTelegramAt = at;
        if (event.encrypted) {
          keyWorkedOn = event.frame?.systemTitle ?? keyWorkedOn;
          authFailsInRow = 0;
          h.diagnosis = 'key-ok';
        } else {
          h.diagnosis = 'plain';
        }
        return;
      }
      h.rejected[event.code]++;
      if (event.frame) h.encrypted = true;
      else if (h.encrypted === null && event.code === 'CRC_MISMATCH') h.encrypted = false;
      if (event.code === 'NO_KEY') h.diagnosis = 'encrypted-no-key';
      else if (event.code === 'AUTH_FAILED') h.diagnosis = onAuthFailed(event.frame?.systemTitle ?? null);
      else if (event.code === 'PLAIN_REFUSED') {
        h.diagnosis = 'plain-refused';
        h.encrypted = false; // the port sends plain telegrams, even if the app does not show them
      } else if (event.code === 'CRC_MISMATCH' && event.frame)
        h.diagnosis = 'key-ok'; // the tag verified: the key is right
      else if (h.diagnosis === 'no-signal') h.diagnosis = 'noise'; // bytes arrived, nothing readable yet
    },
    sourceChanged(at) {
      h = fresh(at);
      bytesSeen = 0;
      framesSeen = 0;
      keyWorkedOn = null;
      authFailsInRow = 0;
    },
    keyChanged(hasKey, verified, at) {
      keyWorkedOn = null;
      authFailsInRow = 0;
      restartCounts(at);
      if (verified === 'ok') {
        keyWorkedOn = h.systemTitle;
        h.diagnosis = 'key-ok';
      } else if (verified === 'fails') {
        h.diagnosis = 'wrong-key';
      } else if (h.encrypted === true) {
        h.diagnosis = hasKey ? h.diagnosis : 'encrypted-no-key';
      }
    },
  };
}
