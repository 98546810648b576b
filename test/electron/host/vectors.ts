/** The test vectors the host tests feed through the port (test/fixtures/vectors, byte-exact). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../fixtures/vectors/', import.meta.url));

export const NEXXT_KEY = 'D491470F47126332B07D1923B3504188';
export const NEXXT_TITLE = '534147677001BD54';

export function vectorHex(name: string): Uint8Array {
  return Uint8Array.from(Buffer.from(readFileSync(dir + name, 'utf8').trim(), 'hex'));
}

export function vectorBytes(name: string): Uint8Array {
  return Uint8Array.from(readFileSync(dir + name));
}

/** The real NEXXT encrypted frame (647 bytes). */
export const nexxtFrame = (): Uint8Array => vectorHex('smarty_nexxtlab_encrypted.hex');
/** A real plain Luxembourg telegram with a valid CRC. */
export const plainTelegram = (): Uint8Array => vectorBytes('lux_meterlogger_real_plain.txt');
