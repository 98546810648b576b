/**
 * Pairing client: `POST /api/pair` on the central system (central-mock/API.md) turns a meter id and
 * a pairing code into the meter's P1 key. Every answer, and every way of not getting one, becomes
 * a value: nothing here throws, and the key never appears in a message.
 */
import type { PairingOutcome } from '../../contracts/ipc.ts';
import { checkMeterKey } from './key-store.ts';

export type PairResult =
  | { ok: true; meterId: string; systemTitle: string | null; keyHex: string }
  | { ok: false; outcome: PairingOutcome }
  | { ok: false; error: { code: 'BAD_REQUEST'; message: string } };

const TIMEOUT_MS = 5_000;

function oneLine(text: unknown, max = 160): string {
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .slice(0, max);
}

async function readJson(res: Response): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await res.json();
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function mapSuccess(body: Record<string, unknown> | null, meterId: string): PairResult {
  const key = typeof body?.key === 'string' ? checkMeterKey(body.key) : null;
  if (key === null) return { ok: false, outcome: { status: 'unreachable', message: 'central answered without a usable key' } };
  if (!key.ok) {
    return key.code === 'PUBLISHED_AUTH_KEY'
      ? { ok: false, outcome: { status: 'published-auth-key' } }
      : { ok: false, outcome: { status: 'unreachable', message: 'central answered with a malformed key' } };
  }
  const systemTitle =
    typeof body?.systemTitle === 'string' && /^[0-9A-Fa-f]{16}$/.test(body.systemTitle) ? body.systemTitle.toUpperCase() : null;
  return { ok: true, meterId: typeof body?.meterId === 'string' ? body.meterId : meterId, systemTitle, keyHex: key.hex };
}

/** Asks the central at `centralUrl` for the key of `meterId`. */
export async function requestPairing(
  centralUrl: string,
  meterId: string,
  code: string,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = TIMEOUT_MS,
): Promise<PairResult> {
  let url: URL;
  try {
    url = new URL('/api/pair', centralUrl);
  } catch {
    return { ok: false, error: { code: 'BAD_REQUEST', message: `pairing: not a URL: ${oneLine(centralUrl, 80)}` } };
  }
  let res: Response;
  try {
    res = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ meterId, code }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const why = e.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : oneLine(e.cause?.code ?? e.message);
    return { ok: false, outcome: { status: 'unreachable', message: `${url.origin}: ${why}` } };
  }
  const body = await readJson(res);
  const code_ = typeof body?.error === 'string' ? body.error : null;
  if (res.status === 200) return mapSuccess(body, meterId);
  if (code_ === 'BAD_CODE') {
    const left = typeof body?.attemptsLeft === 'number' && body.attemptsLeft >= 0 ? Math.floor(body.attemptsLeft) : 0;
    return { ok: false, outcome: { status: 'bad-code', attemptsLeft: left } };
  }
  if (code_ === 'LOCKED')
    return { ok: false, outcome: { status: 'locked', until: typeof body?.lockedUntil === 'string' ? body.lockedUntil : '' } };
  if (code_ === 'UNKNOWN_METER') return { ok: false, outcome: { status: 'unknown-meter' } };
  if (code_ === 'BAD_REQUEST') return { ok: false, error: { code: 'BAD_REQUEST', message: `central: ${oneLine(body?.message)}` } };
  return {
    ok: false,
    outcome: {
      status: 'unreachable',
      message: `${url.origin} answered HTTP ${res.status}${code_ ? ` ${code_}` : ''}; is it a LuxP1 central system?`,
    },
  };
}
