/**
 * The key room: the meter key at rest and in the decoder. Answers `key:*` and `pairing:pair`, and
 * redeems the demo's pairing code. A key is stored before the decoder gets it, and a refused or
 * unsaved key leaves the working one in place.
 */
import type { ApiResult, Payload, Value } from '../../contracts/ipc.ts';
import { checkMeterKey } from '../../contracts/meter-key.ts';
import { fail, ok } from '../../protocol/index.ts';
import type { EventHub } from './events.ts';
import { type KeyStore, keyError } from './key-store.ts';
import { pairAndStore } from './pair-flow.ts';
import { requestPairing } from './pairing.ts';
import type { Session } from './session.ts';

export type KeyChannel = 'key:status' | 'key:set' | 'key:clear' | 'pairing:pair';
type Handlers = { [C in KeyChannel]: (payload: Payload<C>) => Promise<ApiResult<Value<C>>> };

export interface KeyRoomOptions {
  keys: KeyStore;
  session: Session;
  hub: EventHub;
  fetch?: typeof fetch;
  /** The central to pair with when the request names none. */
  centralUrl: () => string | null;
  /** A central the user typed and paired with successfully: remembered for next time. */
  rememberCentral: (url: string) => Promise<void>;
}

export interface KeyRoom {
  handlers: Handlers;
}

export function createKeyRoom(opts: KeyRoomOptions): KeyRoom {
  const { keys, session, hub } = opts;
  const emitKey = () => hub.emit('key:status', keys.status());

  const handlers: Handlers = {
    'key:status': async () => ok(keys.status()),
    'key:set': async ({ hex }) => {
      const checked = checkMeterKey(typeof hex === 'string' ? hex : '');
      if (!checked.ok) return { ok: false, error: keyError(checked.error) };
      // Tried on the newest encrypted frame first: a typo must not replace a key that works.
      const live = session.verifyKey(Uint8Array.from(Buffer.from(checked.value, 'hex')));
      if (live.result === 'fails')
        return fail(
          'KEY_FAILS',
          `this key does not open the frames arriving from ${live.systemTitle ?? 'the meter'}; the key in use is kept`,
        );
      await keys.set(checked.value, { origin: 'manual', meterId: null, systemTitle: live.systemTitle });
      session.setKey(keys.key());
      emitKey();
      return ok({ ...keys.status(), check: live.result === 'ok' ? ('verified' as const) : ('unchecked' as const) });
    },
    'key:clear': async () => {
      const status = await keys.clear();
      session.setKey(null);
      hub.emit('key:status', status);
      return ok(status);
    },
    'pairing:pair': (payload) => {
      const centralUrl = payload.centralUrl ?? opts.centralUrl();
      return pairAndStore(payload, {
        centralUrl,
        request: (url, meterId, code) => requestPairing(url, meterId, code, opts.fetch ?? fetch),
        session,
        keys,
        rememberCentral: async (url) => {
          if (payload.centralUrl) await opts.rememberCentral(url);
        },
        emitKey,
      });
    },
  };
  return { handlers };
}
