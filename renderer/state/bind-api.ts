/**
 * Feeds the store from the host: load `app:snapshot`, then apply events. Events that arrive while a
 * snapshot is loading are held and applied after it, so a late snapshot never overwrites newer data.
 * Only the newest load counts (reconnects can overlap), and a failed load is retried: events flow
 * meanwhile, and the retry fills in the history they do not carry.
 */
import type { Events, EventName, LuxApi } from '../../contracts/ipc.ts';
import type { HostStatusSource } from '../api/host-status.ts';
import { fillChartFromHistory } from './power-history.ts';
import type { AppStore } from './store.ts';

type Held = { [E in EventName]: { event: E; payload: Events[E] } }[EventName];
type AppState = ReturnType<AppStore['getState']>;

/** Where each host event goes in the store; the mapped type makes a new event a compile error here. */
const APPLY: { [E in EventName]: (s: AppState, payload: Events[E]) => void } = {
  'meter:reading': (s, p) => s.applyReading(p),
  'meter:link': (s, p) => s.setLink(p),
  'meter:health': (s, p) => s.setHealth(p),
  'key:status': (s, p) => s.setKey(p),
  'meter:problem': (s, p) => s.addProblem(p),
  'meter:message': (s, p) => s.applyMessage(p),
  'meter:frame': (s, p) => s.addFrame(p),
  'staff:timing': (s, p) => s.applyTiming(p),
  'staff:session': (s, p) => s.setStaffEnded(p),
  'meter:plain': (s, p) => s.setPlain(p),
  'integrations:status': () => {}, // the Integrations section in Settings subscribes itself (IntegrationsSection.tsx)
  'meters:state': (s, p) => s.applyMeterState(p),
  'meters:reading': (s, p) => s.applyMeterReading(p),
};

/** The other meters are not in the snapshot: asked once per load; an older host without them leaves the list empty. */
async function loadMeters(api: LuxApi, store: AppStore, stale: () => boolean): Promise<void> {
  const r = await api['meters:list'](null).catch(() => null);
  if (r?.ok && !stale()) store.getState().setMeters(r.value);
}

/** Subscribe `store` to `api`; returns the unsubscribe function. Reloads the snapshot on every reconnect. */
export function bindApi(api: LuxApi & Partial<HostStatusSource>, store: AppStore, retryMs = 2_000): () => void {
  let loading = true; // until the first snapshot: nothing to apply events to before it
  let held: Held[] = [];
  let closed = false;
  let generation = 0; // the newest load; an older one's answer is dropped
  let retry: ReturnType<typeof setTimeout> | null = null;

  const apply = (h: Held): void => {
    (APPLY[h.event] as (s: AppState, payload: Held['payload']) => void)(store.getState(), h.payload);
  };
  const receive = (h: Held): void => {
    if (loading) held.push(h);
    else apply(h);
  };

  const load = async (): Promise<void> => {
    const mine = ++generation;
    if (retry !== null) clearTimeout(retry);
    retry = null;
    loading = true;
    let result: Awaited<ReturnType<LuxApi['app:snapshot']>>;
    try {
      result = await api['app:snapshot'](null);
    } catch (err) {
      result = { ok: false, error: { code: 'UNREACHABLE', message: String(err) } };
    }
    if (closed || mine !== generation) return;
    if (result.ok) {
      store.getState().loadSnapshot(result.value);
      void fillChartFromHistory(api, store, result.value.at);
      void loadMeters(api, store, () => closed || mine !== generation);
    } else {
      store.getState().setLoadError(result.error);
      retry = setTimeout(() => void load(), retryMs);
    }
    loading = false;
    const queue = held;
    held = [];
    queue.forEach(apply);
  };

  const subscribe = <E extends EventName>(event: E) => api.on(event, (payload) => receive({ event, payload } as Held));
  const offs = (Object.keys(APPLY) as EventName[]).map(subscribe);

  if (api.onHostStatus) {
    offs.push(
      api.onHostStatus((status) => {
        store.getState().setHost(status);
        if (status === 'open') void load();
      }),
    );
  } else {
    store.getState().setHost('open');
    void load();
  }

  return () => {
    closed = true;
    if (retry !== null) clearTimeout(retry);
    offs.forEach((off) => off());
  };
}
