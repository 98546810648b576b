/**
 * Payload validators for the `staff:*` channels: the renderer is not trusted, so every payload is
 * checked before the host sees it, with the same checks the central system applies
 * (contracts/central.ts). Each returns the payload typed, or a BAD_PAYLOAD error naming the field.
 */
import type { ApiResult, Payload, StaffChange } from '../../contracts/ipc.ts';
import {
  type Checked,
  checkControlState,
  checkMbusAttach,
  checkMbusChannel,
  checkMessageChannel,
  checkMessageText,
  checkMeterPatch,
} from '../../contracts/central.ts';
import { fail, ok } from '../../protocol/index.ts';

type Check<T> = (payload: unknown) => ApiResult<T>;

const bad = (message: string) => fail('BAD_PAYLOAD', `staff: ${message}`);

/** A shared check's result as a staff payload result. */
function as<T, U>(checked: Checked<T>, build: (value: T) => U): ApiResult<U> {
  return checked.ok ? ok(build(checked.value)) : bad(checked.error.message);
}

/** `staff:signIn`: a non-empty token without control characters, and an optional http(s) URL. */
export const validateStaffSignIn: Check<Payload<'staff:signIn'>> = (p) => {
  if (!isObject(p)) return bad('payload must be an object');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what a token may not hold
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
      return as(checkMeterPatch(p.body), (body) => ({ kind: 'patch', body }));
    case 'message': {
      const channel = checkMessageChannel(p.channel);
      if (!channel.ok) return bad(channel.error.message);
      return as(checkMessageText(p.text), (text) => ({ kind: 'message', channel: channel.value, text }));
    }
    case 'mbus-attach': {
      const channel = checkMbusChannel(p.channel);
      if (!channel.ok) return bad(channel.error.message);
      return as(checkMbusAttach(p.body), (body) => ({ kind: 'mbus-attach', channel: channel.value, body }));
    }
    case 'mbus-detach':
      return as(checkMbusChannel(p.channel), (channel) => ({ kind: 'mbus-detach', channel }));
    case 'valve': {
      const channel = checkMbusChannel(p.channel);
      if (!channel.ok) return bad(channel.error.message);
      return as(checkControlState(p.valve, 'valve'), (valve) => ({ kind: 'valve', channel: channel.value, valve }));
    }
    case 'rotate-key':
      return ok({ kind: 'rotate-key' });
    default:
      return bad('kind must be patch, message, mbus-attach, mbus-detach, valve or rotate-key');
  }
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
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
