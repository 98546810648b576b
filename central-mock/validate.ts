/**
 * Request-body checks. Every function takes parsed JSON of unknown shape and returns a value or a
 * one-line reason naming the field, which the handlers send as 400 BAD_REQUEST.
 */
import { type Checked, checkControlState, checkMbusAttach, checkMessageText, checkObject } from '../contracts/central.ts';
import { type ControlState, fail, ok } from '../protocol/index.ts';

export type { Checked };
export { checkMbusChannel, checkMessageChannel, checkMeterPatch as checkPatch } from '../contracts/central.ts';
const METER_ID = /^[\x21-\x7e]{16}$/;
/** "SAG" + 5 device-unique bytes (LUX §3.2.5); the only shape a stored system title has. */
export const SYSTEM_TITLE = /^534147[0-9A-Fa-f]{10}$/;

const bad = (message: string): Checked<never> => fail('BAD_REQUEST', message);
const object = checkObject;

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

/** `PUT …/messages/:channel`: printable text in any language, at most 1024 bytes as UTF-8 (see checkMessageText). */
export function checkMessage(body: unknown): Checked<string> {
  const o = object(body, ['text']);
  if (!o.ok) return o;
  return checkMessageText(o.value.text);
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

/** `PUT …/mbus/:channel`. */
export const checkMbus = checkMbusAttach;

/** `PATCH …/mbus/:channel`. */
export function checkValve(body: unknown): Checked<ControlState> {
  const o = object(body, ['valve']);
  if (!o.ok) return o;
  return checkControlState(o.value.valve, 'valve');
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
