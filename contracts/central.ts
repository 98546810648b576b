/**
 * The central system's HTTP API (central-mock/API.md) as one contract: each JSON shape has one type
 * and one check here, shared by the central system (which enforces them), the app's host (pairing,
 * the staff service) and the meter simulator. Node-free, so the renderer may read the types too.
 */
import {
  CONTROL_STATES,
  type ControlState,
  fail,
  MBUS_DEVICE_TYPES,
  MBUS_MEDIA,
  MESSAGE_CHANNELS,
  MESSAGE_MAX_BYTES,
  type MbusMedium,
  type MessageChannel,
  ok,
  POWER_LIMIT_MAX_KVA,
} from '../protocol/index.ts';
import type { Failure, Result } from '../protocol/types.ts';

/** The `error` of every non-2xx answer: `{"error": CODE, "message": "one line", ...extra}`. */
export type CentralErrorCode =
  | 'BAD_JSON'
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'UNKNOWN_METER'
  | 'UNKNOWN_DEVICE'
  | 'BAD_CODE'
  | 'LOCKED'
  | 'CONFLICT'
  | 'TOO_LARGE'
  | 'STORAGE_FULL' // 503: the central's disk is full; nothing was changed
  | 'STORAGE_ERROR' // 503: the central could not write; nothing was changed
  | 'INTERNAL';

export type Preset = 'basic' | 'full' | 'custom';

/** An M-Bus device attached to a meter ("Meter object" `mbus[]`). */
export interface MbusDevice {
  channel: number; // 1..4
  kind: MbusMedium;
  deviceType: number; // EN 13757-3, from MBUS_DEVICE_TYPES
  equipmentId: string | null;
  unit: string;
  valve: ControlState;
}

/** API.md "Meter object": what the central holds for one meter; never carries the key. */
export interface CentralMeter {
  meterId: string;
  systemTitle: string; // 16 hex digits, "SAG…"
  encryption: boolean;
  fields: string[]; // OBIS codes the meter is configured to push
  preset: Preset;
  powerLimitKva: number;
  breaker: ControlState;
  relays: { relay1: ControlState; relay2: ControlState };
  messages: Record<MessageChannel, string>;
  mbus: MbusDevice[];
  keyVersion: number;
  frameCounter: number; // the last counter the meter reported
  createdAt: string;
  updatedAt: string;
}

/** `GET /api/meters/:id/port`: the meter object plus its port key (32 hex digits): what the meter itself holds. */
export interface PortConfig extends CentralMeter {
  key: string;
}

/** `PATCH /api/meters/:id`. */
export interface MeterPatch {
  encryption?: boolean;
  fields?: 'basic' | 'full' | string[];
  powerLimitKva?: number;
  breaker?: ControlState;
  relays?: { relay1?: ControlState; relay2?: ControlState };
}

/** `PUT /api/meters/:id/mbus/:channel`. */
export interface MbusAttach {
  kind: MbusMedium;
  equipmentId?: string;
  unit?: string;
}

/** `POST /api/pair` answers 200 with this. */
export interface PairAnswer {
  meterId: string;
  systemTitle: string;
  key: string;
}

/** `GET /api/meters/:id/audit` entries, newest first. */
export interface AuditEntry {
  at: string; // ISO 8601
  actor: string; // staff:<n>, seed, provisioning
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export type Checked<T> = Result<T, Failure<'BAD_REQUEST'>>;
type Obj = Record<string, unknown>;

const OBIS_ID = /^\d{1,3}-\d{1,3}:\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const bad = (message: string): Checked<never> => fail('BAD_REQUEST', message);
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): v is T =>
  typeof v === 'string' && (allowed as readonly string[]).includes(v);

/** A JSON object with only the `allowed` keys: a stray field is refused, never ignored. */
export function checkObject(body: unknown, allowed: readonly string[]): Checked<Obj> {
  if (!isObj(body)) return bad('expected a JSON object');
  const extra = Object.keys(body).filter((k) => !allowed.includes(k));
  if (extra.length > 0) return bad(`unknown field(s): ${extra.join(', ')} (allowed: ${allowed.join(', ')})`);
  return ok(body);
}

export function checkControlState(v: unknown, name: string): Checked<ControlState> {
  return oneOf(v, CONTROL_STATES) ? ok(v) : bad(`${name} must be one of ${CONTROL_STATES.join(', ')}`);
}

