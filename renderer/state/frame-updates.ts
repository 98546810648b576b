/**
 * Coalescing the store's change notices for React. Every host event still lands in the store at
 * once (nothing is dropped, `getState()` is always current), but React hears about a burst of
 * telegrams once per frame and renders the newest state: a fast replay costs one render per frame
 * instead of one per telegram, and a value is still on screen within a frame of arriving.
 */
import type { StoreApi } from 'zustand/vanilla';

/** Runs `flush` once, later (e.g. before the next paint). */
export type Schedule = (flush: () => void) => void;

/** The part of a store that `useStore` reads. */
export type StoreView<T> = Pick<StoreApi<T>, 'getState' | 'getInitialState' | 'subscribe'>;

/** Before the next paint. A hidden window has no frames: it catches up, in one render, when shown. */
export const nextFrame: Schedule = (flush) => {
  requestAnimationFrame(() => flush());
};

/** A view of `store` whose listeners are called at most once per `schedule` tick, with the newest state. */
export function coalesceUpdates<T>(store: StoreApi<T>, schedule: Schedule): StoreView<T> {
  const listeners = new Set<(state: T, previous: T) => void>();
  let unsubscribe: (() => void) | null = null;
  let since: T | null = null; // the state listeners last heard about, while a flush is scheduled

  const flush = (): void => {
    const previous = since as T;
    since = null;
    const state = store.getState();
    if (!Object.is(state, previous)) listeners.forEach((l) => l(state, previous));
  };
  const onChange = (_state: T, previous: T): void => {
    if (since !== null) return;
    since = previous;
    schedule(flush);
  };

  return {
    getState: store.getState,
    getInitialState: store.getInitialState,
    subscribe(listener) {
      listeners.add(listener);
      unsubscribe ??= store.subscribe(onChange);
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0 || !unsubscribe) return;
        unsubscribe();
        unsubscribe = null;
      };
    },
  };
}
