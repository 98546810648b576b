/**
 * A LuxApi for view tests: each channel answers from a handler the test gives (NOT_IMPLEMENTED
 * otherwise), every call is recorded, and `emit` plays host events.
 */
import {
  CHANNELS,
  type ApiResult,
  type Channel,
  type EventName,
  type Events,
  type LuxApi,
  type Payload,
  type Value,
} from '../../../contracts/ipc.ts';

export type Handlers = { [C in Channel]?: (payload: Payload<C>) => ApiResult<Value<C>> | Promise<ApiResult<Value<C>>> };

export interface FakeApi {
  api: LuxApi;
  calls: { channel: Channel; payload: unknown }[];
  emit<E extends EventName>(event: E, payload: Events[E]): void;
}

/** Builds the fake. */
export function createFakeApi(handlers: Handlers): FakeApi {
  const calls: FakeApi['calls'] = [];
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  const api = {
    on(event: EventName, listener: (p: unknown) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  } as Record<string, unknown>;
  for (const channel of CHANNELS) {
    api[channel] = async (payload: unknown) => {
      calls.push({ channel, payload });
      const h = handlers[channel] as ((p: unknown) => unknown) | undefined;
      return h ? h(payload) : { ok: false, error: { code: 'NOT_IMPLEMENTED', message: channel } };
    };
  }
  return {
    api: api as unknown as LuxApi,
    calls,
    emit: (event, payload) => listeners.get(event)?.forEach((l) => l(payload)),
  };
}
