/**
 * LuxP1 protocol core: bytes of a Smarty customer port in, typed readings out, and the encoder the
 * meter simulator uses. Pure TypeScript: no I/O, no Node APIs, no timers; one runtime dependency,
 * @noble/ciphers. This file is the only public entry; everything else is an implementation detail.
 */
export type * from './types.ts';
export { bytesToHex, hexToBytes, parseHex, bytesToAscii, asciiToBytes } from './bytes.ts';
// Encryption layer and stream decoder (protocol/crypto, frame, stream) and the NDJSON records.
export { createGcm12, gcm12Decrypt, gcm12Encrypt, GCM_TAG_LEN } from './crypto/gcm12.ts';
export type { Gcm12 } from './crypto/gcm12.ts';
export { LUX_AUTH_KEY, luxAuthKey, defaultAad, aadFromAuthKey } from './frame/aad.ts';
export { decryptFrame, encryptFrame } from './frame/codec.ts';
export type { DecryptOptions, EncryptFrameInput, FrameError } from './frame/codec.ts';
export { createStreamDecoder, DEFAULT_MAX_FRAME_BYTES } from './stream/decoder.ts';
export type { StreamDecoder, StreamDecoderOptions } from './stream/decoder.ts';
export { toRecord } from './records.ts';
export type { DecodeRecord, RecordOptions } from './records.ts';
// DSMR telegram layer (protocol/dsmr): parser, encoder, CRC, OBIS catalogue.
export { crc16 } from './dsmr/crc16.ts';
export { parseTelegram } from './dsmr/parse.ts';
export { encodeTelegram } from './dsmr/encode.ts';
export type { EncodeOptions } from './dsmr/encode.ts';
export { OBIS_FIELDS, PRESET_BASIC, PRESET_FULL, ALWAYS_SENT, isKnownField } from './dsmr/obis.ts';
export type { ObisField, FieldGroup } from './dsmr/obis.ts';
export { restrictTelegram, fieldsPresent, expectedFields } from './dsmr/fields.ts';
// The meter's vocabulary and the one result shape, shared by every layer.
export {
  CONTROL_STATES,
  MESSAGE_CHANNELS,
  MESSAGE_MAX_BYTES,
  POWER_LIMIT_MAX_KVA,
  MBUS_CHANNELS,
  MBUS_MEDIA,
  MBUS_DEVICE_TYPES,
  PUBLISHED_AUTH_KEY_HEX,
  mbusKind,
} from './vocabulary.ts';
export type { MbusMedium } from './vocabulary.ts';
export { ok, fail } from './result.ts';
export { luxIsoTimestamp } from './dsmr/time.ts';
