/**
 * The host's settings, one JSON file in the data directory, written atomically.
 * A file that does not parse, or holds a field we cannot accept, is copied to `settings.json.bad`
 * before anything is overwritten: valid fields are kept, invalid ones fall back to defaults, and
 * the caller gets one warning to show once. Never holds key material (see key-store.ts).
 */
import { checkCostSettings, type CostSettings, DEFAULT_COST_SETTINGS } from '../../contracts/cost-settings.ts';
import { MAX_OTHER_METERS, type OtherMeterConfig, type PlainDataSetting, type SourceConfig } from '../../contracts/ipc.ts';
import { checkIntegrations, DEFAULT_INTEGRATIONS, type IntegrationsSettings } from '../../contracts/integrations.ts';
import { checkOtherMeter, validatePayload } from '../ipc/validate.ts';
import { keepBadCopy, readTextIfExists, saveError, writeFileAtomic } from './atomic-file.ts';

export interface Settings {
  source: SourceConfig | null;
  centralUrl: string | null; // the central system for pairing
  silenceMs: number; // no frame for this long → link "silent"
  captureMinutes: number; // how far back `capture:export` reaches
  plainData: PlainDataSetting; // plain telegrams after verified encrypted ones (plain-data.ts)
  costs: CostSettings; // tariff, reference household, peer opt-in (contracts/cost-settings.ts)
  historyRetentionDays: number; // days of 10-s history detail kept; quarter-hours and coarser forever (history-room.ts)
  integrations: IntegrationsSettings; // MQTT, DSMR re-serve, local API (integrations/integrations-room.ts)
  otherMeters: OtherMeterConfig[]; // meters besides the primary one, at most MAX_OTHER_METERS (other-meters.ts)
}

export const DEFAULT_SETTINGS: Settings = {
  source: null,
  centralUrl: null,
  silenceMs: 30_000,
  captureMinutes: 10,
  plainData: 'ask',
  costs: DEFAULT_COST_SETTINGS,
  historyRetentionDays: 400,
  integrations: DEFAULT_INTEGRATIONS,
  otherMeters: [],
};

export interface LoadedSettings {
  settings: Settings;
  warning: string | null;
}

function isUrl(v: unknown): v is string {
  return typeof v === 'string' && /^https?:\/\/[^\s]+$/.test(v) && URL.canParse(v);
}

function isBetween(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
}

/** Takes each known field that is valid; names the ones that were not. */
function pick(raw: Record<string, unknown>): { settings: Settings; rejected: string[] } {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const rejected: string[] = [];
  if (raw.source !== undefined && raw.source !== null) {
    const checked = validatePayload('source:set', raw.source);
    if (checked.ok) settings.source = checked.value;
    else rejected.push('source');
  }
  if (raw.centralUrl !== undefined && raw.centralUrl !== null) {
    if (isUrl(raw.centralUrl)) settings.centralUrl = raw.centralUrl;
    else rejected.push('centralUrl');
  }
  if (raw.silenceMs !== undefined) {
    if (isBetween(raw.silenceMs, 1_000, 3_600_000)) settings.silenceMs = raw.silenceMs;
    else rejected.push('silenceMs');
  }
  if (raw.plainData !== undefined) {
    if (raw.plainData === 'ask' || raw.plainData === 'accept' || raw.plainData === 'refuse') settings.plainData = raw.plainData;
    else rejected.push('plainData');
  }
  if (raw.captureMinutes !== undefined) {
    if (isBetween(raw.captureMinutes, 1, 120)) settings.captureMinutes = raw.captureMinutes;
    else rejected.push('captureMinutes');
  }
  if (raw.costs !== undefined) {
    const costs = checkCostSettings(raw.costs);
    if (costs.ok) settings.costs = costs.value;
    else rejected.push('costs');
  }
  if (raw.historyRetentionDays !== undefined) {
    const days = raw.historyRetentionDays;
    if (isBetween(days, 1, 3650) && Number.isInteger(days)) settings.historyRetentionDays = days;
    else rejected.push('historyRetentionDays');
  }
  if (raw.integrations !== undefined && raw.integrations !== null) {
    const checked = checkIntegrations(raw.integrations); // valid parts kept, each bad field named
    settings.integrations = checked.value;
    rejected.push(...checked.rejected);
  }
  if (raw.otherMeters !== undefined) {
    const checked = pickOtherMeters(raw.otherMeters);
    settings.otherMeters = checked.meters;
    rejected.push(...checked.rejected);
  }
  return { settings, rejected };
}

/** The valid, distinct other meters, at most MAX_OTHER_METERS; each dropped entry named by its place. */
function pickOtherMeters(raw: unknown): { meters: OtherMeterConfig[]; rejected: string[] } {
  if (!Array.isArray(raw)) return { meters: [], rejected: ['otherMeters'] };
  const meters: OtherMeterConfig[] = [];
  const rejected: string[] = [];
  raw.forEach((entry, i) => {
    const checked = checkOtherMeter(entry, `otherMeters[${i}]`);
    const taken = checked.ok && meters.some((m) => m.id === checked.value.id);
    if (checked.ok && !taken && meters.length < MAX_OTHER_METERS) meters.push(checked.value);
    else rejected.push(`otherMeters[${i}]`);
  });
  return { meters, rejected };
}

/** Reads settings from `path`; never throws for bad content, only for an unreadable disk. */
export async function loadSettings(path: string): Promise<LoadedSettings> {
  const text = await readTextIfExists(path);
  if (text === null) return { settings: { ...DEFAULT_SETTINGS }, warning: null };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  const isObject = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
  const { settings, rejected } = isObject ? pick(raw as Record<string, unknown>) : { settings: { ...DEFAULT_SETTINGS }, rejected: ['*'] };
  if (rejected.length === 0) return { settings, warning: null };
  await keepBadCopy(path);
  const what = rejected[0] === '*' ? 'it is not valid JSON' : `invalid ${rejected.join(', ')}`;
  return { settings, warning: `settings: ${path} was unusable (${what}); kept a copy as settings.json.bad and used defaults` };
}

/** Writes the whole settings object atomically; a failure says what could not be saved, in words. */
export async function saveSettings(path: string, settings: Settings): Promise<void> {
  try {
    await writeFileAtomic(path, `${JSON.stringify(settings, null, 2)}\n`);
  } catch (err) {
    throw saveError('the settings', err);
  }
}

/** The settings in memory and on disk, changed one write at a time so the two never disagree. */
export interface SettingsStore {
  get(): Settings;
  /** Saves `patch` merged into the settings; memory changes only once the file is written. */
  update(patch: Partial<Settings>): Promise<void>;
}

export function createSettingsStore(path: string, initial: Settings): SettingsStore {
  let current = initial;
  let writes: Promise<unknown> = Promise.resolve();
  return {
    get: () => current,
    update(patch) {
      const run = writes.then(async () => {
        const next = { ...current, ...patch };
        await saveSettings(path, next);
        current = next;
      });
      writes = run.catch(() => {});
      return run;
    },
  };
}
