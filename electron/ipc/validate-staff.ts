/**
 * Payload validators for the `staff:*` channels: the renderer is not trusted, so every payload is
 * checked before the host sees it. Each returns the payload typed, or a BAD_PAYLOAD error naming the field.
 */
import type { ApiResult, ControlState, Payload, StaffChange } from '../../contracts/ipc.ts';

type Check<T> = (payload: unknown) => ApiResult<T>;

const CONTROL: readonly ControlState[] = ['disconnected', 'connected', 'ready'];
const MESSAGE_CHANNELS = ['0', '2', '3', '4', '5'] as const;
const MBUS_KINDS = ['gas', 'water', 'heat'] as const;
const OBIS_ID = /^\d{1,3}-\d{1,3}:\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** `staff:signIn`: a non-empty token without control characters, and an optional http(s) URL. */
export const validateStaffSignIn: Check<Payload<'staff:signIn'>> = (p) => {
  if (!isObject(p)) return bad('payload must be an object');
  if (typeof p.token !== 'string' || p.token.length === 0 || p.token.length > 512 || /[\s\x00-\x1f]/.test(p.token)) {
    return bad('token must be 1..512 characters without spaces');
  }
  if (p.centralUrl !== undefined && !isHttpUrl(p.centralUrl)) return bad('centralUrl must be an http(s) URL');
  return ok(p.centralUrl === undefined ? { token: p.token } : { token: p.token, centralUrl: p.centralUrl as string });
};

/** `staff:change`: one of the StaffChange kinds, with values the central would accept. */
export const validateStaffChange: Check<StaffChange> = (p) => {
  if (!isObject(p)) return bad('payload must be an object');
  switch (p.kind) {
    case 'patch':
      return checkPatch(p.body);
    case 'message':
      if (!oneOf(p.channel, MESSAGE_CHANNELS)) return bad('channel must be 0, 2, 3, 4 or 5');
      if (typeof p.text !== 'string' || p.text.length > 1024 || !/^[\x20-\x7e]*$/.test(p.text))
        return bad('text must be ≤ 1024 printable ASCII characters');
      return ok({ kind: 'message', channel: p.channel, text: p.text });
    case 'mbus-attach': {
      if (!isMbusChannel(p.channel)) return bad('channel must be 1..4');
      const b = p.body;
      if (!isObject(b) || !oneOf(b.kind, MBUS_KINDS)) return bad('body.kind must be gas, water or heat');
      if (b.equipmentId !== undefined && (typeof b.equipmentId !== 'string' || b.equipmentId.length > 96))
        return bad('body.equipmentId must be a string');
      if (b.unit !== undefined && (typeof b.unit !== 'string' || b.unit.length > 16)) return bad('body.unit must be a short string');
      const body = {
        kind: b.kind,
        ...(b.equipmentId === undefined ? {} : { equipmentId: b.equipmentId as string }),
        ...(b.unit === undefined ? {} : { unit: b.unit as string }),
      };
      return ok({ kind: 'mbus-attach', channel: p.channel, body });
    }
    case 'mbus-detach':
      return isMbusChannel(p.channel) ? ok({ kind: 'mbus-detach', channel: p.channel }) : bad('channel must be 1..4');
    case 'valve':
      if (!isMbusChannel(p.channel)) return bad('channel must be 1..4');
      return oneOf(p.valve, CONTROL)
        ? ok({ kind: 'valve', channel: p.channel, valve: p.valve })
        : bad('valve must be disconnected, connected or ready');
    case 'rotate-key':
      return ok({ kind: 'rotate-key' });
    default:
      return bad('kind must be patch, message, mbus-attach, mbus-detach, valve or rotate-key');
  }
};

function checkPatch(b: unknown): ApiResult<StaffChange> {
  if (!isObject(b)) return bad('body must be an object');
  const body: Extract<StaffChange, { kind: 'patch' }>['body'] = {};
  for (const key of Object.keys(b)) {
    if (!['encryption', 'fields', 'powerLimitKva', 'breaker', 'relays'].includes(key)) return bad(`body.${key} cannot be changed`);
  }
  if (b.encryption !== undefined) {
    if (typeof b.encryption !== 'boolean') return bad('body.encryption must be true or false');
    body.encryption = b.encryption;
  }
  if (b.fields !== undefined) {
    const f = b.fields;
    const list = Array.isArray(f) && f.length <= 128 && f.every((x) => typeof x === 'string' && OBIS_ID.test(x));
    if (f !== 'basic' && f !== 'full' && !list) return bad('body.fields must be "basic", "full" or a list of OBIS codes');
    body.fields = f as 'basic' | 'full' | string[];
  }
  if (b.powerLimitKva !== undefined) {
    const v = b.powerLimitKva;
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > 999.9) return bad('body.powerLimitKva must be > 0 and ≤ 999.9');
    body.powerLimitKva = v;
  }
  if (b.breaker !== undefined) {
    if (!oneOf(b.breaker, CONTROL)) return bad('body.breaker must be disconnected, connected or ready');
    body.breaker = b.breaker;
  }
  if (b.relays !== undefined) {
    const r = b.relays;
    if (!isObject(r) || Object.keys(r).some((k) => k !== 'relay1' && k !== 'relay2')) return bad('body.relays must be {relay1?, relay2?}');
    if ((r.relay1 !== undefined && !oneOf(r.relay1, CONTROL)) || (r.relay2 !== undefined && !oneOf(r.relay2, CONTROL)))
      return bad('body.relays values must be control states');
    body.relays = {
      ...(r.relay1 === undefined ? {} : { relay1: r.relay1 as ControlState }),
      ...(r.relay2 === undefined ? {} : { relay2: r.relay2 as ControlState }),
    };
  }
  if (Object.keys(body).length === 0) return bad('body must change at least one setting');
  return ok({ kind: 'patch', body });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[]): v is T {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v);
}

function isMbusChannel(v: unknown): v is number {
  return Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 4;
}

/** An absolute http(s) URL: where a central system may be, and nothing fetch would read locally. */
export function isHttpUrl(v: unknown): v is string {
  if (typeof v !== 'string' || v.length > 2048) return false;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

function bad(message: string): { ok: false; error: { code: string; message: string } } {
  return { ok: false, error: { code: 'BAD_PAYLOAD', message: `staff: ${message}` } };
}
