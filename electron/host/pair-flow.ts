/**
 * What `pairing:pair` does around the HTTP call: refuse the published authentication key, redeem
 * the code, try the fetched key on the live frames before trusting it, then store it with origin
 * 'pairing' and switch the decoder to it.
 */
import type { ApiResult, PairingOutcome, Payload } from '../../contracts/ipc.ts';
import { PUBLISHED_AUTH_KEY_HEX } from '../../protocol/index.ts';
import type { KeyStore } from './key-store.ts';
import type { PairResult } from './pairing.ts';
import type { Session } from './session.ts';

export interface PairDeps {
  centralUrl: string | null;
  request(centralUrl: string, meterId: string, code: string): Promise<PairResult>;
  session: Pick<Session, 'verifyKey' | 'setKey'>;
  keys: KeyStore;
  rememberCentral(url: string): Promise<void>;
  emitKey(): void;
}

/** Pairs, verifies and stores; every outcome is a PairingOutcome, input errors an ApiError. */
export async function pairAndStore(payload: Payload<'pairing:pair'>, deps: PairDeps): Promise<ApiResult<PairingOutcome>> {
  const meterId = typeof payload.meterId === 'string' ? payload.meterId.trim() : '';
  const code = typeof payload.code === 'string' ? payload.code.trim() : '';
  if (code.replace(/[\s:-]/g, '').toUpperCase() === PUBLISHED_AUTH_KEY_HEX) return { ok: true, value: { status: 'published-auth-key' } };
  if (meterId === '' || code === '')
    return { ok: false, error: { code: 'BAD_REQUEST', message: 'pairing: meter id and pairing code are both needed' } };
  if (deps.centralUrl === null) return { ok: false, error: { code: 'NO_CENTRAL', message: 'pairing: no central system URL configured' } };

  const result = await deps.request(deps.centralUrl, meterId, code);
  if (!result.ok) return 'outcome' in result ? { ok: true, value: result.outcome } : { ok: false, error: result.error };

  const key = Uint8Array.from(Buffer.from(result.keyHex, 'hex'));
  const live = deps.session.verifyKey(key);
  if (live.result === 'fails') {
    const other = result.systemTitle && live.systemTitle && result.systemTitle !== live.systemTitle;
    const message = other
      ? `the key is for system title ${result.systemTitle}, but the frames arriving come from ${live.systemTitle}: another meter?`
      : `the key from the central system does not verify the frames arriving from ${live.systemTitle ?? 'the meter'}; the current key is kept`;
    return { ok: true, value: { status: 'key-fails', message } };
  }
  await deps.keys.set(result.keyHex, { origin: 'pairing', meterId: result.meterId, systemTitle: result.systemTitle ?? live.systemTitle });
  deps.session.setKey(deps.keys.key());
  deps.emitKey();
  await deps.rememberCentral(deps.centralUrl);
  return {
    ok: true,
    value: {
      status: 'paired',
      meterId: result.meterId,
      systemTitle: result.systemTitle ?? live.systemTitle,
      verified: live.result === 'ok',
    },
  };
}