export function checkMessageChannel(v: unknown): Checked<MessageChannel> {
  return oneOf(v, MESSAGE_CHANNELS) ? ok(v) : bad(`message channel must be one of ${MESSAGE_CHANNELS.join(', ')}`);
}

export function checkMbusChannel(v: unknown): Checked<number> {
  const n = typeof v === 'string' && /^[1-4]$/.test(v) ? Number(v) : v;
  return Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 4 ? ok(n as number) : bad('M-Bus channel must be 1, 2, 3 or 4');
}

/** `PATCH /api/meters/:id`: at least one known setting; field codes are checked against the catalogue by the central. */
export function checkMeterPatch(body: unknown): Checked<MeterPatch> {
  const o = checkObject(body, ['encryption', 'fields', 'powerLimitKva', 'breaker', 'relays']);
  if (!o.ok) return o;
  const v = o.value;
  if (Object.keys(v).length === 0) return bad('nothing to change: give encryption, fields, powerLimitKva, breaker or relays');
  const out: MeterPatch = {};
  if (v.encryption !== undefined) {
    if (typeof v.encryption !== 'boolean') return bad('encryption must be true or false');
    out.encryption = v.encryption;
  }
  if (v.fields !== undefined) {
    const f = v.fields;
    const list = Array.isArray(f) && f.length <= 200 && f.every((x) => typeof x === 'string' && OBIS_ID.test(x));
    if (f !== 'basic' && f !== 'full' && !list) return bad('fields must be "basic", "full" or an array of OBIS codes');
    out.fields = f as MeterPatch['fields'] & {};
  }
  if (v.powerLimitKva !== undefined) {
    const p = v.powerLimitKva;
    if (typeof p !== 'number' || !Number.isFinite(p) || p <= 0 || p > POWER_LIMIT_MAX_KVA)
      return bad(`powerLimitKva must be a number with 0 < x ≤ ${POWER_LIMIT_MAX_KVA}`);
    out.powerLimitKva = Math.round(p * 10) / 10; // 0-0:17.0.0 is F4(1,1): one decimal on the wire
  }
  if (v.breaker !== undefined) {
    const b = checkControlState(v.breaker, 'breaker');
    if (!b.ok) return b;
    out.breaker = b.value;
  }
  if (v.relays !== undefined) {
    const r = checkObject(v.relays, ['relay1', 'relay2']);
    if (!r.ok) return bad(`relays: ${r.error.message}`);
    out.relays = {};
    for (const k of ['relay1', 'relay2'] as const) {
      if (r.value[k] === undefined) continue;
      const s = checkControlState(r.value[k], `relays.${k}`);
      if (!s.ok) return s;
      out.relays[k] = s.value;
    }
  }
  return ok(out);
}

/**
 * `PUT …/messages/:channel` text: any language's letters (é, ü, ë), no control characters, at most
 * MESSAGE_MAX_BYTES bytes once UTF-8 encoded. The meter sends the message as an octet string of
 * that many bytes, so an accented letter counts two, and a frame with five full channels still fits
 * the decoder's frame limit.
 */
export function checkMessageText(t: unknown): Checked<string> {
  if (typeof t !== 'string') return bad('text must be a string ("" clears the channel)');
  let bytes = 0;
  let index = 0;
  for (const ch of t) {
    const cp = ch.codePointAt(0) ?? 0;
    index++;
    // Control characters (C0, DEL, C1) and lone UTF-16 surrogates have no place on a display.
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0xd800 && cp <= 0xdfff)) {
      const hex = cp.toString(16).toUpperCase().padStart(4, '0');
      return bad(`text must be printable (no control characters); character ${index} is U+${hex}`);
    }
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  if (bytes > MESSAGE_MAX_BYTES)
    return bad(`text is ${bytes} bytes as UTF-8 (${index} characters); the meter takes at most ${MESSAGE_MAX_BYTES}`);
  return ok(t);
}

/** `PUT …/mbus/:channel` body. */
export function checkMbusAttach(body: unknown): Checked<MbusAttach> {
  const o = checkObject(body, ['kind', 'equipmentId', 'unit']);
  if (!o.ok) return o;
  const { kind, equipmentId, unit } = o.value;
  if (!oneOf(kind, MBUS_MEDIA)) return bad(`kind must be one of ${MBUS_MEDIA.join(', ')}`);
  const out: MbusAttach = { kind };
  if (equipmentId !== undefined) {
    if (typeof equipmentId !== 'string' || !/^[\x21-\x7e]{1,48}$/.test(equipmentId))
      return bad('equipmentId must be 1..48 printable ASCII characters');
    out.equipmentId = equipmentId;
  }
  if (unit !== undefined) {
    if (typeof unit !== 'string' || !/^[A-Za-z0-9]{1,8}$/.test(unit)) return bad('unit must be 1..8 letters or digits, e.g. m3, GJ, kWh');
    out.unit = unit;
  }
  return ok(out);
}

