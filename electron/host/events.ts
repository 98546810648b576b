/**
 * A typed event hub for the host → renderer events. A listener that throws is isolated: one
 * broken subscriber (a closed window, a dead WebSocket) must not stop the meter feed.
 *
 * An event may be meant for one client only (`emit(…, to)`): a listener registered for another
 * client does not get it; a listener registered with no client gets every event.
 */
import type { EventName, Events } from '../../contracts/ipc.ts';

export interface EventHub {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void, client?: string): () => void;
  emit<E extends EventName>(event: E, payload: Events[E], to?: string): void;
}

type Entry = { listener: (payload: never) => void; client: string | undefined };

/** A hub with no listeners yet. */
export function createEventHub(onListenerError: (err: unknown) => void = () => {}): EventHub {
  const listeners = new Map<EventName, Set<Entry>>();
  return {
    on(event, listener, client) {
      const set = listeners.get(event) ?? new Set<Entry>();
      listeners.set(event, set);
      const entry: Entry = { listener: listener as (payload: never) => void, client };
      set.add(entry);
      return () => void set.delete(entry);
    },
    emit(event, payload, to) {
      for (const { listener, client } of listeners.get(event) ?? []) {
        if (to !== undefined && client !== undefined && client !== to) continue;
        try {
          (listener as (p: typeof payload) => void)(payload);
        } catch (err) {
          onListenerError(err);
        }
      }
    },
  };
}
