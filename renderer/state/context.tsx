/**
 * React access to the store and the API. Components select narrow slices so that a new telegram
 * re-renders only what it changed; with `schedule`, React hears of changes at most once per tick.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LuxApi } from '../../contracts/ipc.ts';
import { coalesceUpdates, type Schedule, type StoreView } from './frame-updates.ts';
import type { AppState, AppStore } from './store.ts';

const StoreContext = createContext<StoreView<AppState> | null>(null);
const ApiContext = createContext<LuxApi | null>(null);

/**
 * Provide `store` and `api` to the component tree. `schedule` (the app passes `nextFrame`) batches
 * the renders of a burst of updates; without it React renders after every update, as tests expect.
 */
export function AppProvider(props: { store: AppStore; api: LuxApi; schedule?: Schedule; children: ReactNode }) {
  const { store, schedule } = props;
  const view = useMemo(() => (schedule ? coalesceUpdates(store, schedule) : store), [store, schedule]);
  return (
    <StoreContext.Provider value={view}>
      <ApiContext.Provider value={props.api}>{props.children}</ApiContext.Provider>
    </StoreContext.Provider>
  );
}

/** Select a slice of the app state; re-renders when it changes (Object.is). */
export function useApp<T>(selector: (s: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useApp: no AppProvider above this component');
  return useStore(store, selector);
}

/** The host API. */
export function useApi(): LuxApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi: no AppProvider above this component');
  return api;
}
