/**
 * The one HTTP client of the central system (central-mock/API.md), shared by the app's host (pairing,
 * staff service), the demo and the meter simulator. Every way a call can go wrong is a value: the
 * central's own error codes, UNREACHABLE (no answer, a timeout) and BAD_ANSWER (an answer that is not
 * what API.md promises). A token travels in the Authorization header only, never in a message.
 */
import { fail, ok } from '../protocol/index.ts';
import type { Failure, Result } from '../protocol/types.ts';
import {
  type AuditEntry,
  type CentralErrorCode,
  type CentralMeter,
  checkAuditList,
  checkCentralMeter,
  checkPairingCode,
  checkPortConfig,
  checkReservation,
  type MbusAttach,
  type MeterPatch,
  type PairAnswer,
  type PortConfig,
  type Reservation,
  type ReserveBody,
} from './central.ts';
import type { MessageChannel, ControlState } from '../protocol/index.ts';
import { checkPeerDaily, type PeerDaily } from './peers.ts';

export type CentralFailureCode = CentralErrorCode | 'UNREACHABLE' | 'BAD_ANSWER';

export interface CentralFailure extends Failure<CentralFailureCode> {
  status?: number; // the HTTP status, when the central answered
  attemptsLeft?: number; // BAD_CODE
  lockedUntil?: string; // LOCKED, ISO 8601
}

export type CentralResult<T> = Result<T, CentralFailure>;
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export interface CentralClientOptions {
  baseUrl: string;
  token?: string; // staff bearer token; pairing needs none
  fetch?: FetchLike;
  timeoutMs?: number; // default 5 000
}

const CENTRAL_CODES: ReadonlySet<string> = new Set<CentralErrorCode>([
  'BAD_JSON',
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'UNKNOWN_METER',
  'UNKNOWN_DEVICE',
  'BAD_CODE',
  'LOCKED',
  'CONFLICT',
  'TOO_LARGE',
  'STORAGE_FULL',
  'STORAGE_ERROR',
  'INTERNAL',
]);

const oneLine = (text: unknown, max = 160): string =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .slice(0, max);

