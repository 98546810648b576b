/**
 * The `staff:*` channels: a DSO staff member signs in with a token, sees the central system's view
 * of the meter on this port, changes it, and watches the port follow. The host services delegate
 * `staff:*` requests here and call `observeTelegram` for every decoder event.
 *
 * The token lives in this closure only: never written to disk, never put in an event, error or log.
 */
import type { DecoderEvent, Telegram } from '../../protocol/types.ts';
import type { ApiResult, CentralMeter, ChangeTiming, Payload, StaffChange, Value } from '../../contracts/ipc.ts';
import { fail, ok } from '../../protocol/index.ts';
import { applyChange, type FetchLike, staffClient } from './staff-central.ts';
import { effectCheck, type EffectCheck } from './staff-effects.ts';

export type StaffChannel = 'staff:signIn' | 'staff:signOut' | 'staff:meter' | 'staff:change';

/** What the port shows right now, as the session knows it. */
export interface PortView {
  systemTitle: string | null;
  meterId: string | null;
  lastTelegram: Telegram | null;
}

export interface StaffServiceOptions {
  fetch?: FetchLike;
  now?: () => number;
  /** The central to use when sign-in names none (the demo's bundled central, or the pairing one). */
  centralUrl?: () => string | null;
  getPortView: () => PortView;
  onTiming: (timing: ChangeTiming) => void;
}

export interface StaffService {
  handle<C extends StaffChannel>(channel: C, payload: Payload<C>): Promise<ApiResult<Value<C>>>;
  observeTelegram(event: DecoderEvent, at?: number): void;
  signedIn(): boolean;
}

interface Pending {
  timing: ChangeTiming;
  check: EffectCheck | null; // null until the central accepted the change
}

// A change the port never shows (e.g. a key rotation on a plain port) must not be checked forever.
const MAX_PENDING = 32;

/** Creates the staff service; see the module comment. */
export function createStaffService(opts: StaffServiceOptions): StaffService {
  const now = opts.now ?? Date.now;
  let session: { url: string; token: string; meter: CentralMeter | null } | null = null;
  let nextId = 1;
  let lastFrameCounter: number | null = null;
  const pending: Pending[] = [];

  async function findMeter(url: string, token: string): Promise<ApiResult<CentralMeter | null>> {
    const view = opts.getPortView();
    const id = view.meterId ?? view.systemTitle;
    if (id === null) {
      // Nothing on the port yet: still prove the token is good before saying "signed in".
      const probe = await staffClient(url, token, opts.fetch).call('GET', '/api/meters?limit=1');
      return probe.ok ? ok(null) : probe;
    }
    const res = await staffClient(url, token, opts.fetch).meter(id);
    if (!res.ok) return res.error.code === 'UNKNOWN_METER' ? ok(null) : res;
    return res;
  }

  async function signIn(p: Payload<'staff:signIn'>): Promise<ApiResult<Value<'staff:signIn'>>> {
    const url = p.centralUrl ?? opts.centralUrl?.() ?? null;
    if (url === null) return fail('NO_CENTRAL', 'no central system address: enter one');
    const found = await findMeter(url, p.token);
    if (!found.ok) return found;
    session = { url, token: p.token, meter: found.value };
    return { ok: true, value: { meter: found.value } };
  }

  async function meter(): Promise<ApiResult<CentralMeter>> {
    if (!session) return notSignedIn();
    const found = await findMeter(session.url, session.token);
    if (!found.ok) return found;
    if (!found.value) return fail('UNKNOWN_METER', 'the central system has no meter with the id seen on the port');
    session.meter = found.value;
    return { ok: true, value: found.value };
  }

  async function change(c: StaffChange): Promise<ApiResult<ChangeTiming>> {
    if (!session) return notSignedIn();
    if (!session.meter) {
      const m = await meter();
      if (!m.ok) return m;
    }
    const s = session;
    const meterId = s.meter?.meterId ?? '';
    const entry: Pending = { timing: { id: nextId++, change: c, requestedAt: now(), acceptedAt: null, seenAt: null }, check: null };
    const mark = { frameCounter: lastFrameCounter };
    pending.push(entry);
    if (pending.length > MAX_PENDING) pending.shift();
    const res = await applyChange(staffClient(s.url, s.token, opts.fetch), meterId, c);
    if (!res.ok) {
      drop(entry);
      if (res.error.code === 'UNAUTHORIZED') return res;
      // Refused on its merits (e.g. a message too long): part of the timed log, not a broken session.
      entry.timing.error = `${res.error.code}: ${res.error.message}`;
      opts.onTiming({ ...entry.timing });
      return { ok: true, value: { ...entry.timing } };
    }
    entry.timing.acceptedAt = now();
    const after = res.value;
    if (after && session === s) s.meter = after;
    entry.check = effectCheck(c, after, mark);
    opts.onTiming({ ...entry.timing });
    return { ok: true, value: { ...entry.timing } };
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
      opts.onTiming({ ...entry.timing });
    }
    if (event.frame) lastFrameCounter = event.frame.frameCounter;
  }

  async function handle<C extends StaffChannel>(channel: C, payload: Payload<C>): Promise<ApiResult<Value<C>>> {
    // The casts restate what the switch on `channel` already proves.
    switch (channel) {
      case 'staff:signIn':
        return (await signIn(payload as Payload<'staff:signIn'>)) as ApiResult<Value<C>>;
      case 'staff:signOut':
        session = null;
        pending.length = 0;
        return { ok: true, value: null } as ApiResult<Value<C>>;
      case 'staff:meter':
        return (await meter()) as ApiResult<Value<C>>;
      case 'staff:change':
        return (await change(payload as StaffChange)) as ApiResult<Value<C>>;
    }
    return fail('BAD_CHANNEL', `not a staff channel: ${String(channel)}`);
  }

  return { handle, observeTelegram, signedIn: () => session !== null };
}

function notSignedIn() {
  return fail('NOT_SIGNED_IN', 'sign in with a staff token first');
}
