/**
 * Request-body checks. Every function takes parsed JSON of unknown shape and returns a value or a
 * one-line reason naming the field, which the handlers send as 400 BAD_REQUEST.
 */
import type { ControlState } from '../protocol/index.ts';
import { CHANNELS, CONTROL_STATES, MBUS_KINDS, type MbusKindName, type MessageChannel } from './meter.ts';

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };
type Obj = Record<string, unknown>;

export const MESSAGE_MAX = 1024; // DSMR5 §6.5: text messages up to 1024 characters
const METER_ID = /^[\x21-\x7e]{16}$/;
/** "SAG" + 5 device-unique bytes (LUX §3.2.5); the only shape a stored system title has. */
export const SYSTEM_TITLE = /^534147[0-9A-Fa-f]{10}$/;

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = (message: string): Checked<never> => ({ ok: false, message });

function object(body: unknown, allowed: readonly string[]): Checked<Obj> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return bad('expected a JSON object');
  const extra = Object.keys(body).filter((k) => !allowed.includes(k));
  if (extra.length > 0) return bad(`unknown field(s): ${extra.join(', ')} (allowed: ${allowed.join(', ')})`);
  return ok(body as Obj);
}

function controlState(v: unknown, name: string): Checked<ControlState> {
  return typeof v === 'string' && (CONTROL_STATES as readonly string[]).includes(v)
    ? ok(v as ControlState)
    : bad(`${name} must be one of ${CONTROL_STATES.join(', ')}`);
}

/** True for a meter id (16 printable chars) or a system title (16 hex digits): what a path may name. */
export function isMeterRef(ref: string): boolean {
  return METER_ID.test(ref);
}

export function checkMeterId(v: unknown): Checked<string> {
  return typeof v === 'string' && METER_ID.test(v) ? ok(v) : bad('meterId must be 16 printable ASCII characters, e.g. SAG1030700012701');
}

export function checkSystemTitle(v: unknown): Checked<string> {
  return typeof v === 'string' && SYSTEM_TITLE.test(v)
    ? ok(v.toUpperCase())
    : bad('systemTitle must be 16 hex digits starting 534147 ("SAG")');
}

export interface PairBody {
  ref: string;
  code: string;
}

/** `POST /api/pair`: exactly one of meterId / systemTitle, plus the code. */
export function checkPair(body: unknown): Checked<PairBody> {
  const o = object(body, ['meterId', 'systemTitle', 'code']);
  if (!o.ok) return o;
  const { meterId, systemTitle, code } = o.value;
  if (typeof code !== 'string' || code.length === 0 || code.length > 64)
    return bad('code must be a non-empty string of at most 64 characters');
  if ((meterId === undefined) === (systemTitle === undefined)) return bad('give exactly one of meterId or systemTitle');
  const ref = meterId !== undefined ? checkMeterId(meterId) : checkSystemTitle(systemTitle);
  return ref.ok ? ok({ ref: ref.value, code }) : ref;
}

export interface CreateBody {
  meterId?: string;
  systemTitle?: string;
  preset: 'basic' | 'full';
  encryption: boolean;
}

/** `POST /api/meters`. */
export function checkCreate(body: unknown): Checked<CreateBody> {
  const o = object(body ?? {}, ['meterId', 'systemTitle', 'preset', 'encryption']);
  if (!o.ok) return o;
  const v = o.value;
  const out: CreateBody = { preset: 'basic', encryption: true };
  if (v.meterId !== undefined) {
    const c = checkMeterId(v.meterId);
    if (!c.ok) return c;
    out.meterId = c.value;
  }
  if (v.systemTitle !== undefined) {
    const c = checkSystemTitle(v.systemTitle);
    if (!c.ok) return c;
    out.systemTitle = c.value;
  }
  if (v.preset !== undefined) {
    if (v.preset !== 'basic' && v.preset !== 'full') return bad('preset must be "basic" or "full"');
    out.preset = v.preset;
  }
  if (v.encryption !== undefined) {
    if (typeof v.encryption !== 'boolean') return bad('encryption must be true or false');
    out.encryption = v.encryption;
  }
  return ok(out);
}

export interface PatchBody {
  encryption?: boolean;
  fields?: 'basic' | 'full' | string[];
  powerLimitKva?: number;
  breaker?: ControlState;
  relays?: { relay1?: ControlState; relay2?: ControlState };
}

