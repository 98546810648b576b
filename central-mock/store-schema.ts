/**
 * The central system's SQLite schema, as migrations applied in order and tracked in
 * `PRAGMA user_version`. Never edit a released migration: append a new one.
 *
 * Size matters at a million meters: field lists and messages are NULL unless they differ from the
 * defaults (preset list, empty text), and customers share the meter's rowid instead of a second index.
 */
import type { DatabaseSync } from 'node:sqlite';

const MIGRATIONS: readonly string[] = [
  // 1: meters, their M-Bus devices, customers (pairing), staff tokens, audit log and events.
  `CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB NOT NULL) STRICT;
   CREATE TABLE meters (
     id INTEGER PRIMARY KEY,
     meter_id TEXT NOT NULL UNIQUE,
     system_title TEXT NOT NULL UNIQUE,
     sealed_key BLOB NOT NULL,
     key_version INTEGER NOT NULL,
     encryption INTEGER NOT NULL,
     preset TEXT NOT NULL,
     fields TEXT,
     power_limit_kva REAL NOT NULL,
     breaker TEXT NOT NULL,
     relay1 TEXT NOT NULL,
     relay2 TEXT NOT NULL,
     messages TEXT,
     frame_counter INTEGER NOT NULL DEFAULT 0,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   ) STRICT;
   CREATE TABLE mbus (
     meter INTEGER NOT NULL REFERENCES meters(id),
     channel INTEGER NOT NULL,
     kind TEXT NOT NULL,
     device_type INTEGER NOT NULL,
     equipment_id TEXT,
     unit TEXT NOT NULL,
     valve TEXT NOT NULL,
     PRIMARY KEY (meter, channel)
   ) STRICT, WITHOUT ROWID;
   CREATE TABLE customers (
     meter INTEGER PRIMARY KEY REFERENCES meters(id),
     code_hash BLOB NOT NULL,
     failures INTEGER NOT NULL DEFAULT 0,
     locked_until INTEGER,
     code_set_at TEXT NOT NULL
   ) STRICT;
   CREATE TABLE staff_tokens (
     id INTEGER PRIMARY KEY,
     token_hash BLOB NOT NULL UNIQUE,
     label TEXT NOT NULL,
     created_at TEXT NOT NULL
   ) STRICT;
   CREATE TABLE audit (
     id INTEGER PRIMARY KEY,
     meter INTEGER NOT NULL,
     at TEXT NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     before TEXT,
     after TEXT
   ) STRICT;
   CREATE INDEX audit_by_meter ON audit (meter, id);
   CREATE TABLE events (
     id INTEGER PRIMARY KEY,
     meter INTEGER NOT NULL,
     at TEXT NOT NULL,
     type TEXT NOT NULL,
     detail TEXT NOT NULL
   ) STRICT;
   CREATE INDEX events_by_meter ON events (meter, id);`,
  // 2: what a simulated meter must never reuse or go below across restarts (frame counters reserved
  // per key version, register high-water marks), and revocable staff tokens.
  `CREATE TABLE port_state (
     meter INTEGER PRIMARY KEY REFERENCES meters(id),
     key_version INTEGER NOT NULL,
     counter_next INTEGER NOT NULL,
     registers TEXT NOT NULL
   ) STRICT;
   ALTER TABLE staff_tokens ADD COLUMN revoked_at TEXT;`,
];

/** Brings `db` to the latest schema version inside one transaction per migration. */
export function migrate(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  let version = row.user_version;
  if (version > MIGRATIONS.length) {
    throw new Error(`central: database schema version ${version} is newer than this program (${MIGRATIONS.length})`);
  }
  for (; version < MIGRATIONS.length; version++) {
    db.exec('BEGIN');
    try {
      db.exec(MIGRATIONS[version]!);
      db.exec(`PRAGMA user_version = ${version + 1}`);
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw err;
    }
  }
  return version;
}
