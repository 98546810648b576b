/**
 * The typed reading of one Luxembourg "Smarty" P1 telegram, and the stream decoder's events.
 *
 * These shapes are also the stable NDJSON of `luxp1 decode` and the payload the app shows, so every
 * field name here is public. The rule that runs through all of it: a field the meter did not push
 * is ABSENT (undefined, left out of JSON), never 0. `null` means "pushed, but no reading yet"
 * (the placeholder timestamp 632525252525S, an empty equipment id).
 *
 * Spec references: LUX = Luxmetering E-Meter P1 Specification v1.1.3; DSMR5 = P1 Companion Standard 5.0.2.
 */

import type { ControlState, MbusKind, MessageChannel } from './vocabulary.ts';
import type { Failure } from './result.ts';

export type { ControlState, MbusKind, MessageChannel };
export type { Failure, Result } from './result.ts';

export interface PhaseValues {
  voltageV?: number; // 1-0:32.7.0 / 52.7.0 / 72.7.0
  currentA?: number; // 1-0:31.7.0 / 51.7.0 / 71.7.0
  importPowerW?: number; // 1-0:21.7.0 / 41.7.0 / 61.7.0
  exportPowerW?: number; // 1-0:22.7.0 / 42.7.0 / 62.7.0
  importReactivePowerVar?: number; // 1-0:23.7.0 / 43.7.0 / 63.7.0 (Lux)
  exportReactivePowerVar?: number; // 1-0:24.7.0 / 44.7.0 / 64.7.0 (Lux)
}

export interface PerPhaseCount {
  l1?: number;
  l2?: number;
  l3?: number;
}

export interface Electricity {
  meterId?: string; // 0-0:42.0.0 hex-decoded, e.g. "SAG1030700012701" (0-0:96.1.1 on Dutch meters)
  importEnergyWh?: number; // 1-0:1.8.0, the Luxembourg total (never a sum of Dutch tariff registers)
  exportEnergyWh?: number; // 1-0:2.8.0, the Luxembourg total
  /** Dutch meters' per-tariff registers (1 = low, 2 = normal), read as sent: 1-0:1.8.1 / 1.8.2 / 2.8.1 / 2.8.2. */
  tariffRegistersWh?: { import1?: number; import2?: number; export1?: number; export2?: number };
  importReactiveVarh?: number; // 1-0:3.8.0
  exportReactiveVarh?: number; // 1-0:4.8.0
  importPowerW?: number; // 1-0:1.7.0
  exportPowerW?: number; // 1-0:2.7.0
  importReactivePowerVar?: number; // 1-0:3.7.0
  exportReactivePowerVar?: number; // 1-0:4.7.0
  importApparentPowerVa?: number; // 1-0:9.7.0
  exportApparentPowerVa?: number; // 1-0:10.7.0
  powerLimitKva?: number; // 0-0:17.0.0 limiter threshold
  currentLimitsA?: { import: number; export: number }; // 1-1:31.4.0, e.g. (040*A)(-040*A)
  breaker?: ControlState; // 0-0:96.3.10
  relays?: { relay1?: ControlState; relay2?: ControlState }; // 0-1:96.3.10, 0-2:96.3.10
  powerFailures?: number; // 0-0:96.7.21
  longPowerFailures?: number; // 0-0:96.7.9 (Dutch)
  voltageSags?: PerPhaseCount; // 1-0:32.32.0 / 52.32.0 / 72.32.0
  voltageSwells?: PerPhaseCount; // 1-0:32.36.0 / 52.36.0 / 72.36.0
  phases?: { l1?: PhaseValues; l2?: PhaseValues; l3?: PhaseValues };
  tariff?: string; // 0-0:96.14.0 (Dutch, Belgian)
  /** Austrian meters' per-tariff reactive registers: 1-0:3.8.1 / 3.8.2 / 4.8.1 / 4.8.2. */
  tariffRegistersVarh?: { import1?: number; import2?: number; export1?: number; export2?: number };
  quarterDemandW?: number; // 1-0:1.4.0, e-MUCS: average import demand of the current quarter hour (capacity tariff)
  monthPeak?: PeakDemand; // 1-0:1.6.0, e-MUCS: this month's highest quarter-hour demand and when
  peakHistory?: MonthPeak[]; // 0-0:98.1.0, e-MUCS: the peaks of up to 13 past months, as sent
  fuseLimitA?: number; // 1-0:31.4.0, e-MUCS: the current the meter's breaker allows
  powerFailureLog?: PowerFailure[]; // 1-0:99.97.0 (DSMR 4/5, e-MUCS): the long power failures, as sent
}

export interface PeakDemand {
  at: string | null; // when the peak quarter hour ended (ISO 8601); null for a placeholder
  demandW: number;
}

