/**
 * The `staff:*` channels: a DSO staff member signs in with a token, sees the central system's view
 * of the meter on this port, changes it, and watches the port follow. The host services delegate
 * `staff:*` requests here and call `observeTelegram` for every decoder event.
 *
 * Sessions are per client (one browser-mode WebSocket, one Electron window): a second window is not
 * signed in because the first one is. A session ends on sign-out, when its client goes away, or after
 * `idleMs` without a staff request (default 15 minutes); the client is then told why.
 * Tokens live in this closure only: never written to disk, never put in an event, error or log.
 */
import type { DecoderEvent, Telegram } from '../../protocol/types.ts';
import type { ApiResult, CentralMeter, ChangeTiming, Payload, StaffChange, StaffSessionState, Value } from '../../contracts/ipc.ts';
import { fail } from '../../protocol/index.ts';
import { applyChange, type FetchLike, staffClient } from './staff-central.ts';
import { changeOverrides, changeTargets, effectCheck, type EffectCheck } from './staff-effects.ts';

export type StaffChannel = 'staff:signIn' | 'staff:signOut' | 'staff:meter' | 'staff:change' | 'staff:pairingCode' | 'staff:audit';

/** What the port shows right now, as the session knows it. */
export interface PortView {
  systemTitle: string | null;
  meterId: string | null;
  lastTelegram: Telegram | null;
}

export interface StaffTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface StaffServiceOptions {
  fetch?: FetchLike;
  now?: () => number;
  /** Ends idle sessions on time (without it they end at their next request). */
  timers?: StaffTimers;
  /** A session ends after this long without a staff request. */
  idleMs?: number;
  /** The central to use when sign-in names none (the demo's bundled central, or the pairing one). */
  centralUrl?: () => string | null;
  getPortView: () => PortView;
  /** A change's timing moved on; `client` is the one that asked for it. */
  onTiming: (timing: ChangeTiming, client?: string) => void;
  /** A client's session ended by itself (idle); the client should show it. */
  onSession?: (state: StaffSessionState, client: string) => void;
}

export interface StaffService {
  handle<C extends StaffChannel>(channel: C, payload: Payload<C>, client?: string): Promise<ApiResult<Value<C>>>;
  observeTelegram(event: DecoderEvent, at?: number): void;
  signedIn(client?: string): boolean;
}

export const DEFAULT_STAFF_IDLE_MS = 15 * 60_000;
const LOCAL = 'local'; // the client of a caller that names none (tests, the CLI)

interface Pending {
  timing: ChangeTiming;
  client: string;
  targets: string[];
  check: EffectCheck | null; // null until the central accepted the change
}

interface ClientSession {
  url: string;
  token: string;
  meter: CentralMeter | null;
  lastUsed: number;
  timer: unknown;
}

// A change the port never shows (e.g. a key rotation on a plain port) must not be checked forever.
const MAX_PENDING = 32;

