import { describe, expect, it } from 'vitest';
import {
  ALERT_PREFS_STORAGE_KEY,
  defaultAlertPrefs,
  parseAlertPrefs,
  readAlertPrefs,
  saveAlertPrefs,
  validNoDataMinutes,
} from '../../../renderer/alerts/prefs.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('alert prefs', () => {
  it('default: banners on, notifications off (no permission prompt until asked), 5 minutes', () => {
    const p = defaultAlertPrefs();
    expect(Object.values(p.kinds).every((c) => c.banner && !c.notify)).toBe(true);
    expect(p.noDataMinutes).toBe(5);
  });

  it('round-trips through storage', () => {
    const s = memoryStorage();
    const p = defaultAlertPrefs();
    p.kinds['supply-cut'].notify = true;
    p.kinds.message.banner = false;
    p.noDataMinutes = 15;
    saveAlertPrefs(s, p);
    expect(readAlertPrefs(s)).toEqual(p);
  });

  it('keeps every good part of a damaged entry and defaults the rest', () => {
    const s = memoryStorage({
      [ALERT_PREFS_STORAGE_KEY]: JSON.stringify({ kinds: { 'supply-cut': { notify: true, banner: 'yes' }, bogus: {} }, noDataMinutes: -3 }),
    });
    const p = readAlertPrefs(s);
    expect(p.kinds['supply-cut']).toEqual({ banner: true, notify: true });
    expect(p.noDataMinutes).toBe(5);
    expect(readAlertPrefs(memoryStorage({ [ALERT_PREFS_STORAGE_KEY]: '{not json' }))).toEqual(defaultAlertPrefs());
    expect(parseAlertPrefs([1, 2])).toEqual(defaultAlertPrefs());
  });

  it('storage that throws is survived', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(readAlertPrefs(broken)).toEqual(defaultAlertPrefs());
    expect(() => saveAlertPrefs(broken, defaultAlertPrefs())).not.toThrow();
  });

  it('minutes: whole numbers from 1 to 1440 only', () => {
    expect(validNoDataMinutes('10')).toBe(10);
    expect(validNoDataMinutes(1440)).toBe(1440);
    for (const bad of ['', ' ', '0', '2.5', '1441', 'abc', null, Number.NaN]) expect(validNoDataMinutes(bad)).toBeNull();
  });
});