export interface MonthPeak extends PeakDemand {
  month: string | null; // the start of the month the peak belongs to (ISO 8601)
}

export interface PowerFailure {
  endedAt: string | null; // when the power came back (ISO 8601); null for a placeholder
  durationS: number; // how long it was off, in seconds
}

export interface MbusChannel {
  channel: number; // 1..4, the n of 0-n:24.x; follows installation order, not the medium
  deviceType?: number; // 0-n:24.1.0 (3 gas, 7 water, 4 heat, ...)
  kind: MbusKind; // from deviceType; 'unknown' when the type was not pushed
  equipmentId?: string | null; // 0-n:96.1.0 hex-decoded; null when sent empty
  value?: number | null; // 0-n:24.2.1 value; null with the placeholder timestamp
  unit?: string | null; // as sent (m3, GJ, kWh); null when the meter sent none with a placeholder
  capturedAt?: string | null; // ISO 8601 with offset; null for 632525252525S
  valve?: ControlState; // 0-n:24.4.0
}

export interface UnknownLine {
  line: string; // the data line as received, without CRLF
  /** not-obis: not `code(value)` at all, kept as sent; conflict: the object came twice with different values (field left out) */
  reason: 'unknown-obis' | 'bad-value' | 'not-obis' | 'conflict';
}

/** One parsed telegram. */
export interface Telegram {
  header: string; // the identification line including '/', e.g. "/Lux5\\253663629_D"
  version?: string; // 1-3:0.2.8, "42" on Smarty
  timestamp?: string | null; // 0-0:1.0.0 as ISO 8601 with offset (S = +02:00, W = +01:00)
  message?: string; // 0-0:96.13.0, hex-decoded text
  messageCode?: string; // 0-0:96.13.1 (DSMR 3/4, e-MUCS), hex-decoded
  interfaceVersion?: string; // 0-0:96.1.4, e-MUCS version of the P1 interface, e.g. "50217"
  channelMessages?: { [channel in Exclude<MessageChannel, '0'>]?: string }; // 0-0:96.13.2 .. 96.13.5
  electricity: Electricity;
  mbus: MbusChannel[]; // sorted by channel; only channels with at least one pushed object
  unknown: UnknownLine[]; // kept, never rejected
  /** The CRC the telegram carried (verified by the parser); null: it carried none (DSMR 2.2/3.0, read only with the no-CRC option): unverified. */
  crc: number | null;
}

export type ErrorCode = 'AUTH_FAILED' | 'CRC_MISMATCH' | 'REPLAY' | 'NO_KEY' | 'MALFORMED' | 'PLAIN_REFUSED';

/**
 * What the decoder does with a plain (unencrypted) telegram whose CRC is right: 'accept' it;
 * 'refuse' it (PLAIN_REFUSED, no reading); 'auto' (the default) accepts plain telegrams until an
 * encrypted frame has verified under the current key and refuses them from then on, since a
 * plain telegram between verified frames is either an injection or the operator switching
 * encryption off, and only the user can tell which.
 */
export type PlainPolicy = 'accept' | 'refuse' | 'auto';
export type WarningCode = 'COUNTER_GAP' | 'COUNTER_RESET' | 'NOISE_SKIPPED';

/** Header fields of an encrypted (0xDB general-glo-ciphering) frame, see LUX §3.2.5. */
export interface FrameHeader {
  systemTitle: string; // 8 bytes, uppercase hex
  frameCounter: number; // 4 bytes, big-endian
  length: number; // L: bytes after the length field = 17 + ciphertext length
  securityControl: number; // 0x30
  tag: string; // 12 bytes, uppercase hex
}

export type DecoderEvent =
  | {
      type: 'telegram';
      encrypted: boolean;
      frame: FrameHeader | null; // null for a plain telegram
      telegram: Telegram;
      text: string; // the telegram as ASCII, from '/' to the CRLF after the CRC
      raw: Uint8Array; // the bytes as they came off the wire (the frame, or the plain telegram)
    }
  | {
      type: 'error';
      code: ErrorCode;
      message: string; // one line, for people; never contains key material
      frame: FrameHeader | null;
      raw: Uint8Array;
      /** PLAIN_REFUSED: the refused telegram's identification line (e.g. "/Lux5\\253663629_D"), never its values. */
      header?: string;
      /** PLAIN_REFUSED: the policy that refused it ('auto': encrypted frames had verified under this key). */
      policy?: PlainPolicy;
    }
  | {
      type: 'warning';
      code: WarningCode;
      message: string;
      frame: FrameHeader | null; // the frame that revealed the gap or reset
      missed?: number; // COUNTER_GAP: frames missed
      skippedBytes?: number; // NOISE_SKIPPED: bytes dropped while hunting for a frame start
    };

/** A decoding failure: bytes from the wire never throw. */
export type ProtocolErrorInfo = Failure<ErrorCode>;