export interface CentralClient {
  readonly baseUrl: string;
  /** `POST /api/pair`: a meter id and the customer's pairing code → the port key. */
  pair(meterId: string, code: string): Promise<CentralResult<PairAnswer>>;
  meter(ref: string): Promise<CentralResult<CentralMeter>>;
  /** `GET …/port`: what the meter itself holds, key included (never log it). */
  port(ref: string): Promise<CentralResult<PortConfig>>;
  /** `GET /api/meters`, all pages: the ids of every meter. */
  meterIds(): Promise<CentralResult<string[]>>;
  patch(ref: string, patch: MeterPatch): Promise<CentralResult<CentralMeter>>;
  setMessage(ref: string, channel: MessageChannel, text: string): Promise<CentralResult<CentralMeter>>;
  attachMbus(ref: string, channel: number, body: MbusAttach): Promise<CentralResult<CentralMeter>>;
  detachMbus(ref: string, channel: number): Promise<CentralResult<CentralMeter>>;
  setValve(ref: string, channel: number, valve: ControlState): Promise<CentralResult<CentralMeter>>;
  rotateKey(ref: string): Promise<CentralResult<CentralMeter>>;
  /** `POST …/pairing-code`: a new code for the customer (replaces the previous one). */
  newPairingCode(ref: string): Promise<CentralResult<string>>;
  /** `GET …/audit`: every change, newest first. */
  audit(ref: string): Promise<CentralResult<AuditEntry[]>>;
  /**
   * `POST …/port/reserve`: frame counters and register marks, on the central's disk before the
   * simulated meter uses them. CONFLICT when `keyVersion` is no longer the meter's key.
   */
  reservePort(ref: string, body: ReserveBody): Promise<CentralResult<Reservation>>;
  /** `PUT …/port/frame-counter`: how far the meter counted. */
  reportFrameCounter(ref: string, frameCounter: number): Promise<CentralResult<unknown>>;
  /** `GET /api/peers/daily`: anonymous percentiles of one day's import for a power class. */
  peersDaily(date: string, classKw: number): Promise<CentralResult<PeerDaily>>;
  /** Any route of API.md; the answer is returned unchecked. */
  call(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<CentralResult<unknown>>;
}

/** A client for the central at `opts.baseUrl`. */
export function createCentralClient(opts: CentralClientOptions): CentralClient {
  const fetchFn: FetchLike = opts.fetch ?? ((url, init) => fetch(url, init));
  const timeoutMs = opts.timeoutMs ?? 5_000;
  const meterPath = (ref: string) => `/api/meters/${encodeURIComponent(ref)}`;

  async function call(method: string, path: string, body?: unknown): Promise<CentralResult<unknown>> {
    let url: URL;
    try {
      url = new URL(path, opts.baseUrl);
    } catch {
      return fail('UNREACHABLE', `central: not a URL: ${oneLine(opts.baseUrl, 80)}`);
    }
    let res: Response;
    try {
      res = await fetchFn(url.toString(), {
        method,
        headers: {
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      const why = e.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : oneLine(e.cause?.code ?? e.message);
      return fail('UNREACHABLE', `central system unreachable at ${url.origin}: ${why}`);
    }
    let json: unknown = null;
    try {
      json = await res.json();
    } catch {
      json = null;
    }
    if (res.ok) return ok(json);
    const o = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
    const known = typeof o.error === 'string' && CENTRAL_CODES.has(o.error);
    const failure: CentralFailure = {
      code: known ? (o.error as CentralErrorCode) : 'BAD_ANSWER',
      message:
        typeof o.message === 'string' ? oneLine(o.message) : `${url.origin} answered HTTP ${res.status}; is it a LuxP1 central system?`,
      status: res.status,
    };
    if (typeof o.attemptsLeft === 'number' && o.attemptsLeft >= 0) failure.attemptsLeft = Math.floor(o.attemptsLeft);
    if (typeof o.lockedUntil === 'string') failure.lockedUntil = o.lockedUntil;
    return { ok: false, error: failure };
  }

  const checked = async <T>(
    got: Promise<CentralResult<unknown>>,
    check: (v: unknown) => Result<T, Failure<'BAD_REQUEST'>>,
  ): Promise<CentralResult<T>> => {
    const r = await got;
    if (!r.ok) return r;
    const c = check(r.value);
    return c.ok ? c : fail('BAD_ANSWER', `central: ${c.error.message}`);
  };

  return {
    baseUrl: opts.baseUrl,
    pair: (meterId, code) =>
      checked(call('POST', '/api/pair', { meterId, code }), (v) => {
        const o = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
        if (typeof o.key !== 'string' || !/^[0-9A-Fa-f]{32}$/.test(o.key))
          return fail('BAD_REQUEST', 'pair: expected key as 32 hex digits');
        const systemTitle = typeof o.systemTitle === 'string' && /^[0-9A-Fa-f]{16}$/.test(o.systemTitle) ? o.systemTitle.toUpperCase() : '';
        return ok({ meterId: typeof o.meterId === 'string' ? o.meterId : meterId, systemTitle, key: o.key.toUpperCase() });
      }),
    meter: (ref) => checked(call('GET', meterPath(ref)), checkCentralMeter),
    port: (ref) => checked(call('GET', `${meterPath(ref)}/port`), checkPortConfig),
    async meterIds() {
      const ids: string[] = [];
      const limit = 500;
      for (let offset = 0; ; offset += limit) {
        const got = await call('GET', `/api/meters?offset=${offset}&limit=${limit}`);
        if (!got.ok) return got;
        const meters = (got.value as { meters?: unknown } | null)?.meters;
        if (!Array.isArray(meters)) return fail('BAD_ANSWER', 'central: expected {"meters": [...]}');
        for (const m of meters as { meterId?: unknown }[]) if (typeof m?.meterId === 'string') ids.push(m.meterId);
        if (meters.length < limit) return ok(ids);
      }
    },
    patch: (ref, patch) => checked(call('PATCH', meterPath(ref), patch), checkCentralMeter),
    setMessage: (ref, channel, text) => checked(call('PUT', `${meterPath(ref)}/messages/${channel}`, { text }), checkCentralMeter),
    attachMbus: (ref, channel, body) => checked(call('PUT', `${meterPath(ref)}/mbus/${channel}`, body), checkCentralMeter),
    detachMbus: (ref, channel) => checked(call('DELETE', `${meterPath(ref)}/mbus/${channel}`), checkCentralMeter),
    setValve: (ref, channel, valve) => checked(call('PATCH', `${meterPath(ref)}/mbus/${channel}`, { valve }), checkCentralMeter),
    rotateKey: (ref) => checked(call('POST', `${meterPath(ref)}/rotate-key`), checkCentralMeter),
    newPairingCode: (ref) => checked(call('POST', `${meterPath(ref)}/pairing-code`), checkPairingCode),
    audit: (ref) => checked(call('GET', `${meterPath(ref)}/audit`), checkAuditList),
    reservePort: (ref, body) => checked(call('POST', `${meterPath(ref)}/port/reserve`, body), checkReservation),
    peersDaily: (date, classKw) =>
      checked(call('GET', `/api/peers/daily?date=${encodeURIComponent(date)}&class=${classKw}`), checkPeerDaily),
    reportFrameCounter: (ref, frameCounter) => call('PUT', `${meterPath(ref)}/port/frame-counter`, { frameCounter }),
    call,
  };
}
