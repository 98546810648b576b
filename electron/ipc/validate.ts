/**
 * One small hand-written validator per request channel, shared by Electron IPC and the browser-mode
 * WebSocket. A payload from the renderer is untrusted: each validator checks shape and bounds and
 * returns a fresh copy holding only the known fields, so nothing unexpected reaches the host services.
 * Meaning (is this key right? is that URL reachable?) is the services' business, not ours.
 */
import type { ApiResult, Channel, Payload } from '../../contracts/ipc.ts';
import { CHANNELS, OTHER_METER_ID } from '../../contracts/ipc.ts';
import { HISTORY_KINDS, HISTORY_STEPS, type HistoryStep } from '../../contracts/history.ts';
import { fail, MESSAGE_CHANNELS, ok } from '../../protocol/index.ts';
import type { Failure, Result } from '../../protocol/types.ts';
import { checkCostSettings } from '../../contracts/cost-settings.ts';
import { isIsoDate } from '../../contracts/peers.ts';
import { isHttpUrl, validateStaffChange, validateStaffSignIn } from './validate-staff.ts';
import { checkIntegrationsPatch } from '../../contracts/integrations.ts';

// A field's check fails with the path and what was expected; validatePayload names the channel.
type Checked<T> = Result<T, Failure<'BAD_PAYLOAD'>>;
type Check<T> = (v: unknown, at: string) => Checked<T>;
type Optional<T> = { optional: Check<T> };
type Shape = Record<string, Check<unknown> | Optional<unknown>>;
type ShapeValue<S extends Shape> = {
  [K in keyof S as S[K] extends Check<unknown> ? K : never]: S[K] extends Check<infer T> ? T : never;
} & {
  [K in keyof S as S[K] extends Optional<unknown> ? K : never]?: S[K] extends Optional<infer T> ? T : never;
};

type Tagged<M> = { [K in keyof M]: (M[K] extends Check<infer T> ? T : never) & { kind: K } }[keyof M];

const bad = <T>(message: string): Checked<T> => fail('BAD_PAYLOAD', message);

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'string' ? `a string of ${v.length} chars` : typeof v;
}

const nothing: Check<null> = (v, at) => (v === null || v === undefined ? ok(null) : bad(`${at}: expected null, got ${describe(v)}`));

const bool: Check<boolean> = (v, at) => (typeof v === 'boolean' ? ok(v) : bad(`${at}: expected a boolean, got ${describe(v)}`));

function str(min: number, max: number): Check<string> {
  return (v, at) =>
    typeof v === 'string' && v.length >= min && v.length <= max
      ? ok(v)
      : bad(`${at}: expected a string of ${min}..${max} chars, got ${describe(v)}`);
}

function num(min: number, max: number, integer: boolean): Check<number> {
  return (v, at) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v))
      ? ok(v)
      : bad(`${at}: expected ${integer ? 'an integer' : 'a number'} in ${min}..${max}, got ${typeof v === 'number' ? v : describe(v)}`);
}

function oneOf<const T extends readonly (string | number)[]>(...values: T): Check<T[number]> {
  return (v, at) =>
    values.includes(v as T[number])
      ? ok(v as T[number])
      : bad(`${at}: expected one of ${values.join(', ')}, got ${String(v).slice(0, 40)}`);
}

const opt = <T>(check: Check<T>): Optional<T> => ({ optional: check });

/** An object with exactly the given fields (unknown ones are dropped, not copied). */
function obj<S extends Shape>(shape: S): Check<ShapeValue<S>> {
  return (v, at) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad(`${at}: expected an object, got ${describe(v)}`);
    const src = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, rule] of Object.entries(shape)) {
      const isOptional = 'optional' in rule;
      if (isOptional && src[key] === undefined) continue;
      const r = (isOptional ? rule.optional : rule)(src[key], `${at}.${key}`);
      if (!r.ok) return r;
      out[key] = r.value;
    }
    return ok(out as ShapeValue<S>);
  };
}

/** A union discriminated by `kind`: picks the member's check by the tag. */
function byKind<M extends Record<string, Check<unknown>>>(members: M): Check<Tagged<M>> {
  return (v, at) => {
    const kind = typeof v === 'object' && v !== null ? (v as { kind?: unknown }).kind : undefined;
    const member = typeof kind === 'string' && Object.hasOwn(members, kind) ? members[kind] : undefined;
    if (!member) return bad(`${at}.kind: expected one of ${Object.keys(members).join(', ')}`);
    const r = member(v, at);
    return r.ok ? ok({ ...(r.value as object), kind } as never) : r;
  };
}

const PATH = str(1, 4096);
const TEXT_CHANNEL = oneOf(...MESSAGE_CHANNELS);
const HTTP_URL: Check<string> = (v, at) => (isHttpUrl(v) ? ok(v) : bad(`${at}: expected an http(s) URL, got ${describe(v)}`));

const SOURCES = {
  serial: obj({
    path: PATH,
    baudRate: opt(num(50, 4_000_000, true)),
    dataBits: opt(oneOf(7, 8)),
    parity: opt(oneOf('none', 'even', 'odd')),
    stopBits: opt(oneOf(1, 2)),
  }),
  tcp: obj({ host: str(1, 255), port: num(1, 65535, true) }),
  file: obj({ path: PATH, speed: num(0, 1000, false) }),
  demo: obj({ intervalMs: opt(num(100, 3_600_000, true)) }),
};
const source = byKind(SOURCES);

// ---- several meters (issue 12): an other meter reads serial, TCP or a file, never the demo
const otherSource = byKind({ serial: SOURCES.serial, tcp: SOURCES.tcp, file: SOURCES.file });
const METER_KEY_ID: Check<string> = (v, at) =>
  typeof v === 'string' && OTHER_METER_ID.test(v) ? ok(v) : bad(`${at}: expected 1..24 of a-z, 0-9 and -, got ${describe(v)}`);
