/**
 * The history recorder: every verified telegram in, kept in SQLite (store.ts) as packed 10-s detail
 * plus quarter-hour and day sums from the registers (aggregate.ts), M-Bus hourly values once, and
 * events. `record` never throws: an I/O problem (full disk, read-only file, damaged database) rolls
 * the telegram's transaction back, drops the in-memory state so it is re-read from disk, and is
 * reported through `onError` and the outcome 'failed'. What is already stored stays as it was.
 * Replayed, duplicate and out-of-order telegrams are placed by their own timestamp: the same
 * telegram twice changes nothing, a late one splits the pair around it.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { ReadingRecord } from '../../../contracts/ipc.ts';
import type { HistoryEventKind } from '../../../contracts/history.ts';
import type { Telegram } from '../../../protocol/types.ts';
import { applyPair, applyPeak, sameSeries } from './aggregate.ts';
import type { Deltas } from './aggregate.ts';
import { decodeBlock, encodeBlock } from './block-codec.ts';
import type { Sample } from './block-codec.ts';
import { deriveEvents, parseState, sameState, stateOf } from './derive-events.ts';
import type { MeterState } from './derive-events.ts';
import { createQueries } from './queries.ts';
import { MBUS_KINDS, meterIdOf, sampleOf, telegramTime } from './reading-fields.ts';
import { HOUR_KEY_SPAN, openHistoryDb, toHistoryError } from './store.ts';
import type { HistoryError } from './store.ts';

/** 'future': stamped more than a day ahead of the host clock (a meter clock gone wrong); not recorded. */
export type RecordOutcome = 'stored' | 'duplicate' | 'expired' | 'no-time' | 'future' | 'failed';
export type RecordCounts = Record<RecordOutcome, number>;

export interface RecorderOptions {
  path: string;
  clock?: { now(): number };
  detailRetentionDays?: number; // default 400; quarter-hours and coarser are kept forever
  maxBytes?: number; // optional size cap; writes beyond it fail as FULL
  onError?: (err: HistoryError) => void;
}

interface Block {
  start: number;
  samples: Sample[];
  dirty: boolean;
}

interface Meter {
  id: number;
  meterId: string;
  detailFrom: number;
  last: Sample | null;
  blocks: Map<number, Block>;
  deltas: Deltas;
  mbusLast: Map<number, string>; // channel → capture time last written, as sent
  channels: Set<string>; // "channel kind unit" written to the channels table by this process
  state: MeterState | null;
  stateDirty: boolean;
}

