/**
 * The recorder for the running host: `record` hands the telegram to a writer thread
 * (writer-worker.ts) and returns at once, so the event loop never waits for the disk, while each
 * telegram is still committed durably on its own. Queries run here on a second connection (WAL lets
 * it read while the writer writes). Opening checks the database first, synchronously, so a damaged
 * or foreign file is a HistoryError at creation, as with createRecorder.
 */
import { Worker } from 'node:worker_threads';
import type { ReadingRecord } from '../../../contracts/ipc.ts';
import type { HistoryEventKind } from '../../../contracts/history.ts';
import { createQueries } from './queries.ts';
import { HistoryError, openHistoryDb, toHistoryError } from './store.ts';
import type { HistoryErrorCode } from './store.ts';
import type { WriterCommand, WriterData, WriterMessage, WriterReply } from './writer-worker.ts';

const BATCH = 2_000; // telegrams per transaction in recordMany: a few tens of ms of the writer's time each

export interface LiveRecorderOptions {
  path: string;
  clock?: { now(): number };
  detailRetentionDays?: number;
  maxBytes?: number;
  onError?: (err: HistoryError) => void;
}

export function createLiveRecorder(opts: LiveRecorderOptions) {
  const clock = opts.clock ?? { now: () => Date.now() };
  const db = openHistoryDb(opts.path, { maxBytes: opts.maxBytes }); // creates the schema, or throws
  const raw = createQueries(db, opts.path, opts.detailRetentionDays ?? 400);
  const data: WriterData = { path: opts.path, now: clock.now(), detailRetentionDays: opts.detailRetentionDays, maxBytes: opts.maxBytes };
  const worker = new Worker(new URL('./writer-worker.ts', import.meta.url), { workerData: data });
  const waiting = new Map<number, () => void>();
  let nextId = 1;
  let closed = false;
  let closing: Promise<void> | null = null;

  const report = (err: HistoryError) => opts.onError?.(err);
  worker.on('message', (r: WriterReply) => {
    if (r.type === 'error') report(new HistoryError(r.code as HistoryErrorCode, r.message));
    else if (r.type === 'flushed') {
      waiting.get(r.id)?.();
      waiting.delete(r.id);
    }
  });
  worker.on('error', (err) => report(toHistoryError(err, opts.path)));
  worker.on('exit', () => {
    closed = true;
    for (const resolve of waiting.values()) resolve();
    waiting.clear();
  });

  const post = (m: WriterCommand): boolean => {
    if (closed || closing) return false;
    worker.postMessage({ ...m, now: clock.now() } satisfies WriterMessage);
    return true;
  };
  const guard =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      try {
        return fn(...args);
      } catch (err) {
        throw toHistoryError(err, opts.path);
      }
    };

  return {
    path: opts.path,
    /** Queues one verified telegram; returns at once. False once the recorder is closing. */
    record(reading: ReadingRecord): boolean {
      return post({ type: 'record', reading });
    },
    /** Queues many telegrams, committed a batch at a time (thousands, not one fsync each); returns at once. */
    recordMany(readings: readonly ReadingRecord[]): boolean {
      for (let i = 0; i < readings.length; i += BATCH) if (!post({ type: 'records', readings: readings.slice(i, i + BATCH) })) return false;
      return true;
    },
    recordEvent(event: { meterId: string; at: number; kind: HistoryEventKind; detail?: string }): boolean {
      return post({ type: 'event', event });
    },
    /** Resolves when everything queued before it is committed. */
    flush(): Promise<void> {
      const id = nextId++;
      return new Promise<void>((resolve) => {
        waiting.set(id, resolve);
        if (!post({ type: 'flush', id })) {
          waiting.delete(id);
          resolve();
        }
      });
    },
    iterateSeries: raw.iterateSeries,
    series: guard(raw.series),
    power: guard(raw.power),
    meters: guard(raw.meters),
    events: guard(raw.events),
    sizeBytes: guard(raw.sizeBytes),
    info: guard(raw.info),
    /** Writes what is queued, then closes both connections. */
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        const done = () => {
          db.close();
          resolve();
        };
        if (closed) done();
        else {
          worker.once('exit', done);
          worker.postMessage({ type: 'close', now: clock.now() });
        }
      });
      return closing;
    },
  };
}

export type LiveRecorder = ReturnType<typeof createLiveRecorder>;
