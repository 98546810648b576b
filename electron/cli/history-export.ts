/**
 * `luxp1 history export`: one meter's series as CSV (RFC 4180, header line) or NDJSON, streamed in
 * batches so three years of 10-s records never sit in memory. Reads the database read-only.
 */
import { existsSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { HISTORY_KINDS, HISTORY_STEPS, historyCsv } from '../../contracts/history.ts';
import type { HistoryKind, HistoryStep } from '../../contracts/history.ts';
import { parseLuxTime } from '../host/history/lux-calendar.ts';
import { createQueries } from '../host/history/queries.ts';
import { HistoryError, historyPath, openHistoryDb } from '../host/history/store.ts';
import { UsageError } from './decode.ts';
import { dataDir, parseFlags } from './history.ts';

const FOREVER = Date.parse('9999-12-31T00:00:00Z');

function oneOf<T extends string>(flag: string, value: unknown, allowed: readonly T[], fallback?: T): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if (value === undefined) throw new UsageError(`--${flag} is required: ${allowed.join('|')}`);
  if (!allowed.includes(value as T)) throw new UsageError(`--${flag} must be one of ${allowed.join('|')}, got ${JSON.stringify(value)}`);
  return value as T;
}

function time(flag: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const ms = parseLuxTime(String(value));
  if (Number.isNaN(ms))
    throw new UsageError(
      `--${flag} must be an ISO 8601 date or time (2026-03-29, 2026-03-29T02:00:00+01:00), got ${JSON.stringify(value)}`,
    );
  return ms;
}

/** Writes to stdout, waiting when the pipe is full; `closed` once the reader has gone (EPIPE). */
function stdoutWriter() {
  let closed = false;
  process.stdout.on('error', () => {
    closed = true;
  });
  return {
    get closed() {
      return closed;
    },
    async write(text: string): Promise<void> {
      if (closed || text === '' || process.stdout.write(text)) return;
      await new Promise<void>((resolve) => {
        const settle = () => {
          for (const name of ['drain', 'error', 'close'] as const) process.stdout.off(name, settle);
          resolve();
        };
        for (const name of ['drain', 'error', 'close'] as const) process.stdout.on(name, settle);
      });
    },
  };
}

export async function runExport(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    meter: { type: 'string' },
    step: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    kind: { type: 'string' },
    format: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
  const dir = dataDir(values.data);
  const step = oneOf<HistoryStep>('step', values.step, HISTORY_STEPS);
  const kind = oneOf<HistoryKind>('kind', values.kind, HISTORY_KINDS, 'electricity');
  const format = oneOf('format', values.format, ['csv', 'ndjson'] as const, 'csv');
  const from = time('from', values.from, 0);
  const to = time('to', values.to, FOREVER);
  if (to < from) throw new UsageError(`--to ${values.to} is before --from ${values.from}`);
  if (values.meter === '') throw new UsageError('--meter must name a meter id');

  const path = historyPath(dir);
  if (!existsSync(path)) throw new UsageError(`no history in ${dir}: nothing recorded or imported yet`);
  let db: DatabaseSync;
  try {
    db = openHistoryDb(path, { readOnly: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  try {
    const queries = createQueries(db, path, Number.NaN);
    const ids = queries.meters().map((m) => m.meterId);
    let meterId = values.meter as string | undefined;
    if (meterId === undefined) {
      if (ids.length !== 1)
        throw new UsageError(ids.length === 0 ? `no meter in ${path} yet` : `several meters (${ids.join(', ')}): choose one with --meter`);
      meterId = ids[0]!;
    } else if (!ids.includes(meterId)) {
      throw new UsageError(`unknown meter ${JSON.stringify(meterId)}; known: ${ids.join(', ') || 'none'}`);
    }
    const out = stdoutWriter();
    if (format === 'csv') await out.write(historyCsv(kind, []));
    for (const batch of queries.iterateSeries({ meterId, kind, step, from, to })) {
      if (out.closed) break;
      await out.write(format === 'csv' ? historyCsv(kind, batch, false) : batch.map((r) => `${JSON.stringify(r)}\n`).join(''));
    }
    return 0;
  } catch (err) {
    if (err instanceof HistoryError && (err.code === 'UNKNOWN_METER' || err.code === 'BAD_REQUEST')) throw new UsageError(err.message);
    if (err instanceof UsageError) throw err;
    process.stderr.write(`luxp1 history: export failed: ${(err as Error).message}\n`);
    return 1;
  } finally {
    db.close();
  }
}
