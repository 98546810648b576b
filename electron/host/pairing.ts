/**
 * Pairing client: `POST /api/pair` on the central system (central-mock/API.md) turns a meter id and
 * a pairing code into the meter's P1 key. Every answer, and every way of not getting one, becomes
 * a value: nothing here throws, and the key never appears in a message.
 */
import type { PairingOutcome } from '../../contracts/ipc.ts';
import { createCentralClient } from '../../contracts/central-client.ts';
import { checkMeterKey } from '../../contracts/meter-key.ts';

export type PairResult =
  | { ok: true; meterId: string; systemTitle: string | null; keyHex: string }
  | { ok: false; outcome: PairingOutcome }
  | { ok: false; error: { code: 'BAD_REQUEST'; message: string } };

const TIMEOUT_MS = 5_000;

/** Asks the central at `centralUrl` for the key of `meterId`. */
export async function requestPairing(
  centralUrl: string,
  meterId: string,
  code: string,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = TIMEOUT_MS,
): Promise<PairResult> {
  try {
    new URL('/api/pair', centralUrl);
  } catch {
    return { ok: false, error: { code: 'BAD_REQUEST', message: `pairing: not a URL: ${String(centralUrl).slice(0, 80)}` } };
  }
  const client = createCentralClient({ baseUrl: centralUrl, fetch: (url, init) => fetchImpl(url, init), timeoutMs });
  const res = await client.pair(meterId, code);
  if (res.ok) {
    const key = checkMeterKey(res.value.key);
    if (!key.ok) {
      return key.error.code === 'PUBLISHED_AUTH_KEY'
        ? { ok: false, outcome: { status: 'published-auth-key' } }
        : { ok: false, outcome: { status: 'unreachable', message: 'central answered with a malformed key' } };
    }
    return { ok: true, meterId: res.value.meterId, systemTitle: res.value.systemTitle || null, keyHex: key.value };
  }
  const e = res.error;
  switch (e.code) {
    case 'BAD_CODE':
      return { ok: false, outcome: { status: 'bad-code', attemptsLeft: e.attemptsLeft ?? 0 } };
    case 'LOCKED':
      return { ok: false, outcome: { status: 'locked', until: e.lockedUntil ?? '' } };
    case 'UNKNOWN_METER':
      return { ok: false, outcome: { status: 'unknown-meter' } };
    case 'BAD_REQUEST':
      return { ok: false, error: { code: 'BAD_REQUEST', message: `central: ${e.message}` } };
    case 'UNREACHABLE':
      return { ok: false, outcome: { status: 'unreachable', message: e.message.replace(/^central system unreachable at /, '') } };
    default: {
      const origin = new URL(centralUrl).origin;
      return {
        ok: false,
        outcome: { status: 'unreachable', message: `${origin} answered HTTP ${e.status ?? '?'} ${e.code}; is it a LuxP1 central system?` },
      };
    }
  }
}