/** An answer that claims to be a meter object, checked field by field (the host and the simulator read these). */
export function checkCentralMeter(json: unknown): Checked<CentralMeter> {
  if (!isObj(json)) return bad('meter: expected a JSON object');
  const { meterId, systemTitle, encryption, fields, preset, powerLimitKva, keyVersion, frameCounter } = json;
  if (typeof meterId !== 'string' || meterId.length === 0) return bad('meter: expected meterId');
  if (typeof systemTitle !== 'string' || !/^[0-9A-Fa-f]{16}$/.test(systemTitle)) return bad('meter: expected systemTitle as 16 hex digits');
  if (typeof encryption !== 'boolean') return bad('meter: expected encryption as a boolean');
  if (!Array.isArray(fields) || !fields.every((f) => typeof f === 'string')) return bad('meter: expected fields as a list of OBIS codes');
  if (!oneOf(preset, ['basic', 'full', 'custom'] as const)) return bad('meter: expected preset basic, full or custom');
  if (typeof powerLimitKva !== 'number' || !(powerLimitKva > 0 && powerLimitKva <= POWER_LIMIT_MAX_KVA))
    return bad('meter: expected powerLimitKva');
  if (!Number.isInteger(keyVersion)) return bad('meter: expected keyVersion as an integer');
  if (!Number.isInteger(frameCounter) || (frameCounter as number) < 0) return bad('meter: expected frameCounter as a whole number');
  const breaker = checkControlState(json.breaker, 'meter: breaker');
  if (!breaker.ok) return breaker;
  const relays = isObj(json.relays) ? json.relays : {};
  const relay1 = checkControlState(relays.relay1, 'meter: relays.relay1');
  const relay2 = checkControlState(relays.relay2, 'meter: relays.relay2');
  if (!relay1.ok) return relay1;
  if (!relay2.ok) return relay2;
  const m = isObj(json.messages) ? json.messages : {};
  const messages = {} as Record<MessageChannel, string>;
  for (const c of MESSAGE_CHANNELS) {
    if (typeof m[c] !== 'string') return bad(`meter: expected messages.${c} as a string`);
    messages[c] = m[c] as string;
  }
  const mbus = checkMbusDevices(json.mbus);
  if (!mbus.ok) return mbus;
  return ok({
    meterId,
    systemTitle: systemTitle.toUpperCase(),
    encryption,
    fields: fields as string[],
    preset,
    powerLimitKva,
    breaker: breaker.value,
    relays: { relay1: relay1.value, relay2: relay2.value },
    messages,
    mbus: mbus.value,
    keyVersion: keyVersion as number,
    frameCounter: frameCounter as number,
    createdAt: typeof json.createdAt === 'string' ? json.createdAt : '',
    updatedAt: typeof json.updatedAt === 'string' ? json.updatedAt : '',
  });
}

function checkMbusDevices(v: unknown): Checked<MbusDevice[]> {
  if (!Array.isArray(v)) return bad('meter: expected mbus as a list');
  const out: MbusDevice[] = [];
  for (const d of v) {
    if (!isObj(d)) return bad('meter: expected each M-Bus device as an object');
    const channel = checkMbusChannel(d.channel);
    if (!channel.ok) return channel;
    if (!oneOf(d.kind, MBUS_MEDIA)) return bad(`meter: M-Bus ${channel.value}: expected kind ${MBUS_MEDIA.join(', ')}`);
    const valve = checkControlState(d.valve, `meter: M-Bus ${channel.value} valve`);
    if (!valve.ok) return valve;
    const known = MBUS_DEVICE_TYPES[d.kind];
    out.push({
      channel: channel.value,
      kind: d.kind,
      deviceType: Number.isInteger(d.deviceType) ? (d.deviceType as number) : known.deviceType,
      equipmentId: typeof d.equipmentId === 'string' ? d.equipmentId : null,
      unit: typeof d.unit === 'string' ? d.unit : known.unit,
      valve: valve.value,
    });
  }
  return ok(out.sort((a, b) => a.channel - b.channel));
}

