/**
 * The central system's state: one SQLite file (DIR/central.sqlite, WAL) opened with node:sqlite,
 * plus the keyring unlocked by the master key. Meters and their M-Bus devices live here; pairing,
 * staff tokens and the audit log prepare their own statements on `store.db`.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createKeyring, loadMasterKey, sameHash, type Keyring } from './keys.ts';
import { presetFields } from './fields.ts';
import { emptyMessages, type CentralMeter, type MbusDevice, type MbusRow, type MeterRow, type Preset } from './meter.ts';
import { migrate } from './store-schema.ts';
import { SYSTEM_TITLE } from './validate.ts';
import type { ControlState, MbusMedium, MessageChannel } from '../protocol/index.ts';

export type StoreErrorCode = 'BAD_MASTER_KEY' | 'MASTER_KEY_MISSING' | 'MASTER_KEY_MISMATCH' | 'DATABASE_MISSING';
export type StoreError = { code: StoreErrorCode; message: string };

export interface StoreOptions {
  dir: string;
  masterKeyEnv?: string | undefined; // LUXP1_MASTER_KEY
  now?: () => number; // ms since epoch; injectable so lockouts can be tested
  existingOnly?: boolean; // tools that manage a central (token CLI): never create one
}

/** A new meter's settings; `sealedKey` is the port key already sealed for `meterId`. */
export interface NewMeter {
  meterId: string;
  systemTitle: string;
  sealedKey: Uint8Array;
  encryption: boolean;
  preset: Preset;
  fields: string[] | null;
}

export interface Store {
  readonly db: DatabaseSync;
  readonly keyring: Keyring;
  readonly dir: string;
  now(): number;
  iso(): string;
  /** Runs `fn` in one transaction (nested calls join the outer one). */
  tx<T>(fn: () => T): T;
  count(): number;
  /** Looks a meter up by meter id or by system title (either case). */
  find(ref: string): MeterRow | undefined;
  view(row: MeterRow): CentralMeter;
  list(offset: number, limit: number): CentralMeter[];
  insert(m: NewMeter): MeterRow;
  /** Like insert, returning only the new row's id (bulk provisioning). */
  insertId(m: NewMeter, at: string): number;
  /** Writes back a row's mutable settings (everything but ids, key and creation time). */
  save(row: MeterRow): void;
  saveKey(row: MeterRow, sealedKey: Uint8Array): void;
  putMbus(row: MeterRow, d: MbusDevice): void;
  deleteMbus(row: MeterRow, channel: number): boolean;
  close(): void;
}

const DEFAULTS = { powerLimitKva: 27.6, breaker: 'connected', relay: 'disconnected' } as const;

/** Opens (creating if needed) the store in `opts.dir`; a wrong or missing master key is an error value, and nothing is written then. */
export function openStore(opts: StoreOptions): { ok: true; store: Store; masterCreated: boolean } | { ok: false; error: StoreError } {
  mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
  const file = join(opts.dir, 'central.sqlite');
  const missing = missingDatabase(opts.dir, file, opts.existingOnly ?? false);
  if (missing) return { ok: false, error: missing };
  ownerOnly(file);
  const db = new DatabaseSync(file);
  let unlocked: ReturnType<typeof unlock>;
  try {
    unlocked = unlock(db, opts);
  } catch (err) {
    db.close(); // a failed migration (or a schema from a newer version) must not leave the file open
    throw err;
  }
  if (!unlocked.ok) {
    db.close();
    return unlocked;
  }
  return { ok: true, store: createStore(db, unlocked.keyring, opts), masterCreated: unlocked.created };
}

const sizeOf = (f: string) => (existsSync(f) ? statSync(f).size : 0);

/**
 * A directory that held a central (its master key or staff token is there) but whose database is
 * gone or empty (a lost volume, a bad restore) must not silently become a new, empty system with a
 * new staff token: that would drop every meter and key without a word. (In WAL mode a young
 * database may live in its -wal file alone, so both count.)
 */