/** `PATCH /api/meters/:id`: at least one known setting; field codes are checked against the catalogue later. */
export function checkPatch(body: unknown): Checked<PatchBody> {
  const o = object(body, ['encryption', 'fields', 'powerLimitKva', 'breaker', 'relays']);
  if (!o.ok) return o;
  const v = o.value;
  if (Object.keys(v).length === 0) return bad('nothing to change: give encryption, fields, powerLimitKva, breaker or relays');
  const out: PatchBody = {};
  if (v.encryption !== undefined) {
    if (typeof v.encryption !== 'boolean') return bad('encryption must be true or false');
    out.encryption = v.encryption;
  }
  if (v.fields !== undefined) {
    const f = v.fields;
    const list = Array.isArray(f) && f.length <= 200 && f.every((x) => typeof x === 'string' && x.length <= 32);
    if (f !== 'basic' && f !== 'full' && !list) return bad('fields must be "basic", "full" or an array of OBIS codes');
    out.fields = f as PatchBody['fields'] & {};
  }
  if (v.powerLimitKva !== undefined) {
    const p = v.powerLimitKva;
    if (typeof p !== 'number' || !Number.isFinite(p) || p <= 0 || p > 999.9)
      return bad('powerLimitKva must be a number with 0 < x ≤ 999.9');
    out.powerLimitKva = Math.round(p * 10) / 10; // 0-0:17.0.0 is F4(1,1): one decimal on the wire
  }
  if (v.breaker !== undefined) {
    const b = controlState(v.breaker, 'breaker');
    if (!b.ok) return b;
    out.breaker = b.value;
  }
  if (v.relays !== undefined) {
    const r = object(v.relays, ['relay1', 'relay2']);
    if (!r.ok) return bad(`relays: ${r.message}`);
    out.relays = {};
    for (const k of ['relay1', 'relay2'] as const) {
      if (r.value[k] === undefined) continue;
      const s = controlState(r.value[k], `relays.${k}`);
      if (!s.ok) return s;
      out.relays[k] = s.value;
    }
  }
  return ok(out);
}

/** A text-message channel from the path: 0, 2, 3, 4 or 5. */
export function checkMessageChannel(v: string): Checked<MessageChannel> {
  return (CHANNELS as readonly string[]).includes(v)
    ? ok(v as MessageChannel)
    : bad(`message channel must be one of ${CHANNELS.join(', ')}`);
}

/** `PUT …/messages/:channel`: printable ASCII only (the meter sends it as an octet string), at most 1024 chars. */
export function checkMessage(body: unknown): Checked<string> {
  const o = object(body, ['text']);
  if (!o.ok) return o;
  const t = o.value.text;
  if (typeof t !== 'string') return bad('text must be a string ("" clears the channel)');
  if (t.length > MESSAGE_MAX) return bad(`text is ${t.length} characters; the meter takes at most ${MESSAGE_MAX}`);
  const i = t.search(/[^\x20-\x7e]/);
  if (i >= 0)
    return bad(
      `text must be printable ASCII (0x20..0x7E); character ${i + 1} is U+${t.codePointAt(i)!.toString(16).toUpperCase().padStart(4, '0')}`,
    );
  return ok(t);
}

/** A body that may be empty (rotate-key, pairing-code): absent or `{}`, so a stray field is refused, not ignored. */
export function checkNoFields(body: unknown): Checked<null> {
  const o = object(body ?? {}, []);
  return o.ok ? ok(null) : o;
}

/** `PUT …/port/frame-counter`. */
export function checkFrameCounter(body: unknown): Checked<number> {
  const o = object(body, ['frameCounter']);
  if (!o.ok) return o;
  const n = o.value.frameCounter;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 0xffffffff
    ? ok(n)
    : bad('frameCounter must be a whole number 0..4294967295');
}

/** An M-Bus channel from the path: 1..4. */
export function checkMbusChannel(v: string): Checked<number> {
  return /^[1-4]$/.test(v) ? ok(Number(v)) : bad('M-Bus channel must be 1, 2, 3 or 4');
}

export interface MbusBody {
  kind: MbusKindName;
  equipmentId?: string;
  unit?: string;
}

/** `PUT …/mbus/:channel`. */
export function checkMbus(body: unknown): Checked<MbusBody> {
  const o = object(body, ['kind', 'equipmentId', 'unit']);
  if (!o.ok) return o;
  const { kind, equipmentId, unit } = o.value;
  if (typeof kind !== 'string' || !Object.hasOwn(MBUS_KINDS, kind)) return bad('kind must be "gas", "water" or "heat"');
  const out: MbusBody = { kind: kind as MbusKindName };
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

/** `PATCH …/mbus/:channel`. */
export function checkValve(body: unknown): Checked<ControlState> {
  const o = object(body, ['valve']);
  if (!o.ok) return o;
  return controlState(o.value.valve, 'valve');
}

/** `?offset=&limit=` of `GET /api/meters`. */
export function checkPage(params: URLSearchParams): Checked<{ offset: number; limit: number }> {
  const num = (name: string, dflt: number, max: number): number | null => {
    const raw = params.get(name);
    if (raw === null) return dflt;
    return /^\d{1,9}$/.test(raw) && Number(raw) <= max ? Number(raw) : null;
  };
  const offset = num('offset', 0, 1e9);
  const limit = num('limit', 100, 500);
  if (offset === null) return bad('offset must be a whole number ≥ 0');
  if (limit === null || limit === 0) return bad('limit must be a whole number from 1 to 500');
  return ok({ offset, limit });
}
