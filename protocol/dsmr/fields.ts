/**
 * Reading and writing catalogued values in a Telegram by their OBIS definition, and the two
 * helpers built on that: `restrictTelegram` (what a telegram looks like when only some objects are
 * pushed) and `fieldsPresent` (which objects a telegram carries). The parser and encoder use the
 * same accessors, which is what makes the round-trip law hold by construction.
 */
import type { MbusChannel, Telegram } from '../types.ts';
import { mbusKind } from '../vocabulary.ts';
import { ALWAYS_SENT, FIELD_BY_OBIS, FIELD_DEFS } from './obis.ts';
import type { FieldDef } from './obis.ts';

/** The 0-n:24.2.1 reading as one value: all three null when the meter has no reading yet. */
export interface MbusReading {
  value: number | null;
  unit: string | null;
  capturedAt: string | null;
}

type Obj = Record<string, unknown>;

/** An M-Bus reading: value, unit and capture time travel together. */
const isReading = (f: FieldDef): boolean => f.kind === 'mbusValue' || f.kind === 'mbusLegacy';

function channelOf(t: Telegram, n: number, create: boolean): MbusChannel | undefined {
  for (const c of t.mbus) if (c.channel === n) return c;
  if (!create) return undefined;
  const c: MbusChannel = { channel: n, kind: 'unknown' };
  t.mbus.push(c);
  return c;
}

/** The value of `f` in `t`; `undefined` when the object is absent (not pushed). */
export function readField(t: Telegram, f: FieldDef): unknown {
  if (f.channel !== undefined) {
    const c = channelOf(t, f.channel, false);
    if (!c) return undefined;
    if (!isReading(f)) return (c as unknown as Obj)[f.path[2]!];
    if (c.value === undefined) return undefined;
    if (c.value === null || c.capturedAt == null) return { value: null, unit: null, capturedAt: null } satisfies MbusReading;
    return { value: c.value, unit: c.unit ?? null, capturedAt: c.capturedAt } satisfies MbusReading;
  }
  let o: unknown = t;
  for (const p of f.path) {
    if (o === null || typeof o !== 'object') return undefined;
    o = (o as Obj)[p];
  }
  return o;
}

/** Stores `v` (as `readField` returns it) for `f` in `t`, creating containers on the way. */
export function writeField(t: Telegram, f: FieldDef, v: unknown): void {
  if (f.channel !== undefined) {
    const c = channelOf(t, f.channel, true)!;
    if (isReading(f)) {
      const r = v as MbusReading;
      c.value = r.value;
      c.unit = r.unit;
      c.capturedAt = r.capturedAt;
    } else {
      (c as unknown as Obj)[f.path[2]!] = v;
      if (f.kind === 'mbusType') c.kind = mbusKind(v as number);
    }
    return;
  }
  let o = t as unknown as Obj;
  const last = f.path.length - 1;
  for (let i = 0; i < last; i++) {
    const p = f.path[i]!;
    let next = o[p];
    if (next === undefined || next === null || typeof next !== 'object') o[p] = next = {};
    o = next as Obj;
  }
  o[f.path[last]!] = v;
}

/** Removes the value of `f` from `t` (a conflict: neither line is believed). */
export function deleteField(t: Telegram, f: FieldDef): void {
  if (f.channel !== undefined) {
    const c = channelOf(t, f.channel, false) as unknown as Obj | undefined;
    if (!c) return;
    if (isReading(f)) {
      delete c.value;
      delete c.unit;
      delete c.capturedAt;
    } else delete c[f.path[2]!];
    if (f.kind === 'mbusType') c.kind = 'unknown';
    return;
  }
  let o = t as unknown as Obj;
  for (let i = 0; i < f.path.length - 1; i++) {
    const next = o[f.path[i]!];
    if (next === null || typeof next !== 'object') return;
    o = next as Obj;
  }
  delete o[f.path[f.path.length - 1]!];
}

/** Orders M-Bus channels by channel number, as the Telegram contract promises. */
export function sortChannels(mbus: MbusChannel[]): void {
  if (mbus.length > 1) mbus.sort((a, b) => a.channel - b.channel);
}

/**
 * `t` as it reads when the meter pushes only `fields` (OBIS codes; the version, time and meter id
 * are always sent). Header and CRC are kept, unknown lines dropped. This is exactly what
 * `parseTelegram(encodeTelegram(t, { fields }))` yields, apart from the CRC.
 */
export function restrictTelegram(t: Telegram, fields: readonly string[]): Telegram {
  const selected = new Set<string>(ALWAYS_SENT);
  for (const f of fields) selected.add(f);
  const out: Telegram = { header: t.header, electricity: {}, mbus: [], unknown: [], crc: t.crc };
  for (const f of FIELD_DEFS) {
    if (!selected.has(f.obis)) continue;
    let v = readField(t, f);
    if (v === undefined) continue;
    if (Array.isArray(v)) v = v.map((x: object) => ({ ...x }));
    else if (v !== null && typeof v === 'object') v = { ...v };
    writeField(out, f, v);
  }
  sortChannels(out.mbus);
  return out;
}

/** The OBIS codes `t` carries, in catalogue order: compare with the configured list ("configured vs sent"). */
export function fieldsPresent(t: Telegram): string[] {
  const out: string[] = [];
  for (const f of FIELD_DEFS) if (readField(t, f) !== undefined) out.push(f.obis);
  return out;
}

/**
 * The configured fields a meter can actually push: an M-Bus channel's objects only while a device is
 * attached on that channel (a "full" set lists all four channels, yet an empty channel sends nothing).
 * M-Bus objects are told by the catalogue, not by the code's shape: relays 0-1:96.3.10 and
 * 0-2:96.3.10 belong to the electricity meter and are sent with or without a device.
 */
export function expectedFields(configured: readonly string[], attachedChannels: Iterable<number>): string[] {
  const attached = new Set(attachedChannels);
  return configured.filter((obis) => {
    const channel = FIELD_BY_OBIS.get(obis)?.channel;
    return channel === undefined || attached.has(channel);
  });
}
