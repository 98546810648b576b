/**
 * What the MQTT publisher sends for one telegram: the `luxp1 decode` record flattened into one
 * topic per field (`electricity/importEnergyWh`, `electricity/phases/l1/voltageV`, `mbus/1/value`,
 * `channelMessages/2`). Only what the meter pushed is there: an absent field has no topic, never
 * a 0. How the frame travelled (encryption, counter, system title, CRC) is in the JSON state topic
 * only; lines the decoder did not know are not fields.
 */
import type { DecodeRecord } from '../../../protocol/index.ts';

export interface FieldValue {
  path: string; // topic suffix, '/'-separated
  value: string | number | null; // null: pushed, but no reading yet (placeholder time, empty id)
  mbusChannel?: number; // set for mbus/<n>/… fields
}

/** Record keys that describe the frame, not the meter's readings. */
const NOT_FIELDS = new Set(['type', 'encrypted', 'frameCounter', 'systemTitle', 'header', 'unknown', 'crc', 'verified', 'rawHex']);

function walk(prefix: string, value: unknown, out: FieldValue[], mbusChannel?: number): void {
  if (value === undefined) return;
  const at = (v: FieldValue['value']) => out.push({ path: prefix, value: v, ...(mbusChannel === undefined ? {} : { mbusChannel }) });
  if (value === null || typeof value === 'string' || typeof value === 'number') return void at(value);
  if (typeof value === 'boolean') return void at(String(value));
  if (Array.isArray(value)) return void at(JSON.stringify(value)); // peak history, power-failure log: as sent
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(`${prefix}/${k}`, v, out, mbusChannel);
}

/** Every field of a telegram record, in record order. */
export function flattenRecord(record: DecodeRecord): FieldValue[] {
  const out: FieldValue[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (NOT_FIELDS.has(key)) continue;
    if (key === 'mbus' && Array.isArray(value)) {
      for (const device of value as Record<string, unknown>[]) {
        const channel = Number(device.channel);
        for (const [k, v] of Object.entries(device)) if (k !== 'channel') walk(`mbus/${channel}/${k}`, v, out, channel);
      }
      continue;
    }
    walk(key, value, out);
  }
  return out;
}

/** The payload of a field topic: numbers and text as they are; null as "None", which Home Assistant shows as unknown. */
export function fieldPayload(value: FieldValue['value']): string {
  return value === null ? 'None' : String(value);
}

/** A meter's name in topics and ids: its meter id (else system title), letters, digits, '-' and '_' only. */
export function meterSlug(record: DecodeRecord): string {
  const electricity = record.electricity as { meterId?: unknown } | undefined;
  const id = typeof electricity?.meterId === 'string' && electricity.meterId ? electricity.meterId : (record.systemTitle ?? 'meter');
  return String(id).replace(/[^A-Za-z0-9_-]/g, '_') || 'meter';
}