/** `GET …/port`: a meter object plus its key (the key is never echoed in a message). */
export function checkPortConfig(json: unknown): Checked<PortConfig> {
  const meter = checkCentralMeter(json);
  if (!meter.ok) return meter;
  const key = (json as Obj).key;
  if (typeof key !== 'string' || !/^[0-9A-Fa-f]{32}$/.test(key)) return bad('port config: expected key as 32 hex digits');
  return ok({ ...meter.value, key: key.toUpperCase() });
}

/** `GET …/audit`: `{"entries": [...]}` with at, actor and action on each. */
export function checkAuditList(json: unknown): Checked<AuditEntry[]> {
  const entries = isObj(json) ? json.entries : undefined;
  if (!Array.isArray(entries)) return bad('audit: expected {"entries": [...]}');
  for (const e of entries) {
    if (!isObj(e) || typeof e.at !== 'string' || typeof e.actor !== 'string' || typeof e.action !== 'string')
      return bad('audit: expected at, actor and action on every entry');
  }
  return ok(entries as AuditEntry[]);
}

/** `POST …/pairing-code`: `{"pairingCode": "…"}`. */
export function checkPairingCode(json: unknown): Checked<string> {
  const code = isObj(json) ? json.pairingCode : undefined;
  return typeof code === 'string' && code.length > 0 ? ok(code) : bad('pairing code: expected {"pairingCode": "…"}');
}

// ---- the simulated meter's non-volatile memory (`POST …/port/reserve`, central-mock/port-state.ts) ----

const MAX_RESERVE_FRAMES = 1_000_000;
/** Register marks one meter may keep (energy registers and M-Bus indexes). */
export const MAX_RESERVE_REGISTERS = 32;
const REGISTER_NAME = /^[\x20-\x7e]{1,120}$/;

export interface ReserveBody {
  keyVersion: number;
  frames: number;
  registers: Record<string, number>;
}

export interface Reservation {
  keyVersion: number;
  from: number; // first frame counter of the block
  to: number; // one past the last; from === to when the counter space of this key is used up
  registers: Record<string, number>; // the stored high-water marks, after merging the request's
}

/** `POST …/port/reserve` request. */
export function checkReserve(body: unknown): Checked<ReserveBody> {
  const checked = checkObject(body, ['keyVersion', 'frames', 'registers']);
  if (!checked.ok) return checked;
  const o = checked.value;
  const { keyVersion, frames } = o;
  if (!Number.isSafeInteger(keyVersion) || (keyVersion as number) < 1) return bad('keyVersion must be a whole number ≥ 1');
  if (!Number.isSafeInteger(frames) || (frames as number) < 0 || (frames as number) > MAX_RESERVE_FRAMES)
    return bad(`frames must be a whole number 0..${MAX_RESERVE_FRAMES}`);
  const regs = o.registers ?? {};
  if (typeof regs !== 'object' || regs === null || Array.isArray(regs)) return bad('registers must be an object of name: whole number');
  const entries = Object.entries(regs);
  if (entries.length > MAX_RESERVE_REGISTERS) return bad(`at most ${MAX_RESERVE_REGISTERS} registers`);
  for (const [name, v] of entries) {
    if (!REGISTER_NAME.test(name)) return bad('register names are 1..120 printable ASCII characters');
    if (!Number.isSafeInteger(v) || (v as number) < 0) return bad(`register ${JSON.stringify(name)} must be a whole number ≥ 0`);
  }
  return ok({ keyVersion: keyVersion as number, frames: frames as number, registers: regs as Record<string, number> });
}

/** The reserve answer: a block of counters [from, to) under keyVersion, and the stored register marks. */
export function checkReservation(json: unknown): Checked<Reservation> {
  if (!isObj(json)) return bad('reservation: expected a JSON object');
  const { keyVersion, from, to, registers } = json;
  const counter = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0 && (n as number) <= 2 ** 32;
  if (!Number.isSafeInteger(keyVersion) || !counter(from) || !counter(to) || to < from)
    return bad('reservation: expected keyVersion and a block from..to');
  if (!isObj(registers) || !Object.values(registers).every((x) => Number.isSafeInteger(x))) return bad('reservation: expected registers');
  return ok({ keyVersion: keyVersion as number, from, to, registers: registers as Record<string, number> });
}
