/**
 * The staff side of the central system's HTTP API (central-mock/API.md), as used by the service view.
 * Every call returns a value, never throws: a refused or unreachable central is an `ApiError`.
 */
import type { ApiError, ApiResult, AuditEntry, CentralMeter, StaffChange } from '../../contracts/ipc.ts';

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export interface CentralCall {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
}

/** Maps a staff change to the central route that makes it (API.md, "Staff routes"). */
export function changeToCall(meterId: string, change: StaffChange): CentralCall {
  const base = `/api/meters/${encodeURIComponent(meterId)}`;
  switch (change.kind) {
    case 'patch':
      return { method: 'PATCH', path: base, body: change.body };
    case 'message':
      return { method: 'PUT', path: `${base}/messages/${change.channel}`, body: { text: change.text } };
    case 'mbus-attach':
      return { method: 'PUT', path: `${base}/mbus/${change.channel}`, body: change.body };
    case 'mbus-detach':
      return { method: 'DELETE', path: `${base}/mbus/${change.channel}` };
    case 'valve':
      return { method: 'PATCH', path: `${base}/mbus/${change.channel}`, body: { valve: change.valve } };
    case 'rotate-key':
      return { method: 'POST', path: `${base}/rotate-key` };
  }
}

/** One authenticated call to the central; the token goes in the header only, never in a message. */
export async function callCentral<T>(fetchFn: FetchLike, baseUrl: string, token: string, call: CentralCall): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetchFn(new URL(call.path, baseUrl).toString(), {
      method: call.method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (err) {
    return fail('UNREACHABLE', `central system unreachable: ${err instanceof Error ? err.message : String(err)}`);
  }
  let json: unknown = null;
  try {
    json = await res.json();
  } catch {
    json = null;
  }
  if (res.ok) return { ok: true, value: json as T };
  const body = (json ?? {}) as { error?: unknown; message?: unknown };
  const code = typeof body.error === 'string' ? body.error : `HTTP_${res.status}`;
  const message = typeof body.message === 'string' ? body.message : `central system answered ${res.status}`;
  return fail(code, message);
}

/** True when `value` looks like the central's meter object (the fields the service view reads). */
export function isCentralMeter(value: unknown): value is CentralMeter {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return typeof m.meterId === 'string' && typeof m.systemTitle === 'string' && typeof m.encryption === 'boolean' && Array.isArray(m.fields);
}

/** True when `value` is the central's audit answer (`{"entries": [...]}`, API.md). */
export function isAuditList(value: unknown): value is { entries: AuditEntry[] } {
  if (typeof value !== 'object' || value === null) return false;
  const entries = (value as { entries?: unknown }).entries;
  return (
    Array.isArray(entries) &&
    entries.every((e) => {
      if (typeof e !== 'object' || e === null) return false;
      const x = e as Record<string, unknown>;
      return typeof x.at === 'string' && typeof x.actor === 'string' && typeof x.action === 'string';
    })
  );
}

function fail(code: string, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message } };
}
