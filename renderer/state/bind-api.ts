/**
 * Feeds the store from the host: load `app:snapshot`, then apply events. Events that arrive while a
 * snapshot is loading are held and applied after it, so a late snapshot never overwrites newer data.
 * Only the newest load counts (reconnects can overlap), and a failed load is retried: events flow
 * meanwhile, and the retry fills in the history they do not carry.
 */
import type { Events, EventName, LuxApi } from '../../electron/ipc/contract.ts';
import type { HostStatusSource } from '../api/host-status.ts';
import type { AppStore } from './store.ts';

type Held = { [E in EventName]: { event: E; payload: Events[E] } }[EventName];

/** Subscribe `store` to `api`; returns the unsubscribe function. Reloads the snapshot on every reconnect. */
export function bindApi(api: LuxApi & Partial<HostStatusSource>, store: AppStore, retryMs = 2_000): () => void {
  let loading = true; // until the first snapshot: nothing to apply events to before it
  let held: Held[] = [];
  let closed = false;
  let generation = 0; // the newest load; an older one's answer is dropped
  let retry: ReturnType<typeof setTimeout> | null = null;

  const apply = (h: Held): void => {
    const s = store.getState();
    switch (h.event) {
      case 'meter:reading':
        return s.applyReading(h.payload);
      case 'meter:link':
        return s.setLink(h.payload);
      case 'meter:health':
        return s.setHealth(h.payload);
      case 'key:status':
        return s.setKey(h.payload);
      case 'meter:problem':
        return s.addProblem(h.payload);
      case 'meter:message':
        return s.applyMessage(h.payload);
      case 'meter:frame':
        return s.addFrame(h.payload);
      case 'staff:timing':
        return s.applyTiming(h.payload);
    }
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
    if (result.ok) store.getState().loadSnapshot(result.value);
    else {
      store.getState().setLoadError(result.error);
      retry = setTimeout(() => void load(), retryMs);
    }
    loading = false;
    const queue = held;
    held = [];
    queue.forEach(apply);
  };

  const offs = [
    api.on('meter:reading', (payload) => receive({ event: 'meter:reading', payload })),
    api.on('meter:link', (payload) => receive({ event: 'meter:link', payload })),
    api.on('meter:health', (payload) => receive({ event: 'meter:health', payload })),
    api.on('key:status', (payload) => receive({ event: 'key:status', payload })),
    api.on('meter:problem', (payload) => receive({ event: 'meter:problem', payload })),
    api.on('meter:message', (payload) => receive({ event: 'meter:message', payload })),
    api.on('meter:frame', (payload) => receive({ event: 'meter:frame', payload })),
    api.on('staff:timing', (payload) => receive({ event: 'staff:timing', payload })),
  ];

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
