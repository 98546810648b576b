/** Loads the byte-exact vectors of test/fixtures/vectors (see its README for provenance). */
import { readFileSync } from 'node:fs';
import { hexToBytes } from '../../../protocol/bytes.ts';

const DIR = new URL('../../fixtures/vectors/', import.meta.url);

export function vectorBytes(name: string): Uint8Array {
  const data = readFileSync(new URL(name, DIR));
  if (name.endsWith('.hex')) return hexToBytes(data.toString('latin1').trim());
  return new Uint8Array(data);
}

export interface EncryptedVector {
  name: string;
  frame: Uint8Array;
  key: Uint8Array;
  aad?: Uint8Array; // undefined: the standard Luxembourg AAD
  plaintextFile: string;
  crcValid: boolean;
}

export const ENCRYPTED_VECTORS: readonly EncryptedVector[] = [
  {
    name: 'smarty_nexxtlab_encrypted.hex',
    key: 'D491470F47126332B07D1923B3504188',
    plain: 'smarty_nexxtlab_decrypted.txt',
    crcValid: true,
  },
  { name: 'smarty_openhab_encrypted.hex', key: 'D491470F47126332B07D1923B3504188', plain: 'smarty_openhab_decrypted.txt', crcValid: false },
  {
    name: 'esphome_libs_encrypted_packet.hex',
    key: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    plain: 'esphome_libs_encrypted_packet_decrypted.txt',
    crcValid: true,
  },
  {
    name: 'athombv_lux_spec_example_encrypted_with_aad.hex',
    key: '0123456789ABCDEF0123456789ABCDEF',
    aad: '30FFEEDDCCBBAA99887766554433221100',
    plain: 'athombv_lux_spec_example_plain_as_encrypted.txt',
    crcValid: false,
  },
  {
    name: 'athombv_lux_spec_example_encrypted_without_aad.hex',
    key: '0123456789ABCDEF0123456789ABCDEF',
    aad: '',
    plain: 'athombv_lux_spec_example_plain_as_encrypted.txt',
    crcValid: false,
  },
].map((v) => ({
  name: v.name,
  frame: vectorBytes(v.name),
  key: hexToBytes(v.key),
  aad: v.aad === undefined ? undefined : hexToBytes(v.aad),
  plaintextFile: v.plain,
  crcValid: v.crcValid,
}));

/** Plain telegrams and whether their CRC is valid, per the vectors README. */
export const PLAIN_VECTORS: readonly { name: string; crcValid: boolean }[] = [
  { name: 'lux_meterlogger_real_plain.txt', crcValid: true },
  { name: 'lux_spec_v1.1.3_example_plain.txt', crcValid: true },
  { name: 'openhab_smarty_with_units_plain.txt', crcValid: true },
  { name: 'dsmr5_dsmr_parser_v5.txt', crcValid: true },
  { name: 'dsmr5_dsmr_parser_v5_two_mbus.txt', crcValid: true },
  { name: 'dsmr5_unpadded_crc_heat_meter.txt', crcValid: true },
  { name: 'dsmr5.0.2_spec_example_plain.txt', crcValid: false },
  { name: 'smarty_nexxtlab_decrypted.txt', crcValid: true },
  { name: 'esphome_libs_encrypted_packet_decrypted.txt', crcValid: true },
  // issue 13, written here from the specifications (vectors README)
  { name: 'dsmr5.0.2_spec_example_wrapped_plain.txt', crcValid: true },
  { name: 'dsmr4.2_spec_example_plain.txt', crcValid: true },
  { name: 'emucs_fluvius_plain.txt', crcValid: true },
  { name: 'lux_tolerant_plain.txt', crcValid: true },
  { name: 'lux_lf_only_plain.txt', crcValid: true },
  { name: 'se_han_plain.txt', crcValid: true },
];

/** Telegrams without a CRC (DSMR 2.2/3.0): read only with the noCrc option, never verified. */
export const NO_CRC_VECTORS: readonly string[] = ['dsmr3.0_no_crc_plain.txt'];

export const NEXXT_KEY = hexToBytes('D491470F47126332B07D1923B3504188');