function missingDatabase(dir: string, file: string, existingOnly: boolean): StoreError | null {
  if (sizeOf(file) > 0 || sizeOf(`${file}-wal`) > 0) return null;
  if (existingOnly) return { code: 'DATABASE_MISSING', message: `central: no central system in ${dir} (no ${file}); see --data` };
  const left = ['master.key', 'staff.token'].filter((f) => existsSync(join(dir, f)));
  if (left.length === 0) return null;
  return {
    code: 'DATABASE_MISSING',
    message: `central: ${file} is missing or empty, but ${left.join(' and ')} in ${dir} show a central system was here: restore central.sqlite from a backup; to start a new, empty system on purpose, move ${left.join(' and ')} out of ${dir} first. Nothing was changed`,
  };
}

/**
 * Makes the database file (and a WAL or shared-memory file left from an unclean stop) readable by
 * the owner only, creating it empty if it is new: it holds sealed keys, code hashes and the audit log.
 * SQLite gives the -wal and -shm files it creates later the database file's mode.
 */
function ownerOnly(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(f) && (statSync(f).mode & 0o077) !== 0) chmodSync(f, 0o600);
  }
}

function unlock(db: DatabaseSync, opts: StoreOptions): { ok: true; keyring: Keyring; created: boolean } | { ok: false; error: StoreError } {
  const src = { dir: opts.dir, env: opts.masterKeyEnv };
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'meta'").get() !== undefined;
  const check = hasMeta
    ? (db.prepare("SELECT value FROM meta WHERE name = 'master_check'").get() as { value: Uint8Array } | undefined)
    : undefined;
  const loaded = loadMasterKey(src, check === undefined);
  if (loaded === null) {
    return {
      ok: false,
      error: {
        code: 'MASTER_KEY_MISSING',
        message: `central: ${join(opts.dir, 'central.sqlite')} needs the master key it was created with: restore ${join(opts.dir, 'master.key')} or set LUXP1_MASTER_KEY`,
      },
    };
  }
  if (!loaded.ok) return { ok: false, error: { code: loaded.error.code, message: `central: ${loaded.error.message}` } };
  const keyring = createKeyring(loaded.key);
  loaded.key.fill(0);
  if (check !== undefined && !sameHash(check.value, keyring.checkValue())) {
    return {
      ok: false,
      error: {
        code: 'MASTER_KEY_MISMATCH',
        message: `central: the master key does not match ${join(opts.dir, 'central.sqlite')} (wrong LUXP1_MASTER_KEY or master.key?); nothing was changed`,
      },
    };
  }
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000');
  migrate(db);
  if (check === undefined) db.prepare("INSERT INTO meta (name, value) VALUES ('master_check', ?)").run(keyring.checkValue());
  return { ok: true, keyring, created: loaded.created };
}

function createStore(db: DatabaseSync, keyring: Keyring, opts: StoreOptions): Store {
  const now = opts.now ?? Date.now;
  const q = prepareAll(db);
  let depth = 0;
  // count(*) walks the whole table (tens of ms at a million meters) and /api/health asks on every
  // call, so the count is kept here: meters are only ever inserted, and a rollback forgets it.
  let meters: number | null = null;
  const store: Store = {
    db,
    keyring,
    dir: opts.dir,
    now,
    iso: () => new Date(now()).toISOString(),
    tx(fn) {
      if (depth > 0) return fn();
      depth++;
      db.exec('BEGIN IMMEDIATE');
      try {
        const out = fn();
        db.exec('COMMIT');
        return out;
      } catch (err) {
        meters = null;
        // SQLite has already rolled back on a full disk or an I/O error; a second ROLLBACK would
        // replace the real error with "cannot rollback - no transaction is active".
        if (db.isTransaction) db.exec('ROLLBACK');
        throw err;
      } finally {
        depth--;
      }
    },
    count: () => (meters ??= (q.count.get() as { n: number }).n),
    // Only a ref shaped like a system title can be one: every other ref needs just the meter-id index.
    find: (ref) => (SYSTEM_TITLE.test(ref) ? q.find.get(ref, ref.toUpperCase()) : q.byMeterId.get(ref)) as MeterRow | undefined,
    view: (row) => toView(row, q.mbusOf.all(row.id) as unknown as MbusRow[]),
    list: (offset, limit) => (q.page.all(limit, offset) as unknown as MeterRow[]).map((r) => store.view(r)),
    insert(m) {
      return q.byId.get(store.insertId(m, store.iso())) as unknown as MeterRow;
    },
    insertId(m, at) {
      const { lastInsertRowid } = q.insert.run(
        m.meterId,
        m.systemTitle,
        m.sealedKey,
        m.encryption ? 1 : 0,
        m.preset,
        m.fields === null ? null : JSON.stringify(m.fields),
        DEFAULTS.powerLimitKva,
        DEFAULTS.breaker,
        DEFAULTS.relay,
        DEFAULTS.relay,
        at,
        at,
      );
      if (meters !== null) meters++;
      return Number(lastInsertRowid);
    },
    save(row) {
      row.updated_at = store.iso();
      q.save.run(
        row.encryption,
        row.preset,
        row.fields,
        row.power_limit_kva,
        row.breaker,
        row.relay1,
        row.relay2,
        row.messages,
        row.frame_counter,
        row.updated_at,
        row.id,
      );
    },
    saveKey(row, sealedKey) {
      row.updated_at = store.iso();
      q.saveKey.run(sealedKey, row.key_version, row.updated_at, row.id);
    },
    putMbus: (row, d) => void q.putMbus.run(row.id, d.channel, d.kind, d.deviceType, d.equipmentId, d.unit, d.valve),
    deleteMbus: (row, channel) => Number(q.deleteMbus.run(row.id, channel).changes) > 0,
    close: () => db.close(),
  };
  return store;
}