/** Creates the staff service; see the module comment. */
export function createStaffService(opts: StaffServiceOptions): StaffService {
  const centralFor = (url: string, token: string) => staffClient(url, token, opts.fetch);
  const now = opts.now ?? Date.now;
  const idleMs = opts.idleMs ?? DEFAULT_STAFF_IDLE_MS;
  const idleMinutes = Math.round(idleMs / 60_000);
  const sessions = new Map<string, ClientSession>();
  let nextId = 1;
  let lastFrameCounter: number | null = null;
  const pending: Pending[] = [];

  function end(client: string): void {
    const s = sessions.get(client);
    if (s && s.timer !== undefined) opts.timers?.clearTimeout(s.timer);
    sessions.delete(client);
    for (const p of [...pending]) if (p.client === client && p.check === null) drop(p);
  }

  function touch(client: string, s: ClientSession): void {
    s.lastUsed = now();
    if (!opts.timers) return;
    if (s.timer !== undefined) opts.timers.clearTimeout(s.timer);
    s.timer = opts.timers.setTimeout(() => {
      if (sessions.get(client) !== s) return;
      end(client);
      opts.onSession?.({ signedIn: false, reason: 'idle', idleMinutes }, client);
    }, idleMs);
  }

  /** The client's live session, or the error that says why there is none. */
  function sessionOf(client: string): ClientSession | { error: ApiResult<never> } {
    const s = sessions.get(client);
    if (!s) return { error: fail('NOT_SIGNED_IN', 'sign in with a staff token first') };
    if (now() - s.lastUsed >= idleMs) {
      end(client);
      return { error: fail('SESSION_EXPIRED', `signed out after ${idleMinutes} minutes without activity: sign in again`) };
    }
    touch(client, s);
    return s;
  }

  async function findMeter(url: string, token: string): Promise<ApiResult<CentralMeter | null>> {
    const view = opts.getPortView();
    const id = view.meterId ?? view.systemTitle;
    if (id === null) {
      // Nothing on the port yet: still prove the token is good before saying "signed in".
      const probe = await centralFor(url, token).call('GET', '/api/meters?limit=1');
      return probe.ok ? { ok: true, value: null } : probe;
    }
    const res = await centralFor(url, token).meter(id);
    if (!res.ok) return res.error.code === 'UNKNOWN_METER' ? { ok: true, value: null } : res;
    return res;
  }

  async function signIn(p: Payload<'staff:signIn'>, client: string): Promise<ApiResult<Value<'staff:signIn'>>> {
    const url = p.centralUrl ?? opts.centralUrl?.() ?? null;
    if (url === null) return fail('NO_CENTRAL', 'no central system address: enter one');
    const found = await findMeter(url, p.token);
    if (!found.ok) return found;
    end(client);
    const s: ClientSession = { url, token: p.token, meter: found.value, lastUsed: now(), timer: undefined };
    sessions.set(client, s);
    touch(client, s);
    return { ok: true, value: { meter: found.value, centralUrl: url, idleMinutes } };
  }

  async function meter(client: string): Promise<ApiResult<CentralMeter>> {
    const s = sessionOf(client);
    if ('error' in s) return s.error;
    const found = await findMeter(s.url, s.token);
    if (!found.ok) return found;
    if (!found.value) return fail('UNKNOWN_METER', 'the central system has no meter with the id seen on the port');
    s.meter = found.value;
    return { ok: true, value: found.value };
  }

  /** The meter id to address on the central, looked up once per session. */
  async function meterId(client: string): Promise<ApiResult<{ s: ClientSession; id: string }>> {
    const s = sessionOf(client);
    if ('error' in s) return s.error;
    if (!s.meter) {
      const m = await meter(client);
      if (!m.ok) return m;
    }
    return { ok: true, value: { s, id: s.meter?.meterId ?? '' } };
  }

  async function change(c: StaffChange, client: string): Promise<ApiResult<ChangeTiming>> {
    const found = await meterId(client);
    if (!found.ok) return found;
    const { s, id } = found.value;
    const entry: Pending = {
      timing: { id: nextId++, change: c, requestedAt: now(), acceptedAt: null, seenAt: null },
      client,
      targets: changeTargets(c),
      check: null,
    };
    const mark = { frameCounter: lastFrameCounter };
    pending.push(entry);
    if (pending.length > MAX_PENDING) pending.shift();
    const res = await applyChange(centralFor(s.url, s.token), id, c);
    if (!res.ok) {
      drop(entry);
      if (res.error.code === 'UNAUTHORIZED' || res.error.code === 'UNREACHABLE') return res;
      // Refused on its merits (e.g. a message too long): part of the timed log, not a broken session.
      entry.timing.error = { code: res.error.code, message: res.error.message };
      opts.onTiming({ ...entry.timing }, client);
      return { ok: true, value: { ...entry.timing } };
    }
    entry.timing.acceptedAt = now();
    supersede(entry);
    const after = res.value;
    if (after && sessions.get(client) === s) s.meter = after;
    entry.check = effectCheck(c, after, mark);
    opts.onTiming({ ...entry.timing }, client);
    return { ok: true, value: { ...entry.timing } };
  }

  /** Accepted changes still waiting for the port that `entry` overrides can never be seen: say so. */
  function supersede(entry: Pending): void {
    const overrides = changeOverrides(entry.timing.change);
    for (const old of [...pending]) {
      if (old === entry || old.check === null || !old.targets.some((t) => overrides.includes(t))) continue;
      drop(old);
      old.timing.supersededBy = entry.timing.id;
      opts.onTiming({ ...old.timing }, old.client);
    }
  }

  async function pairingCode(client: string): Promise<ApiResult<Value<'staff:pairingCode'>>> {
    const found = await meterId(client);
    if (!found.ok) return found;
    const { s, id } = found.value;
    const res = await centralFor(s.url, s.token).newPairingCode(id);
    return res.ok ? { ok: true, value: { pairingCode: res.value } } : res;
  }

  async function audit(client: string): Promise<ApiResult<Value<'staff:audit'>>> {
    const found = await meterId(client);
    if (!found.ok) return found;
    const { s, id } = found.value;
    const res = await centralFor(s.url, s.token).audit(id);
    return res.ok ? { ok: true, value: { entries: res.value.slice(0, 100) } } : res;
  }

  function drop(entry: Pending): void {
    const i = pending.indexOf(entry);
    if (i >= 0) pending.splice(i, 1);
  }

  function observeTelegram(event: DecoderEvent, at: number = now()): void {
    for (const entry of [...pending]) {
      if (entry.check === null || !entry.check(event)) continue;
      entry.timing.seenAt = at;
      drop(entry);
      opts.onTiming({ ...entry.timing }, entry.client);
    }
    if (event.frame) lastFrameCounter = event.frame.frameCounter;
  }

  async function handle<C extends StaffChannel>(channel: C, payload: Payload<C>, client: string = LOCAL): Promise<ApiResult<Value<C>>> {
    // The casts restate what the switch on `channel` already proves.
    switch (channel) {
      case 'staff:signIn':
        return (await signIn(payload as Payload<'staff:signIn'>, client)) as ApiResult<Value<C>>;
      case 'staff:signOut':
        end(client);
        return { ok: true, value: null } as ApiResult<Value<C>>;
      case 'staff:meter':
        return (await meter(client)) as ApiResult<Value<C>>;
      case 'staff:change':
        return (await change(payload as StaffChange, client)) as ApiResult<Value<C>>;
      case 'staff:pairingCode':
        return (await pairingCode(client)) as ApiResult<Value<C>>;
      case 'staff:audit':
        return (await audit(client)) as ApiResult<Value<C>>;
    }
    return fail('BAD_CHANNEL', `not a staff channel: ${String(channel)}`);
  }

  return { handle, observeTelegram, signedIn: (client = LOCAL) => sessions.has(client) };
}
