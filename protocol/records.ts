/**
 * The stable NDJSON shape of `luxp1 decode`: one record per decoder event.
 *
 *   {"type":"telegram","encrypted":true,"frameCounter":371939,"systemTitle":"534147677001BD54",…,"electricity":{…},"mbus":[…]}
 *   {"type":"error","code":"AUTH_FAILED","message":"…","frameCounter":371939}
 *   {"type":"warning","code":"COUNTER_GAP","message":"…","frameCounter":371942,"missed":2}
 *   {"type":"error","code":"PLAIN_REFUSED","message":"…","frameCounter":null,"header":"/Lux5\\253663629_D","policy":"auto"}
 *
 * Fields the meter did not push stay absent (types.ts); raw bytes only appear when asked for.
 */
import { bytesToHex } from './bytes.ts';
import type { DecoderEvent } from './types.ts';

export interface RecordOptions {
  withRaw?: boolean; // adds "rawHex": the frame or telegram as it came off the wire
}

export type DecodeRecord = Record<string, unknown> & { type: 'telegram' | 'error' | 'warning' };

function defined(entries: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entries)) if (v !== undefined) out[k] = v;
  return out;
}

/** The NDJSON record for one decoder event (key order is part of the format). */
export function toRecord(event: DecoderEvent, opts: RecordOptions = {}): DecodeRecord {
  const frameCounter = event.frame?.frameCounter ?? null;
  if (event.type === 'telegram') {
    const t = event.telegram;
    return {
      type: 'telegram',
      ...defined({
        encrypted: event.encrypted,
        frameCounter,
        systemTitle: event.frame?.systemTitle ?? null,
        header: t.header,
        version: t.version,
        timestamp: t.timestamp,
        message: t.message,
        channelMessages: t.channelMessages,
        electricity: t.electricity,
        mbus: t.mbus,
        unknown: t.unknown,
        crc: t.crc,
        // A telegram with no CRC (DSMR 2.2/3.0, read only when asked) was verified by nothing: say so.
        verified: t.crc === null && !event.encrypted ? false : undefined,
        rawHex: opts.withRaw ? bytesToHex(event.raw) : undefined,
      }),
    };
  }
  if (event.type === 'error') {
    const rawHex = opts.withRaw ? bytesToHex(event.raw) : undefined;
    const { header, policy } = event; // PLAIN_REFUSED: what the host asks the user about
    return { type: 'error', ...defined({ code: event.code, message: event.message, frameCounter, header, policy, rawHex }) };
  }
  return {
    type: 'warning',
    ...defined({ code: event.code, message: event.message, frameCounter, missed: event.missed, skippedBytes: event.skippedBytes }),
  };
}
