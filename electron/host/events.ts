/**
 * A typed event hub for the host → renderer events. A listener that throws is isolated: one
 * broken subscriber (a closed window, a dead WebSocket) must not stop the meter feed.
 */
import type { EventName, Events } from '../../contracts/ipc.ts';

export interface EventHub {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  emit<E extends EventName>(event: E, payload: Events[E]): void;
}

/** A hub with no listeners yet. */
export function createEventHub(onListenerError: (err: unknown) => void = () => {}): EventHub {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  return {
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener as (payload: never) => void);
      return () => void set.delete(listener as (payload: never) => void);
    },
    emit(event, payload) {
      for (const l of listeners.get(event) ?? []) {
        try {
          (l as (p: typeof payload) => void)(payload);
        } catch (err) {
          onListenerError(err);
        }
      }
    },
  };
}