const LABEL: Check<string> = (v, at) => {
  const r = str(1, 40)(typeof v === 'string' ? v.trim() : v, at);
  return r.ok && /[\p{Cc}]/u.test(r.value) ? bad(`${at}: expected printable text`) : r;
};
/** One other meter's settings (meters:save, and each entry of settings.otherMeters). */
export const checkOtherMeter = obj({ id: METER_KEY_ID, label: LABEL, source: otherSource });

/** The staff channels' validators live in validate-staff.ts (stricter: OBIS ids, printable text). */
function fromResult<T>(validate: (payload: unknown) => Result<T, Failure<string>>): Check<T> {
  return (v) => {
    const r = validate(v);
    return r.ok ? ok(r.value) : bad(r.error.message);
  };
}

// ---- history (issue 10): a span is [from, to) epoch ms, to after from, no longer than its step allows
const DAY_MS = 86_400_000;
/** The longest span per step: what a view or its CSV can ask without making the host build millions of records. */
export const HISTORY_MAX_SPAN_MS: Record<HistoryStep | 'power', number> = {
  '10s': 8 * DAY_MS,
  '15m': 32 * DAY_MS,
  '1h': 93 * DAY_MS,
  '1d': 4_020 * DAY_MS, // eleven years
  '1mo': 36_525 * DAY_MS,
  power: 8 * DAY_MS,
};
const EPOCH_MS = num(0, 253_402_300_800_000, true); // up to the year 10000
const METER_ID = str(1, 128);

function spanned<T extends { from: number; to: number }>(check: Check<T>, limit: (v: T) => number): Check<T> {
  return (v, at) => {
    const r = check(v, at);
    if (!r.ok) return r;
    if (r.value.to <= r.value.from) return bad(`${at}.to: expected after from (${r.value.from}), got ${r.value.to}`);
    const max = limit(r.value);
    return r.value.to - r.value.from > max ? bad(`${at}: expected a span of at most ${max / DAY_MS} days`) : r;
  };
}

const historySeries = spanned(
  obj({ meterId: METER_ID, kind: oneOf(...HISTORY_KINDS), step: oneOf(...HISTORY_STEPS), from: EPOCH_MS, to: EPOCH_MS }),
  (v) => HISTORY_MAX_SPAN_MS[v.step],
);
const historyPower = spanned(obj({ meterId: METER_ID, from: EPOCH_MS, to: EPOCH_MS }), () => HISTORY_MAX_SPAN_MS.power);

/** The validator table; `satisfies` makes a new channel in the contract a type error here until it has one. */
const VALIDATORS = {
  'app:snapshot': nothing,
  'ports:list': nothing,
  'source:get': nothing,
  'source:set': source,
  'source:stop': nothing,
  'key:status': nothing,
  'key:set': obj({ hex: str(0, 256) }),
  'key:clear': nothing,
  'messages:markRead': obj({ channel: TEXT_CHANNEL }),
  'pairing:pair': obj({ centralUrl: opt(HTTP_URL), meterId: str(1, 64), code: str(1, 64) }),
  'capture:export': obj({ redact: bool }),
  'central:info': nothing,
  'staff:signIn': fromResult(validateStaffSignIn),
  'staff:signOut': nothing,
  'staff:meter': nothing,
  'staff:change': fromResult(validateStaffChange),
  'staff:pairingCode': nothing,
  'staff:audit': nothing,
  'plain:answer': obj({ accept: bool }),
  'plain:setting': obj({ setting: oneOf('ask', 'accept', 'refuse') }),
  'costs:get': nothing,
  'costs:set': fromResult(checkCostSettings),
  'peers:daily': (v, at) => {
    const date = (v as { date?: unknown } | null)?.date;
    return isIsoDate(date) ? ok({ date }) : bad(`${at}.date: expected a day as YYYY-MM-DD`);
  },
  'history:info': nothing,
  'history:series': historySeries,
  'history:power': historyPower,
  'history:events': spanned(obj({ meterId: METER_ID, from: EPOCH_MS, to: EPOCH_MS }), () => HISTORY_MAX_SPAN_MS['1d']),
  'history:retention': obj({ days: num(1, 3650, true) }),
  'integrations:get': nothing,
  'integrations:set': (v) => {
    const r = checkIntegrationsPatch(v);
    return r.ok ? ok(r.value) : bad(r.message);
  },
  'meters:list': nothing,
  'meters:save': checkOtherMeter,
  'meters:setKey': obj({ id: METER_KEY_ID, hex: str(0, 256) }),
  'meters:pair': obj({ id: METER_KEY_ID, meterId: str(1, 64), code: str(1, 64) }),
  'meters:remove': obj({ id: METER_KEY_ID }),
} satisfies { [C in Channel]: Check<Payload<C>> };

export type Validated<C extends Channel> = ApiResult<Payload<C>>;

/** True when `name` is one of the contract's request channels (own keys only: no `__proto__` tricks). */
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (CHANNELS as readonly string[]).includes(name);
}

/** Checks a renderer payload for `channel`; bad input is a BAD_PAYLOAD error value, never a throw. */
export function validatePayload<C extends Channel>(channel: C, payload: unknown): Validated<C> {
  const check = VALIDATORS[channel] as Check<Payload<C>> | undefined;
  if (!check) return fail('BAD_CHANNEL', `unknown channel ${String(channel).slice(0, 64)}`);
  const r = check(payload, 'payload');
  return r.ok ? r : fail('BAD_PAYLOAD', `${channel}: ${r.error.message}`);
}
