/**
 * The alerts the household sees: a small store of its own beside the app store (which it only
 * reads), so the meter's data path stays as it is. `watchAlerts` turns each app-store change into
 * facts, asks the rules (rules.ts) what to raise, shows banners and sends OS notifications as the
 * prefs say, and takes a banner down when what it said is over. `raise` is also the hook other code
 * uses for alerts the rules cannot see (the costs code's "over the power class this quarter-hour").
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppState, AppStore } from '../state/store.ts';
import { selectPortStatus } from '../state/store.ts';
import type { Notifier } from './notifier.ts';
import { type AlertPrefs, alertWanted, defaultAlertPrefs, saveAlertPrefs } from './prefs.ts';
import { type Alert, type AlertFacts, type AlertKind, alertStillApplies, alertsBetween } from './rules.ts';

const MAX_BANNERS = 6;

export interface AlertState {
  active: Alert[]; // newest first, one per kind
  prefs: AlertPrefs;
  setPrefs(prefs: AlertPrefs): void;
  /** Changes a copy of the prefs with `edit`, then sets it (the current object is never mutated). */
  updatePrefs(edit: (prefs: AlertPrefs) => void): void;
  /** Raises an alert now: a banner and/or an OS notification, as the prefs say. */
  raise(kind: AlertKind, at: number, count?: number): void;
  /** Shows `alerts` (already raised by the rules): banners and notifications as the prefs say. */
  show(alerts: readonly Alert[]): void;
  /** Keeps only the banners `keep` accepts. */
  retain(keep: (a: Alert) => boolean): void;
  dismiss(id: string): void;
}

export type AlertStore = StoreApi<AlertState>;

export interface AlertStoreOptions {
  prefs?: AlertPrefs;
  storage?: Pick<Storage, 'setItem'> | null;
  notifier?: Notifier | null;
  /** Title and body of an OS notification, in the user's language. */
  describe?: (alert: Alert) => { title: string; body: string };
}

export function createAlertStore(opts: AlertStoreOptions = {}): AlertStore {
  const describe = opts.describe ?? ((a: Alert) => ({ title: a.kind, body: '' }));
  return createStore<AlertState>()((set, get) => ({
    active: [],
    prefs: opts.prefs ?? defaultAlertPrefs(),
    setPrefs(prefs) {
      saveAlertPrefs(opts.storage ?? null, prefs);
      // A kind switched off takes its banner down at once.
      set({ prefs, active: get().active.filter((a) => prefs.kinds[a.kind].banner) });
    },
    updatePrefs(edit) {
      const next = structuredClone(get().prefs);
      edit(next);
      get().setPrefs(next);
    },
    raise(kind, at, count) {
      get().show([{ id: `${kind}@${at}`, kind, at, ...(count === undefined ? {} : { count }) }]);
    },
    show(alerts) {
      const { prefs } = get();
      let active = get().active;
      for (const a of alerts) {
        if (!alertWanted(prefs, a.kind)) continue;
        if (prefs.kinds[a.kind].notify && opts.notifier?.permission() === 'granted') {
          const text = describe(a);
          opts.notifier.show(text.title, text.body, a.kind);
        }
        if (prefs.kinds[a.kind].banner) {
          const earlier = active.find((b) => b.kind === a.kind);
          const merged = a.kind === 'message' && earlier ? { ...a, count: (earlier.count ?? 0) + (a.count ?? 0) } : a;
          active = [merged, ...active.filter((b) => b.kind !== a.kind)].slice(0, MAX_BANNERS);
        }
      }
      if (active !== get().active) set({ active });
    },
    retain(keep) {
      const active = get().active.filter(keep);
      if (active.length !== get().active.length) set({ active });
    },
    dismiss: (id) => set({ active: get().active.filter((a) => a.id !== id) }),
  }));
}

/** The facts the rules read, from the app state; null until the first snapshot is in. */
export function alertFacts(s: AppState): AlertFacts | null {
  if (!s.loaded) return null;
  return {
    breaker: s.latest?.telegram.electricity.breaker ?? null,
    unread: s.unread,
    keyRotated: selectPortStatus(s).kind === 'key-rotated',
    lastDataAt: s.readingSeenAt,
    now: s.now,
  };
}

/** Follows `app`, raising and retiring alerts in `alerts`; returns the unsubscribe function. */
export function watchAlerts(app: AppStore, alerts: AlertStore): () => void {
  let prev = alertFacts(app.getState());
  return app.subscribe((s) => {
    const next = alertFacts(s);
    if (next === null) return;
    const { prefs } = alerts.getState();
    const raised = alertsBetween(prev, next, { enabled: (k) => alertWanted(prefs, k), noDataMinutes: prefs.noDataMinutes });
    prev = next;
    if (raised.length > 0) alerts.getState().show(raised);
    alerts.getState().retain((a) => alertStillApplies(a, next, prefs));
  });
}
