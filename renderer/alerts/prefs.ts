/**
 * The household's alert choices, kept on this device (localStorage, like the language): per kind,
 * an in-app banner and an OS notification, and after how many minutes without data to alert.
 * Anything unreadable in storage falls back to the defaults, key by key: a bad entry loses nothing else.
 */
import { ALERT_KINDS, type AlertKind } from './rules.ts';

export const ALERT_PREFS_STORAGE_KEY = 'luxp1.alerts';
export const NO_DATA_MINUTES = { min: 1, max: 1440, default: 5 } as const;

export interface AlertChannels {
  banner: boolean;
  notify: boolean;
}

export interface AlertPrefs {
  kinds: Record<AlertKind, AlertChannels>;
  noDataMinutes: number;
}

/** Banners on, OS notifications off: the browser asks for permission only when the user turns one on. */
export function defaultAlertPrefs(): AlertPrefs {
  const kinds = {} as Record<AlertKind, AlertChannels>;
  for (const k of ALERT_KINDS) kinds[k] = { banner: true, notify: false };
  return { kinds, noDataMinutes: NO_DATA_MINUTES.default };
}

/** A whole number of minutes within the allowed range, or null. */
export function validNoDataMinutes(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= NO_DATA_MINUTES.min && n <= NO_DATA_MINUTES.max ? n : null;
}

/** Prefs from what storage held (any JSON), each part checked on its own. */
export function parseAlertPrefs(raw: unknown): AlertPrefs {
  const prefs = defaultAlertPrefs();
  if (typeof raw !== 'object' || raw === null) return prefs;
  const r = raw as { kinds?: Record<string, Partial<AlertChannels>>; noDataMinutes?: unknown };
  for (const k of ALERT_KINDS) {
    const c = r.kinds?.[k];
    if (typeof c?.banner === 'boolean') prefs.kinds[k].banner = c.banner;
    if (typeof c?.notify === 'boolean') prefs.kinds[k].notify = c.notify;
  }
  prefs.noDataMinutes = validNoDataMinutes(r.noDataMinutes) ?? prefs.noDataMinutes;
  return prefs;
}

export function readAlertPrefs(storage: Pick<Storage, 'getItem'> | null): AlertPrefs {
  try {
    const text = storage?.getItem(ALERT_PREFS_STORAGE_KEY);
    return parseAlertPrefs(text ? JSON.parse(text) : null);
  } catch {
    return defaultAlertPrefs();
  }
}

/** Keeps `prefs`; a storage that refuses (private mode, full) leaves them for this session only. */
export function saveAlertPrefs(storage: Pick<Storage, 'setItem'> | null, prefs: AlertPrefs): void {
  try {
    storage?.setItem(ALERT_PREFS_STORAGE_KEY, JSON.stringify(prefs));
  } catch {
    // still applies until the page closes
  }
}

/** True when the kind is wanted in some way (banner or notification). */
export const alertWanted = (prefs: AlertPrefs, kind: AlertKind): boolean => prefs.kinds[kind].banner || prefs.kinds[kind].notify;
