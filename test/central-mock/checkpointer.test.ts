import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCheckpointer } from '../../central-mock/checkpointer.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('checkpointer', () => {
  it('copies committed pages into the database file from its own thread, and leaves no WAL after close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luxp1-checkpoint-'));
    dirs.push(dir);
    const file = join(dir, 'central.sqlite');
    const db = new DatabaseSync(file);
    db.exec('PRAGMA journal_mode = WAL; CREATE TABLE t (x BLOB)');
    const checkpointer = startCheckpointer(db, file); // raises the connection's own auto-checkpoint threshold
    const before = statSync(file).size;
    const insert = db.prepare('INSERT INTO t VALUES (randomblob(4000))');
    for (let i = 0; i < 200; i++) insert.run(); // ~200 pages, far below the connection's backstop: only the worker copies them
    await vi.waitFor(() => expect(statSync(file).size).toBeGreaterThan(before + 100 * 4096), { timeout: 10_000, interval: 20 });
    await checkpointer.stop();
    db.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = new DatabaseSync(file);
    expect(reopened.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 200 });
    reopened.close();
  });
});
