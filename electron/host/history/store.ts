/**
 * The history database: one SQLite file (DIR/history.sqlite, WAL) per data directory, all meters
 * keyed by meter id. Tables:
 *   meters  id ↔ meter id, where the 10-s detail starts, the state events are derived from
 *   detail  one packed blob per meter per UTC hour (block-codec.ts); key = meter·2^24 + hour index
 *   agg     quarter-hour (res 0) and local-day (res 1) sums per register, peak import W, estimate count
 *   mbus    every hourly M-Bus index once, in thousandths, with its capture time
 *   channels which M-Bus channel held which kind of device (so views need not scan mbus)
 *   events  breaker/relay/power-failure/message/series/link/key events
 * SQLite errors become HistoryError with a code and one line for people.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export const HISTORY_FILE = 'history.sqlite';
const SCHEMA_VERSION = '1';
export const HOUR_KEY_SPAN = 16_777_216; // 2^24 hours ≈ 1900 years per meter

export type HistoryErrorCode = 'CORRUPT' | 'READ_ONLY' | 'FULL' | 'BUSY' | 'IO' | 'VERSION' | 'UNKNOWN_METER' | 'BAD_REQUEST';

export class HistoryError extends Error {
  readonly code: HistoryErrorCode;
  constructor(code: HistoryErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = 'HistoryError';
  }
}

export function historyPath(dataDir: string): string {
  return join(dataDir, HISTORY_FILE);
}

/** Maps a node:sqlite or fs error to a HistoryError that says what happened to `path`. */
export function toHistoryError(err: unknown, path: string): HistoryError {
  if (err instanceof HistoryError) return err;
  const e = err as { errcode?: number; code?: string; message?: string };
  const primary = typeof e.errcode === 'number' ? e.errcode & 0xff : -1;
  const what = `history database ${path}`;
  if (primary === 13)
    return new HistoryError('FULL', `${what}: disk or size limit full; nothing stored was lost, new readings are not recorded`);
  if (primary === 8 || e.code === 'EACCES' || e.code === 'EROFS') return new HistoryError('READ_ONLY', `${what}: read-only, cannot record`);
  if (primary === 11 || primary === 26)
    return new HistoryError('CORRUPT', `${what}: not a LuxP1 history database or damaged; left untouched`);
  if (primary === 5 || primary === 6) return new HistoryError('BUSY', `${what}: locked by another process`);
  return new HistoryError('IO', `${what}: ${(e.message ?? String(err)).split('\n')[0]}`);
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meters (id INTEGER PRIMARY KEY, meter_id TEXT NOT NULL UNIQUE, detail_from INTEGER NOT NULL DEFAULT 0, state TEXT);
CREATE TABLE IF NOT EXISTS detail (key INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS agg (meter INTEGER NOT NULL, res INTEGER NOT NULL, start INTEGER NOT NULL,
  imp INTEGER NOT NULL, exp INTEGER NOT NULL, imp_r INTEGER NOT NULL, exp_r INTEGER NOT NULL,
  peak INTEGER NOT NULL, est INTEGER NOT NULL, PRIMARY KEY (meter, res, start)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS mbus (meter INTEGER NOT NULL, channel INTEGER NOT NULL, captured INTEGER NOT NULL,
  kind TEXT NOT NULL, unit TEXT NOT NULL, milli INTEGER NOT NULL, PRIMARY KEY (meter, channel, captured)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS channels (meter INTEGER NOT NULL, channel INTEGER NOT NULL, kind TEXT NOT NULL, unit TEXT NOT NULL,
  PRIMARY KEY (meter, channel, kind)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events (meter INTEGER NOT NULL, at INTEGER NOT NULL, kind TEXT NOT NULL, detail TEXT NOT NULL,
  PRIMARY KEY (meter, at, kind, detail)) WITHOUT ROWID;
`;

export interface OpenOptions {
  readOnly?: boolean;
  maxBytes?: number; // a size cap (SQLite max_page_count); writes beyond it fail as FULL
}

/** Opens (creating when writable) the database at `path`; throws HistoryError. Never rewrites a foreign file. */
export function openHistoryDb(path: string, opts: OpenOptions = {}): DatabaseSync {
  let db: DatabaseSync | undefined;
  try {
    if (!opts.readOnly) mkdirSync(dirname(path), { recursive: true });
    db = new DatabaseSync(path, { readOnly: opts.readOnly === true, timeout: 2000 });
    // Reading the schema first fails fast on a file that is not a database, before anything is written.
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    const hasMeta = tables.some((t) => t.name === 'meta');
    if (tables.length > 0 && !hasMeta)
      throw new HistoryError('CORRUPT', `history database ${path}: holds other tables, not a LuxP1 history; left untouched`);
    if (hasMeta) {
      const v = db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value: string } | undefined;
      if (v?.value !== SCHEMA_VERSION)
        throw new HistoryError('VERSION', `history database ${path}: schema ${v?.value ?? '?'} is not ${SCHEMA_VERSION}; left untouched`);
    }
    if (!opts.readOnly) {
      db.exec('PRAGMA journal_mode = WAL');
      // FULL: a commit is on disk when it returns, so a power cut loses at most the telegram being written.
      db.exec('PRAGMA synchronous = FULL');
      if (opts.maxBytes !== undefined) {
        const pageSize = (db.prepare('PRAGMA page_size').get() as { page_size: number }).page_size;
        db.exec(`PRAGMA max_page_count = ${Math.max(1, Math.floor(opts.maxBytes / pageSize))}`);
      }
      if (!hasMeta) {
        db.exec(`BEGIN; ${SCHEMA} INSERT INTO meta (key, value) VALUES ('schema', '${SCHEMA_VERSION}'); COMMIT;`);
      }
    }
    return db;
  } catch (err) {
    try {
      db?.close();
    } catch {
      // already failing: the first error is the one to report
    }
    throw toHistoryError(err, path);
  }
}