export function createRecorder(opts: RecorderOptions) {
  const clock = opts.clock ?? { now: () => Date.now() };
  const retentionDays = opts.detailRetentionDays ?? 400;
  const db: DatabaseSync = openHistoryDb(opts.path, { maxBytes: opts.maxBytes });
  const meters = new Map<string, Meter>();
  let lastPruneDay = -1;
  let closed = false;

  const sql = {
    meterGet: db.prepare('SELECT id, detail_from AS detailFrom, state FROM meters WHERE meter_id = ?'),
    meterAdd: db.prepare('INSERT INTO meters (meter_id) VALUES (?) RETURNING id'),
    meterState: db.prepare('UPDATE meters SET state = ? WHERE id = ?'),
    lastBlock: db.prepare('SELECT key, data FROM detail WHERE key >= ? AND key < ? ORDER BY key DESC LIMIT 1'),
    nextBlock: db.prepare('SELECT key, data FROM detail WHERE key > ? AND key < ? ORDER BY key LIMIT 1'),
    block: db.prepare('SELECT data FROM detail WHERE key = ?'),
    blockPut: db.prepare('INSERT INTO detail (key, data) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET data = excluded.data'),
    aggAdd: db.prepare(`INSERT INTO agg VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (meter, res, start) DO UPDATE SET
      imp = imp + excluded.imp, exp = exp + excluded.exp, imp_r = imp_r + excluded.imp_r, exp_r = exp_r + excluded.exp_r,
      peak = max(peak, excluded.peak), est = est + excluded.est`),
    mbusAdd: db.prepare('INSERT OR IGNORE INTO mbus VALUES (?, ?, ?, ?, ?, ?)'),
    channelAdd: db.prepare('INSERT INTO channels VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET unit = excluded.unit'),
    eventAdd: db.prepare('INSERT OR IGNORE INTO events VALUES (?, ?, ?, ?)'),
    allMeters: db.prepare('SELECT id, meter_id AS meterId FROM meters'),
    expiring: db.prepare('SELECT max(key) AS k FROM detail WHERE key >= ? AND key < ?'),
    expire: db.prepare('DELETE FROM detail WHERE key >= ? AND key <= ?'),
    detailFrom: db.prepare('UPDATE meters SET detail_from = max(detail_from, ?) WHERE id = ?'),
  };

  const key = (m: Meter, blockStart: number) => m.id * HOUR_KEY_SPAN + blockStart / 3600;
  const lastOf = (row: { key: number | bigint; data: Uint8Array } | undefined, m: Meter, pick: 'first' | 'last') => {
    if (row === undefined) return null;
    const samples = decodeBlock((Number(row.key) - m.id * HOUR_KEY_SPAN) * 3600, row.data);
    return (pick === 'last' ? samples[samples.length - 1] : samples[0]) ?? null;
  };

  function meter(meterId: string): Meter {
    let m = meters.get(meterId);
    if (m) return m;
    let row = sql.meterGet.get(meterId) as { id: number; detailFrom: number; state: string | null } | undefined;
    if (!row) row = { id: Number((sql.meterAdd.get(meterId) as { id: number }).id), detailFrom: 0, state: null };
    m = {
      id: row.id,
      meterId,
      detailFrom: row.detailFrom,
      last: null,
      blocks: new Map(),
      deltas: new Map(),
      mbusLast: new Map(),
      channels: new Set(),
      state: parseState(row.state),
      stateDirty: false,
    };
    const base = m.id * HOUR_KEY_SPAN;
    m.last = lastOf(sql.lastBlock.get(base, base + HOUR_KEY_SPAN) as never, m, 'last');
    meters.set(meterId, m);
    return m;
  }

  function writeBlock(m: Meter, b: Block): void {
    if (!b.dirty) return;
    sql.blockPut.run(key(m, b.start), encodeBlock(b.start, b.samples));
    b.dirty = false;
  }

  function getBlock(m: Meter, start: number, known: 'empty' | 'load'): Block {
    let b = m.blocks.get(start);
    if (b) return b;
    for (const other of m.blocks.values()) writeBlock(m, other);
    m.blocks.clear(); // one block cached per meter: the newest, where live telegrams go
    const row = known === 'load' ? (sql.block.get(key(m, start)) as { data: Uint8Array } | undefined) : undefined;
    b = { start, samples: row ? decodeBlock(start, row.data) : [], dirty: false };
    m.blocks.set(start, b);
    return b;
  }

  function flush(m: Meter): void {
    for (const b of m.blocks.values()) writeBlock(m, b);
    for (const d of m.deltas.values()) sql.aggAdd.run(m.id, d.res, d.start, d.imp, d.exp, d.impR, d.expR, d.peak, d.est);
    m.deltas.clear();
    if (m.stateDirty) sql.meterState.run(JSON.stringify(m.state), m.id);
    m.stateDirty = false;
  }

  function event(m: Meter, t: number, kind: HistoryEventKind, detail: string): void {
    sql.eventAdd.run(m.id, t * 1000, kind, detail);
  }

  function addSample(m: Meter, s: Sample): RecordOutcome {
    if (s.t < m.detailFrom) return 'expired';
    const start = Math.floor(s.t / 3600) * 3600;
    if (m.last === null || s.t > m.last.t) {
      const last = m.last;
      const block = getBlock(m, start, last !== null && start > last.t ? 'empty' : 'load');
      block.samples.push(s);
      block.dirty = true;
      if (last) {
        applyPair(m.deltas, last, s, 1);
        if (!sameSeries(last, s)) event(m, s.t, 'series-reset', `registers ${last.imp} → ${s.imp} Wh: a new series starts`);
      }
      applyPeak(m.deltas, s);
      m.last = s;
      return 'stored';
    }
    const block = getBlock(m, start, 'load');
    const samples = block.samples;
    let i = 0;
    while (i < samples.length && samples[i]!.t < s.t) i++;
    if (samples[i]?.t === s.t) return 'duplicate';
    flush(m); // neighbour look-ups below read the table
    const base = m.id * HOUR_KEY_SPAN;
    const prev = i > 0 ? samples[i - 1]! : lastOf(sql.lastBlock.get(base, key(m, start)) as never, m, 'last');
    const next = i < samples.length ? samples[i]! : lastOf(sql.nextBlock.get(key(m, start), base + HOUR_KEY_SPAN) as never, m, 'first');
    if (prev === null && m.detailFrom > 0) return 'expired'; // its neighbour's detail is gone: cannot place it
    if (prev && next) applyPair(m.deltas, prev, next, -1);
    if (prev) applyPair(m.deltas, prev, s, 1);
    if (next) applyPair(m.deltas, s, next, 1);
    applyPeak(m.deltas, s);
    samples.splice(i, 0, s);
    block.dirty = true;
    return 'stored';
  }

  function addMbus(m: Meter, telegram: Telegram): void {
    for (const ch of telegram.mbus) {
      const kind = MBUS_KINDS[ch.kind];
      if (!kind || typeof ch.value !== 'number' || !Number.isFinite(ch.value) || !ch.capturedAt) continue;
      if (m.mbusLast.get(ch.channel) === ch.capturedAt) continue; // the meter repeats it for an hour
      const captured = Math.floor(Date.parse(ch.capturedAt) / 1000);
      if (!Number.isFinite(captured)) continue;
      const unit = ch.unit ?? '';
      sql.mbusAdd.run(m.id, ch.channel, captured, kind, unit, Math.round(ch.value * 1000));
      const catalogue = `${ch.channel} ${kind} ${unit}`;
      if (!m.channels.has(catalogue)) {
        sql.channelAdd.run(m.id, ch.channel, kind, unit);
        m.channels.add(catalogue);
      }
      m.mbusLast.set(ch.channel, ch.capturedAt);
    }
  }

  function addState(m: Meter, t: number, telegram: Telegram): void {
    if (m.state !== null && t <= m.state.t) return; // events come from the newest telegrams only
    const next = stateOf(t, telegram);
    if (m.state === null || !sameState(m.state, next)) {
      if (m.state !== null) for (const e of deriveEvents(m.state, next)) event(m, t, e.kind, e.detail);
      m.stateDirty = true;
    }
    m.state = next;
  }

  function one(reading: ReadingRecord): RecordOutcome {
    const t = telegramTime(reading);
    if (Number.isNaN(t)) return 'no-time';
    if (t * 1000 > clock.now() + 86_400_000) return 'future';
    const m = meter(meterIdOf(reading));
    addMbus(m, reading.telegram);
    const sample = sampleOf(t, reading.telegram);
    const outcome = sample ? addSample(m, sample) : 'stored';
    if (outcome === 'stored') addState(m, t, reading.telegram);
    return outcome;
  }

  function fail(err: unknown): HistoryError {
    try {
      if (db.isTransaction) db.exec('ROLLBACK');
    } catch {
      // the rollback's own failure adds nothing to the first error
    }
    meters.clear(); // re-read from disk: memory must not run ahead of what was committed
    const e = toHistoryError(err, opts.path);
    opts.onError?.(e);
    return e;
  }

  function transaction<T>(fn: () => T): T {
    if (closed) throw toHistoryError(new Error('recorder is closed'), opts.path);
    db.exec('BEGIN IMMEDIATE');
    const result = fn();
    for (const m of meters.values()) flush(m);
    db.exec('COMMIT');
    return result;
  }

  /** Drops 10-s detail older than the retention period, at most once a day. */
  function prune(force = false): void {
    const now = clock.now() / 1000;
    const day = Math.floor(now / 86_400);
    if (!force && day === lastPruneDay) return;
    lastPruneDay = day;
    const cutoffHour = Math.floor((now - retentionDays * 86_400) / 3600);
    transaction(() => {
      for (const row of sql.allMeters.all() as { id: number; meterId: string }[]) {
        const base = row.id * HOUR_KEY_SPAN;
        const k = (sql.expiring.get(base, base + cutoffHour) as { k: number | bigint | null }).k;
        if (k === null) continue;
        const m = meters.get(row.meterId);
        if (m) flush(m);
        sql.expire.run(base, k);
        sql.detailFrom.run((Number(k) - base + 1) * 3600, row.id);
        meters.delete(row.meterId);
      }
    });
  }

  // Queries throw HistoryError only: a damaged file or a failing disk is named, never a raw SQLite error.
  const raw = createQueries(db, opts.path, retentionDays);
  const guard =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      try {
        return fn(...args);
      } catch (err) {
        throw toHistoryError(err, opts.path);
      }
    };
  const queries = {
    iterateSeries: raw.iterateSeries,
    series: guard(raw.series),
    power: guard(raw.power),
    meters: guard(raw.meters),
    events: guard(raw.events),
    sizeBytes: guard(raw.sizeBytes),
    info: guard(raw.info),
  };

  const recorder = {
    path: opts.path,
    /** One verified telegram, in the order they come; never throws. */
    record(reading: ReadingRecord): RecordOutcome {
      try {
        prune();
        return transaction(() => one(reading));
      } catch (err) {
        fail(err);
        return 'failed';
      }
    },
    /** Many telegrams in one transaction (bulk import); all or nothing. */
    recordMany(readings: Iterable<ReadingRecord>): RecordCounts {
      const counts: RecordCounts = { stored: 0, duplicate: 0, expired: 0, 'no-time': 0, future: 0, failed: 0 };
      const batch = [...readings];
      try {
        transaction(() => {
          for (const r of batch) counts[one(r)]++;
        });
      } catch (err) {
        fail(err);
        return { stored: 0, duplicate: 0, expired: 0, 'no-time': 0, future: 0, failed: batch.length };
      }
      return counts;
    },
    /** An event the host knows about (link lost/restored, key changed); never throws. */
    recordEvent(e: { meterId: string; at: number; kind: HistoryEventKind; detail?: string }): boolean {
      try {
        transaction(() => event(meter(e.meterId), Math.floor(e.at / 1000), e.kind, e.detail ?? ''));
        return true;
      } catch (err) {
        fail(err);
        return false;
      }
    },
    ...queries,
    /** Expires old detail now (normally once a day while recording, and on close). */
    prune(): void {
      try {
        prune(true);
      } catch (err) {
        fail(err);
      }
    },
    close(): void {
      if (closed) return;
      try {
        prune(true);
      } catch (err) {
        fail(err);
      }
      closed = true;
      db.close();
    },
  };
  return recorder;
}

export type Recorder = ReturnType<typeof createRecorder>;
