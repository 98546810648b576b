/**
 * The simulator's two reads from the central system (central-mock/API.md): the port config a meter
 * holds, and the list of meters. Failures are values: the caller decides whether to keep going.
 */
import { parsePortConfig, type PortConfig } from './port-config.ts';

export type CentralError = { code: 'UNREACHABLE' | 'HTTP' | 'BAD_PORT_CONFIG' | 'KEY_CHANGED'; status?: number; message: string };
export type CentralResult<T> = { ok: true; value: T } | { ok: false; error: CentralError };

async function getJson(url: string, token: string, timeoutMs: number): Promise<CentralResult<unknown>> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
    return { ok: false, error: { code: 'UNREACHABLE', message: `central unreachable at ${new URL(url).origin} (${cause})` } };
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (!res.ok) {
    const detail = typeof body === 'object' && body !== null && 'error' in body ? ` ${String((body as { error: unknown }).error)}` : '';
    return {
      ok: false,
      error: { code: 'HTTP', status: res.status, message: `central answered ${res.status}${detail} for ${new URL(url).pathname}` },
    };
  }
  return { ok: true, value: body };
}

/** `GET /api/meters/:id/port`: what the meter holds (key included; never log it). */
export async function fetchPortConfig(
  centralUrl: string,
  token: string,
  meterId: string,
  timeoutMs = 5_000,
): Promise<CentralResult<PortConfig>> {
  const url = new URL(`/api/meters/${encodeURIComponent(meterId)}/port`, centralUrl).href;
  const got = await getJson(url, token, timeoutMs);
  if (!got.ok) return got;
  const parsed = parsePortConfig(got.value);
  return parsed.ok ? parsed : { ok: false, error: { code: 'BAD_PORT_CONFIG', message: parsed.error.message } };
}

/** `GET /api/meters`, all pages: the ids of every meter the central knows. */
export async function listMeterIds(centralUrl: string, token: string, timeoutMs = 5_000): Promise<CentralResult<string[]>> {
  const ids: string[] = [];
  const limit = 500;
  for (let offset = 0; ; offset += limit) {
    const got = await getJson(new URL(`/api/meters?offset=${offset}&limit=${limit}`, centralUrl).href, token, timeoutMs);
    if (!got.ok) return got;
    const v = got.value;
    const meters = typeof v === 'object' && v !== null ? (v as { meters?: unknown }).meters : undefined;
    if (!Array.isArray(meters)) return { ok: false, error: { code: 'HTTP', message: 'central: expected {"meters": [...]}' } };
    for (const m of meters as { meterId?: unknown }[]) if (typeof m?.meterId === 'string') ids.push(m.meterId);
    if (meters.length < limit) return { ok: true, value: ids };
  }
}

/**
 * `PUT /api/meters/:id/port/frame-counter`: tells the central how far the meter counted, so a
 * restarted simulator continues instead of replaying counters. Best effort: false when it failed.
 */
export async function reportFrameCounter(
  centralUrl: string,
  token: string,
  meterId: string,
  frameCounter: number,
  timeoutMs = 2_000,
): Promise<boolean> {
  const url = new URL(`/api/meters/${encodeURIComponent(meterId)}/port/frame-counter`, centralUrl);
  try {
    const res = await fetch(url, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ frameCounter }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

export interface PortReservation {
  keyVersion: number;
  from: number;
  to: number;
  registers: Record<string, number>;
}

/**
 * `POST /api/meters/:id/port/reserve`: reserves `frames` counters under `keyVersion` and raises the
 * register marks, durably, before the simulator uses them (durable-port.ts). KEY_CHANGED on a 409.
 */
export async function reservePort(
  centralUrl: string,
  token: string,
  meterId: string,
  body: { keyVersion: number; frames: number; registers: Record<string, number> },
  timeoutMs = 5_000,
): Promise<CentralResult<PortReservation>> {
  const url = new URL(`/api/meters/${encodeURIComponent(meterId)}/port/reserve`, centralUrl);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
    return { ok: false, error: { code: 'UNREACHABLE', message: `central unreachable at ${url.origin} (${cause})` } };
  }
  const v = (await res.json().catch(() => null)) as Partial<PortReservation> | null;
  if (res.status === 409) return { ok: false, error: { code: 'KEY_CHANGED', status: 409, message: 'the meter has a new key' } };
  const counter = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0 && (n as number) <= 2 ** 32;
  const regs = v?.registers;
  if (
    !res.ok ||
    v === null ||
    !Number.isSafeInteger(v.keyVersion) ||
    !counter(v.from) ||
    !counter(v.to) ||
    v.to < v.from ||
    typeof regs !== 'object' ||
    regs === null ||
    !Object.values(regs).every((x) => Number.isSafeInteger(x))
  )
    return { ok: false, error: { code: 'HTTP', status: res.status, message: `central answered ${res.status} for ${url.pathname}` } };
  return { ok: true, value: { keyVersion: v.keyVersion!, from: v.from, to: v.to, registers: regs } };
}
