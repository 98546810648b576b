/**
 * Whole-frame encryption and decryption (layout in header.ts): IV = system title ‖ frame counter,
 * AAD = 0x30 ‖ authentication key unless the caller gives another (possibly empty) one.
 */
import { gcm12For } from '../crypto/gcm12.ts';
import type { Gcm12 } from '../crypto/gcm12.ts';
import type { FrameHeader, ProtocolErrorInfo, Result } from '../types.ts';
import { defaultAad } from './aad.ts';
import {
  HEADER_CHECK_LEN,
  HEADER_LEN,
  PREFIX_LEN,
  SYSTEM_TITLE_LEN,
  TAG_LEN,
  checkHeader,
  ciphertextLength,
  readFrameHeader,
  writeHeader,
} from './header.ts';

const MAX_LENGTH = 0xffff; // two length bytes
const DEFAULT_AAD = defaultAad();

/** A frame-level failure; `header` is set whenever the header could be read. */
export interface FrameError extends ProtocolErrorInfo {
  header: FrameHeader | null;
}

export interface DecryptOptions {
  key: Uint8Array; // 16 bytes, else RangeError
  aad?: Uint8Array; // default 0x30 ‖ LUX_AUTH_KEY; an explicit empty array means "no AAD"
}

/** The IV of a frame: system title (bytes 2..9) ‖ frame counter (bytes 14..17). */
function frameIv(frame: Uint8Array): Uint8Array {
  const iv = new Uint8Array(12);
  iv.set(frame.subarray(2, 2 + SYSTEM_TITLE_LEN));
  iv.set(frame.subarray(14, HEADER_LEN), SYSTEM_TITLE_LEN);
  return iv;
}

/**
 * Verifies and decrypts one complete frame. MALFORMED when the bytes are not exactly one frame,
 * AUTH_FAILED (with the header, no plaintext) when the tag does not verify.
 */
export function decryptFrame(frame: Uint8Array, opts: DecryptOptions): Result<{ header: FrameHeader; plaintext: Uint8Array }, FrameError> {
  // Programmer errors (key length) throw before any wire check.
  return openFrame(gcm12For(opts.key), opts.aad ?? DEFAULT_AAD, frame);
}

/** decryptFrame with a cipher the caller keeps (the stream decoder holds one per key). */
export function openFrame(
  cipher: Gcm12,
  aad: Uint8Array,
  frame: Uint8Array,
): Result<{ header: FrameHeader; plaintext: Uint8Array }, FrameError> {
  if (frame.length < HEADER_CHECK_LEN || checkHeader(frame, 0, MAX_LENGTH) < 0) {
    return { ok: false, error: { code: 'MALFORMED', message: 'frame: expected a 0xDB 08 … 82 LL LL 30 frame header', header: null } };
  }
  const header = readFrameHeader(frame);
  if (frame.length !== PREFIX_LEN + header.length) {
    const message = `frame: expected ${PREFIX_LEN + header.length} bytes from the length field, got ${frame.length}`;
    return { ok: false, error: { code: 'MALFORMED', message, header } };
  }
  const ciphertext = frame.subarray(HEADER_LEN, frame.length - TAG_LEN);
  const tag = frame.subarray(frame.length - TAG_LEN);
  const plaintext = cipher.decrypt(frameIv(frame), aad, ciphertext, tag);
  if (plaintext === null) {
    const message = `frame: GCM tag does not verify (frame counter ${header.frameCounter}): wrong key, wrong AAD or corrupted bytes`;
    return { ok: false, error: { code: 'AUTH_FAILED', message, header } };
  }
  return { ok: true, value: { header, plaintext } };
}

export interface EncryptFrameInput {
  key: Uint8Array; // 16 bytes
  systemTitle: Uint8Array; // 8 bytes
  frameCounter: number; // 0 .. 2^32 - 1
  plaintext: Uint8Array; // 1 .. 65518 bytes
  aad?: Uint8Array;
}

/** Builds the wire bytes of one encrypted frame (what the meter sends). Throws on bad arguments. */
export function encryptFrame(input: EncryptFrameInput): Uint8Array {
  const { systemTitle, frameCounter, plaintext } = input;
  if (systemTitle.length !== SYSTEM_TITLE_LEN) throw new RangeError(`frame: expected an 8-byte system title, got ${systemTitle.length}`);
  if (!Number.isInteger(frameCounter) || frameCounter < 0 || frameCounter > 0xffffffff) {
    throw new RangeError(`frame: expected a 32-bit unsigned frame counter, got ${frameCounter}`);
  }
  if (plaintext.length < 1 || ciphertextLength(MAX_LENGTH) < plaintext.length) {
    throw new RangeError(`frame: expected 1..${ciphertextLength(MAX_LENGTH)} plaintext bytes, got ${plaintext.length}`);
  }
  const out = new Uint8Array(HEADER_LEN + plaintext.length + TAG_LEN);
  writeHeader(out, systemTitle, frameCounter, plaintext.length);
  const { ciphertext, tag } = gcm12For(input.key).encrypt(frameIv(out), input.aad ?? DEFAULT_AAD, plaintext);
  out.set(ciphertext, HEADER_LEN);
  out.set(tag, HEADER_LEN + plaintext.length);
  return out;
}
