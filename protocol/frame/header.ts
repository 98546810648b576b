/**
 * The general-glo-ciphering frame around every encrypted telegram (LUX §3.2.5; smarty-p1.md §2.1).
 *
 * | offset   | len | value              | meaning                                             |
 * |----------|-----|--------------------|-----------------------------------------------------|
 * | 0        | 1   | DB                 | tag: general-glo-ciphering                          |
 * | 1        | 1   | 08                 | system-title length                                 |
 * | 2..9     | 8   | 53 41 47 …         | system title ("SAG" + 5 device bytes)               |
 * | 10       | 1   | 82                 | long-form length: two length bytes follow           |
 * | 11..12   | 2   | L (big-endian)     | bytes after this field = 17 + ciphertext length     |
 * | 13       | 1   | 30                 | security control: authenticated + encrypted, suite 0|
 * | 14..17   | 4   | frame counter (BE) | invocation counter; IV = system title ‖ counter     |
 * | 18..     | N   | ciphertext         | N = L - 17                                          |
 * | last 12  | 12  | GCM tag            | AES-128-GCM tag truncated to 96 bits                |
 *
 * Whole frame = 13 + L bytes. L is unsigned (openHAB #10932 broke on length bytes ≥ 0x80).
 */
import { bytesToHex } from '../bytes.ts';
import type { FrameHeader } from '../types.ts';

export const FRAME_TAG = 0xdb; // general-glo-ciphering
export const SYSTEM_TITLE_LEN = 8;
export const LONG_LENGTH = 0x82;
export const SECURITY_CONTROL = 0x30; // authenticated + encrypted, suite 0
export const HEADER_LEN = 18; // up to and including the frame counter
export const PREFIX_LEN = 13; // bytes before the ones L counts
export const MIN_LENGTH = 18; // SC + counter + tag + at least one ciphertext byte
export const TAG_LEN = 12;
const LENGTH_OVERHEAD = 17; // SC (1) + frame counter (4) + tag (12)

/** Bytes needed to validate a candidate header: up to and including the security-control byte. */
export const HEADER_CHECK_LEN = 14;

/**
 * L of the candidate at `buf[off]`, or -1 when those 14 bytes are not a frame header this decoder
 * accepts (wrong fixed bytes, or L outside 18..maxLength). The caller guarantees 14 bytes.
 */
export function checkHeader(buf: Uint8Array, off: number, maxLength: number): number {
  if (buf[off] !== FRAME_TAG || buf[off + 1] !== SYSTEM_TITLE_LEN) return -1;
  if (buf[off + 10] !== LONG_LENGTH || buf[off + 13] !== SECURITY_CONTROL) return -1;
  const length = (buf[off + 11]! << 8) | buf[off + 12]!;
  return length >= MIN_LENGTH && length <= maxLength ? length : -1;
}

/**
 * Whether `buf[off..end)` could still be the start of a frame header (used at end of input to tell
 * a truncated frame from noise).
 */
export function couldBeHeaderStart(buf: Uint8Array, off: number, end: number): boolean {
  const fixed: ReadonlyArray<readonly [number, number]> = [
    [0, FRAME_TAG],
    [1, SYSTEM_TITLE_LEN],
    [10, LONG_LENGTH],
    [13, SECURITY_CONTROL],
  ];
  for (const [at, value] of fixed) if (off + at < end && buf[off + at] !== value) return false;
  return true;
}

/** The header fields of a complete frame whose fixed bytes and length were checked. */
export function readFrameHeader(frame: Uint8Array): FrameHeader {
  const length = (frame[11]! << 8) | frame[12]!;
  return {
    systemTitle: bytesToHex(frame.subarray(2, 2 + SYSTEM_TITLE_LEN)),
    frameCounter: readUint32(frame, 14),
    length,
    securityControl: frame[13]!,
    tag: bytesToHex(frame.subarray(frame.length - TAG_LEN)),
  };
}

/** Ciphertext length for a given L. */
export function ciphertextLength(length: number): number {
  return length - LENGTH_OVERHEAD;
}

/** Writes the 18 header bytes for a frame carrying `ciphertextLen` bytes. */
export function writeHeader(out: Uint8Array, systemTitle: Uint8Array, frameCounter: number, ciphertextLen: number): void {
  const length = ciphertextLen + LENGTH_OVERHEAD;
  out[0] = FRAME_TAG;
  out[1] = SYSTEM_TITLE_LEN;
  out.set(systemTitle, 2);
  out[10] = LONG_LENGTH;
  out[11] = length >>> 8;
  out[12] = length & 0xff;
  out[13] = SECURITY_CONTROL;
  writeUint32(out, 14, frameCounter);
}

export function readUint32(buf: Uint8Array, off: number): number {
  return ((buf[off]! << 24) | (buf[off + 1]! << 16) | (buf[off + 2]! << 8) | buf[off + 3]!) >>> 0;
}

function writeUint32(buf: Uint8Array, off: number, value: number): void {
  buf[off] = value >>> 24;
  buf[off + 1] = (value >>> 16) & 0xff;
  buf[off + 2] = (value >>> 8) & 0xff;
  buf[off + 3] = value & 0xff;
}
