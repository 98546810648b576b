/**
 * History: the record shapes of `luxp1 history export` (stable: integrators script against them)
 * and the query requests and responses the History, Compare and Costs views call. Node-free.
 *
 * Times in records are ISO 8601 in Luxembourg local time with the offset of that instant, as the
 * meter writes its own timestamps (+01:00 in winter, +02:00 in summer).
 */

export type HistoryKind = 'electricity' | 'gas' | 'water' | 'heat';
export type HistoryStep = '10s' | '15m' | '1h' | '1d' | '1mo';
export const HISTORY_KINDS: readonly HistoryKind[] = ['electricity', 'gas', 'water', 'heat'];
export const HISTORY_STEPS: readonly HistoryStep[] = ['10s', '15m', '1h', '1d', '1mo'];

/**
 * Energy over [start, end) from the registers (never from power). `estimated`: part of it was
 * spread over a gap between two telegrams; the total across the gap is still exact.
 */
export interface ElectricityRecord {
  start: string;
  end: string;
  importWh: number;
  exportWh: number;
  importReactiveVarh: number;
  exportReactiveVarh: number;
  peakImportW: number | null; // highest 1-0:1.7.0 seen in the interval; null when no telegram fell in it
  estimated: boolean;
}

/** Consumption of one M-Bus device over [start, end), from its hourly index. */
export interface MbusRecord {
  start: string;
  end: string;
  channel: number;
  kind: Exclude<HistoryKind, 'electricity'>;
  consumption: number; // in `unit`, three decimals at most
  unit: string;
  estimated: boolean;
}

export const ELECTRICITY_COLUMNS = [
  'start',
  'end',
  'importWh',
  'exportWh',
  'importReactiveVarh',
  'exportReactiveVarh',
  'peakImportW',
  'estimated',
] as const satisfies readonly (keyof ElectricityRecord)[];
export const MBUS_COLUMNS = [
  'start',
  'end',
  'channel',
  'kind',
  'consumption',
  'unit',
  'estimated',
] as const satisfies readonly (keyof MbusRecord)[];

/** What a series query asks for; `from`/`to` are epoch ms, records whose start is in [from, to). */
export interface HistorySeriesRequest {
  meterId: string;
  kind: HistoryKind;
  step: HistoryStep; // M-Bus devices report hourly: 10s and 15m give hourly records for them
  from: number;
  to: number;
}

export type HistorySeries =
  | { kind: 'electricity'; meterId: string; step: HistoryStep; records: ElectricityRecord[] }
  | { kind: Exclude<HistoryKind, 'electricity'>; meterId: string; step: HistoryStep; records: MbusRecord[] };

/** The day view's power line: every telegram's 1-0:1.7.0 / 2.7.0 in [from, to), as columns (epoch ms). */
export interface HistoryPowerRequest {
  meterId: string;
  from: number;
  to: number;
}

export interface HistoryPower {
  meterId: string;
  at: number[];
  importW: (number | null)[];
  exportW: (number | null)[];
}

export interface HistoryChannel {
  channel: number;
  kind: Exclude<HistoryKind, 'electricity'>;
  unit: string;
}

export interface HistoryMeter {
  meterId: string;
  first: string | null; // first telegram or M-Bus value recorded, ISO; null when none
  last: string | null;
  detailFrom: string | null; // 10-s detail is kept from here on (older detail expired)
  channels: HistoryChannel[];
}

export type HistoryEventKind =
  | 'breaker'
  | 'relay'
  | 'power-failure'
  | 'message'
  | 'series-reset' // a register went backwards: a new series starts (meter replaced, simulator restarted)
  | 'link-lost'
  | 'link-restored'
  | 'key-changed';

export interface HistoryEvent {
  at: string; // ISO, Luxembourg local time
  meterId: string;
  kind: HistoryEventKind;
  detail: string; // one line for people, e.g. "breaker connected → disconnected"
}

export interface HistoryEventsRequest {
  meterId?: string;
  from: number;
  to: number;
  limit?: number; // newest first; default 500
}

export interface HistoryInfo {
  path: string;
  bytes: number; // database file plus its write-ahead log
  detailRetentionDays: number;
  meters: HistoryMeter[];
}

const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** RFC 4180 CSV: a header line, CRLF line ends, the columns of the record type in their fixed order. */
export function historyCsv(kind: HistoryKind, records: readonly (ElectricityRecord | MbusRecord)[], withHeader = true): string {
  const columns: readonly string[] = kind === 'electricity' ? ELECTRICITY_COLUMNS : MBUS_COLUMNS;
  const lines = withHeader ? [columns.join(',')] : [];
  for (const r of records) lines.push(columns.map((c) => csvCell((r as unknown as Record<string, unknown>)[c])).join(','));
  return lines.length === 0 ? '' : `${lines.join('\r\n')}\r\n`;
}
