/**
 * What the History, Compare and Costs views and `luxp1 history export` ask the database. Periods
 * are [from, to) in epoch ms; a record belongs to the period its start falls in. Buckets without
 * data are left out (a view draws them as empty). Quarter-hours and days are stored sums; hours
 * group quarter-hours, months group days, 10-s records unpack the detail blocks.
 */
import { existsSync, statSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import type {
  ElectricityRecord,
  HistoryChannel,
  HistoryEvent,
  HistoryEventKind,
  HistoryEventsRequest,
  HistoryInfo,
  HistoryMeter,
  HistoryPower,
  HistoryPowerRequest,
  HistorySeries,
  HistorySeriesRequest,
  MbusRecord,
} from '../../../contracts/history.ts';
import { HISTORY_KINDS, HISTORY_STEPS } from '../../../contracts/history.ts';
import { apportion, RES_DAY, RES_QUARTER, sameSeries } from './aggregate.ts';
import { decodeBlock } from './block-codec.ts';
import type { Sample } from './block-codec.ts';
import { HOUR_S, luxDayStart, luxIso, luxMonthStart, luxNextDay, luxNextMonth, QUARTER_S } from './lux-calendar.ts';
import { HistoryError, HOUR_KEY_SPAN } from './store.ts';

interface AggRow {
  s: number;
  imp: number;
  exp: number;
  impR: number;
  expR: number;
  peak: number;
  est: number;
}

type MbusKindName = MbusRecord['kind'];

function electricity(r: AggRow, end: number): ElectricityRecord {
  return {
    start: luxIso(r.s),
    end: luxIso(end),
    importWh: r.imp,
    exportWh: r.exp,
    importReactiveVarh: r.impR,
    exportReactiveVarh: r.expR,
    peakImportW: r.peak < 0 ? null : r.peak,
    estimated: r.est > 0,
  };
}

export function createQueries(db: DatabaseSync, path: string, detailRetentionDays: number) {
  const AGG = 'sum(imp) AS imp, sum(exp) AS exp, sum(imp_r) AS impR, sum(exp_r) AS expR, max(peak) AS peak, sum(est) AS est';
  const sql = {
    meterId: db.prepare('SELECT id, detail_from AS detailFrom FROM meters WHERE meter_id = ?'),
    meters: db.prepare('SELECT id, meter_id AS meterId, detail_from AS detailFrom FROM meters ORDER BY meter_id'),
    quarters: db.prepare(
      `SELECT start AS s, ${AGG} FROM agg WHERE meter = ? AND res = ${RES_QUARTER} AND start >= ? AND start < ? GROUP BY start ORDER BY start`,
    ),
    hours: db.prepare(
      `SELECT (start / 3600) * 3600 AS s, ${AGG} FROM agg WHERE meter = ? AND res = ${RES_QUARTER} AND start >= ? AND start < ? GROUP BY start / 3600 ORDER BY s`,
    ),
    days: db.prepare(
      `SELECT start AS s, ${AGG} FROM agg WHERE meter = ? AND res = ${RES_DAY} AND start >= ? AND start < ? GROUP BY start ORDER BY start`,
    ),
    span: db.prepare(`SELECT min(start) AS first, max(start) AS last FROM agg WHERE meter = ? AND res = ${RES_QUARTER}`),
    mbusSpan: db.prepare('SELECT min(captured) AS first, max(captured) AS last FROM mbus WHERE meter = ?'),
    channels: db.prepare('SELECT channel, kind, unit FROM channels WHERE meter = ? ORDER BY channel, kind'),
    mbusChannels: db.prepare('SELECT channel, unit FROM channels WHERE meter = ? AND kind = ? ORDER BY channel'),
    mbusRows: db.prepare(`SELECT captured, milli FROM mbus WHERE meter = ? AND channel = ? AND kind = ?
      AND captured >= coalesce((SELECT max(captured) FROM mbus WHERE meter = ?1 AND channel = ?2 AND kind = ?3 AND captured <= ?4), 0)
      AND captured <= coalesce((SELECT min(captured) FROM mbus WHERE meter = ?1 AND channel = ?2 AND kind = ?3 AND captured >= ?5), ?5)
      ORDER BY captured`),
    blocks: db.prepare('SELECT key, data FROM detail WHERE key >= ? AND key < ? ORDER BY key'),
    blockBefore: db.prepare('SELECT key, data FROM detail WHERE key >= ? AND key < ? ORDER BY key DESC LIMIT 1'),
    events: db.prepare(`SELECT m.meter_id AS meterId, e.at, e.kind, e.detail FROM events e JOIN meters m ON m.id = e.meter
      WHERE e.at >= ? AND e.at < ? AND (?3 IS NULL OR m.meter_id = ?3) ORDER BY e.at DESC, e.kind, e.detail LIMIT ?`),
  };
  sql.mbusRows.setReturnArrays(true); // a year is 8760 rows per channel: arrays read about twice as fast

  function meterRow(meterId: string): { id: number; detailFrom: number } {
    const row = sql.meterId.get(meterId) as { id: number; detailFrom: number } | undefined;
    if (!row) throw new HistoryError('UNKNOWN_METER', `no history for meter ${JSON.stringify(meterId)}`);
    return row;
  }

  function check(req: HistorySeriesRequest): void {
    if (!HISTORY_KINDS.includes(req.kind)) throw new HistoryError('BAD_REQUEST', `unknown kind ${JSON.stringify(req.kind)}`);
    if (!HISTORY_STEPS.includes(req.step)) throw new HistoryError('BAD_REQUEST', `unknown step ${JSON.stringify(req.step)}`);
    if (!Number.isFinite(req.from) || !Number.isFinite(req.to))
      throw new HistoryError('BAD_REQUEST', 'from and to must be epoch milliseconds');
    if (req.to < req.from) throw new HistoryError('BAD_REQUEST', 'to is before from');
  }

  function decodeRow(meter: number, row: { key: number | bigint; data: Uint8Array }): Sample[] {
    return decodeBlock((Number(row.key) - meter * HOUR_KEY_SPAN) * 3600, row.data);
  }

  /** 10-s records: one per pair of successive telegrams, energy from their register difference. */
  function* detail(meter: number, from: number, to: number): Generator<ElectricityRecord[]> {
    const base = meter * HOUR_KEY_SPAN;
    const firstKey = base + Math.floor(from / HOUR_S);
    const before = sql.blockBefore.get(base, firstKey) as { key: number; data: Uint8Array } | undefined;
    let prev: Sample | null = before ? (decodeRow(meter, before).at(-1) ?? null) : null;
    for (const row of sql.blocks.iterate(firstKey, base + Math.ceil(to / HOUR_S)) as Iterable<{ key: number; data: Uint8Array }>) {
      const out: ElectricityRecord[] = [];
      for (const s of decodeRow(meter, row)) {
        if (prev !== null && prev.t >= from && prev.t < to) {
          const ok = sameSeries(prev, s);
          out.push({
            start: luxIso(prev.t),
            end: luxIso(s.t),
            importWh: ok ? s.imp - prev.imp : 0,
            exportWh: ok ? s.exp - prev.exp : 0,
            importReactiveVarh: ok ? s.impR - prev.impR : 0,
            exportReactiveVarh: ok ? s.expR - prev.expR : 0,
            peakImportW: s.pImp,
            estimated: false,
          });
        }
        prev = s;
      }
      if (out.length > 0) yield out;
    }
  }

  function aggregated(meter: number, step: HistorySeriesRequest['step'], from: number, to: number): ElectricityRecord[] {
    if (step === '15m') return (sql.quarters.all(meter, from, to) as unknown as AggRow[]).map((r) => electricity(r, r.s + QUARTER_S));
    if (step === '1h') return (sql.hours.all(meter, from, to) as unknown as AggRow[]).map((r) => electricity(r, r.s + HOUR_S));
    const days = sql.days.all(meter, step === '1d' ? from : luxMonthStart(from), to) as unknown as AggRow[];
    if (step === '1d') return days.map((r) => electricity(r, luxNextDay(r.s)));
    const months: AggRow[] = [];
    let monthEnd = -Infinity;
    for (const d of days) {
      const m = months.at(-1);
      if (m && d.s < monthEnd) {
        m.imp += d.imp;
        m.exp += d.exp;
        m.impR += d.impR;
        m.expR += d.expR;
        m.peak = Math.max(m.peak, d.peak);
        m.est += d.est;
      } else {
        const s = luxMonthStart(d.s);
        monthEnd = luxNextMonth(s);
        months.push({ ...d, s });
      }
    }
    return months.filter((m) => m.s >= from).map((m) => electricity(m, luxNextMonth(m.s)));
  }

  /** M-Bus consumption per hour slot, from successive hourly indexes; a gap is spread evenly, estimated. */
  function mbus(meter: number, kind: MbusKindName, step: HistorySeriesRequest['step'], from: number, to: number): MbusRecord[] {
    const bucketOf = (h: number) => (step === '1d' ? luxDayStart(h) : step === '1mo' ? luxMonthStart(h) : h);
    const endOf = (b: number) => (step === '1d' ? luxNextDay(b) : step === '1mo' ? luxNextMonth(b) : b + HOUR_S);
    const found: { s: number; record: MbusRecord }[] = [];
    for (const { channel, unit } of sql.mbusChannels.all(meter, kind) as { channel: number; unit: string }[]) {
      const lo = step === '1mo' ? luxMonthStart(from) : step === '1d' ? luxDayStart(from) : from;
      const rows = sql.mbusRows.all(meter, channel, kind, lo, to) as unknown as [captured: number, milli: number][];
      // Buckets in time order; hours arrive in order, so the bucket is recomputed only when an hour leaves it.
      const buckets: { s: number; milli: number; est: boolean }[] = [];
      let bucketEnd = -Infinity;
      const add = (h: number, milli: number, est: boolean) => {
        if (h >= bucketEnd) {
          const s = bucketOf(h);
          buckets.push({ s, milli: 0, est: false });
          bucketEnd = endOf(s);
        }
        const b = buckets[buckets.length - 1]!;
        b.milli += milli;
        b.est ||= est;
      };
      for (let i = 1; i < rows.length; i++) {
        const [aAt, aMilli] = rows[i - 1]!;
        const [bAt, bMilli] = rows[i]!;
        if (bMilli < aMilli) continue; // a new device or a reset: a new series, not a negative
        const first = Math.floor(aAt / HOUR_S) * HOUR_S;
        const n = Math.max(1, Math.ceil((bAt - first) / HOUR_S));
        if (n === 1) add(first, bMilli - aMilli, false);
        else {
          const parts = apportion(bMilli - aMilli, new Array<number>(n).fill(1), n);
          for (let k = 0; k < n; k++) add(first + k * HOUR_S, parts[k]!, true);
        }
      }
      for (const v of buckets) {
        if (v.s < from || v.s >= to) continue;
        const record: MbusRecord = {
          start: luxIso(v.s),
          end: luxIso(endOf(v.s)),
          channel,
          kind,
          consumption: v.milli / 1000,
          unit,
          estimated: v.est,
        };
        found.push({ s: v.s, record });
      }
    }
    return found.sort((x, y) => x.s - y.s || x.record.channel - y.record.channel).map((x) => x.record);
  }

  const queries = {
    /** A series in batches, for exports too large to hold (three years of 10-s records). */
    *iterateSeries(req: HistorySeriesRequest): Generator<ElectricityRecord[] | MbusRecord[]> {
      check(req);
      const meter = meterRow(req.meterId).id;
      const from = Math.ceil(req.from / 1000);
      const to = Math.ceil(req.to / 1000);
      if (req.kind !== 'electricity') yield mbus(meter, req.kind, req.step, from, to);
      else if (req.step === '10s') yield* detail(meter, from, to);
      else yield aggregated(meter, req.step, from, to);
    },
    /** One series for a view; throws HistoryError (UNKNOWN_METER, BAD_REQUEST) on a bad request. */
    series(req: HistorySeriesRequest): HistorySeries {
      const records: (ElectricityRecord | MbusRecord)[] = [];
      for (const batch of queries.iterateSeries(req)) for (const r of batch) records.push(r);
      return { kind: req.kind, meterId: req.meterId, step: req.step, records } as HistorySeries;
    },
    /** Power as the telegrams gave it, for the day view's line; detail older than the retention is gone. */
    power(req: HistoryPowerRequest): HistoryPower {
      if (!Number.isFinite(req.from) || !Number.isFinite(req.to) || req.to < req.from)
        throw new HistoryError('BAD_REQUEST', 'from and to must be epoch ms, from ≤ to');
      const meter = meterRow(req.meterId).id;
      const from = Math.ceil(req.from / 1000);
      const to = Math.ceil(req.to / 1000);
      const base = meter * HOUR_KEY_SPAN;
      const out: HistoryPower = { meterId: req.meterId, at: [], importW: [], exportW: [] };
      for (const row of sql.blocks.iterate(base + Math.floor(from / HOUR_S), base + Math.ceil(to / HOUR_S)) as Iterable<{
        key: number;
        data: Uint8Array;
      }>) {
        for (const s of decodeRow(meter, row)) {
          if (s.t < from || s.t >= to) continue;
          out.at.push(s.t * 1000);
          out.importW.push(s.pImp);
          out.exportW.push(s.pExp);
        }
      }
      return out;
    },
    meters(): HistoryMeter[] {
      return (sql.meters.all() as { id: number; meterId: string; detailFrom: number }[]).map((m) => {
        const base = m.id * HOUR_KEY_SPAN;
        const span = sql.span.get(m.id) as { first: number | null; last: number | null };
        const mb = sql.mbusSpan.get(m.id) as { first: number | null; last: number | null };
        const lastBlock = sql.blockBefore.get(base, base + HOUR_KEY_SPAN) as { key: number; data: Uint8Array } | undefined;
        const lastSample = lastBlock ? (decodeRow(m.id, lastBlock).at(-1)?.t ?? null) : null;
        const firstBlock = sql.blocks.get(base, base + HOUR_KEY_SPAN) as { key: number; data: Uint8Array } | undefined;
        const firstSample = firstBlock ? (decodeRow(m.id, firstBlock)[0]?.t ?? null) : null;
        // Quarter-hours older than the kept detail count from their start; with detail, the first telegram.
        const aggFirst = m.detailFrom > 0 || firstSample === null ? span.first : null;
        const firsts = [aggFirst, firstSample, mb.first].filter((x): x is number => x !== null);
        const lastElectricity = lastSample ?? (span.last === null ? null : span.last + QUARTER_S);
        const lasts = [lastElectricity, mb.last].filter((x): x is number => x !== null);
        return {
          meterId: m.meterId,
          first: firsts.length ? luxIso(Math.min(...firsts)) : null,
          last: lasts.length ? luxIso(Math.max(...lasts)) : null,
          detailFrom: m.detailFrom > 0 ? luxIso(m.detailFrom) : null,
          channels: sql.channels.all(m.id) as unknown as HistoryChannel[],
        };
      });
    },
    events(req: HistoryEventsRequest): HistoryEvent[] {
      const rows = sql.events.all(req.from, req.to, req.meterId ?? null, req.limit ?? 500) as {
        meterId: string;
        at: number;
        kind: HistoryEventKind;
        detail: string;
      }[];
      return rows.map((r) => ({ at: luxIso(Math.floor(r.at / 1000)), meterId: r.meterId, kind: r.kind, detail: r.detail }));
    },
    /** Bytes on disk: the database file and its write-ahead log. */
    sizeBytes(): number {
      return [path, `${path}-wal`].reduce((sum, p) => sum + (existsSync(p) ? statSync(p).size : 0), 0);
    },
    info(): HistoryInfo {
      return { path, bytes: queries.sizeBytes(), detailRetentionDays, meters: queries.meters() };
    },
  };
  return queries;
}