function prepareAll(db: DatabaseSync) {
  return {
    count: db.prepare('SELECT count(*) AS n FROM meters'),
    find: db.prepare('SELECT * FROM meters WHERE meter_id = ? OR system_title = ?'),
    byId: db.prepare('SELECT * FROM meters WHERE id = ?'),
    byMeterId: db.prepare('SELECT * FROM meters WHERE meter_id = ?'),
    page: db.prepare('SELECT * FROM meters ORDER BY id LIMIT ? OFFSET ?'),
    mbusOf: db.prepare('SELECT channel, kind, device_type, equipment_id, unit, valve FROM mbus WHERE meter = ? ORDER BY channel'),
    insert:
      db.prepare(`INSERT INTO meters (meter_id, system_title, sealed_key, key_version, encryption, preset, fields, power_limit_kva, breaker, relay1, relay2, created_at, updated_at)
      VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    save: db.prepare(`UPDATE meters SET encryption = ?, preset = ?, fields = ?, power_limit_kva = ?, breaker = ?, relay1 = ?, relay2 = ?,
      messages = ?, frame_counter = ?, updated_at = ? WHERE id = ?`),
    saveKey: db.prepare('UPDATE meters SET sealed_key = ?, key_version = ?, frame_counter = 0, updated_at = ? WHERE id = ?'),
    putMbus: db.prepare(
      'INSERT OR REPLACE INTO mbus (meter, channel, kind, device_type, equipment_id, unit, valve) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    deleteMbus: db.prepare('DELETE FROM mbus WHERE meter = ? AND channel = ?'),
  };
}

function toView(row: MeterRow, mbus: MbusRow[]): CentralMeter {
  const preset = row.preset as Preset;
  return {
    meterId: row.meter_id,
    systemTitle: row.system_title,
    encryption: row.encryption === 1,
    fields: row.fields !== null ? (JSON.parse(row.fields) as string[]) : presetFields(preset === 'full' ? 'full' : 'basic'),
    preset,
    powerLimitKva: row.power_limit_kva,
    breaker: row.breaker as ControlState,
    relays: { relay1: row.relay1 as ControlState, relay2: row.relay2 as ControlState },
    messages: row.messages !== null ? (JSON.parse(row.messages) as Record<MessageChannel, string>) : emptyMessages(),
    mbus: mbus.map((m) => ({
      channel: m.channel,
      kind: m.kind as MbusMedium,
      deviceType: m.device_type,
      equipmentId: m.equipment_id,
      unit: m.unit,
      valve: m.valve as ControlState,
    })),
    keyVersion: row.key_version,
    frameCounter: row.frame_counter,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A write that failed for lack of space or an I/O error: the caller answers 503, not 500. */
export function storageFailure(err: unknown): 'full' | 'io' | null {
  const code = (err as { errcode?: unknown }).errcode;
  if (typeof code !== 'number') return null;
  if ((code & 0xff) === 13) return 'full'; // SQLITE_FULL
  if ((code & 0xff) === 10) return 'io'; // SQLITE_IOERR
  return null;
}
