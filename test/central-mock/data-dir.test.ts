/**
 * Issue 9, "Nothing lost, nothing silently reset": one central per data directory (a lock that a
 * kill -9 does not leave stuck), no silent new system over a lost database, and a full disk answered
 * with 503 and one log line (simulated with SQLite's PRAGMA max_page_count: the database cannot grow,
 * exactly what a full disk does to it; no tmpfs can be mounted here).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startCentral } from '../../central-mock/server.ts';
import { startHarness } from './helpers.ts';

const dirs: string[] = [];
const children: ChildProcess[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'luxp1-central-dir-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const ARGS = ['electron/cli/luxp1.ts', 'central', '--listen', '127.0.0.1:0'];
const ENV = { ...process.env, LUXP1_MASTER_KEY: '' };

/** Runs a command to its end. (Not spawnSync: after one, a child spawned later in this worker died of SIGTERM before its handler ran.) */
function runToEnd(args: string[]): Promise<{ status: number | null; stderr: string }> {
  const child = spawn('node_modules/.bin/node', args, { stdio: ['ignore', 'ignore', 'pipe'], env: ENV });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stderr })));
}

/** `luxp1 central --data dir` until it listens. */
function startProcess(dir: string): Promise<{ child: ChildProcess; out: () => string }> {
  const child = spawn('node_modules/.bin/node', [...ARGS, '--data', dir], { stdio: ['ignore', 'pipe', 'pipe'], env: ENV });
  children.push(child);
  let out = '';
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (/listening on/.test(out)) resolve({ child, out: () => out });
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

describe('the data directory lock', () => {
  it('refuses a second central on the same directory, and takes over the lock of a kill -9', async () => {
    const dir = tempDir();
    const first = await startProcess(dir);
    const second = await runToEnd([...ARGS, '--data', dir]);
    expect(second.status).toBe(1);
    expect(second.stderr).toBe(
      `central: ${dir} is in use by another central system (pid ${first.child.pid}); stop it first, or use another --data directory\n`,
    );
    const killed = new Promise((r) => first.child.once('exit', r));
    first.child.kill('SIGKILL');
    await killed;
    expect(existsSync(join(dir, 'central.lock'))).toBe(true); // left behind, as after any crash
    const third = await startProcess(dir);
    expect(third.out()).toContain(`central: took over a stale lock on ${dir} (pid ${first.child.pid} is gone`);
    const stopped = new Promise((r) => third.child.once('exit', (code, sig) => r(code ?? sig)));
    third.child.kill('SIGTERM');
    expect(await stopped, third.out()).toBe(0);
    expect(existsSync(join(dir, 'central.lock'))).toBe(false); // a clean stop removes it
  });

  it('refuses a second central in the same process too, and frees the lock when a start fails', async () => {
    const dir = tempDir();
    const a = await startCentral({ dataDir: dir, port: 0, log: () => {} });
    await expect(startCentral({ dataDir: dir, port: 0, log: () => {} })).rejects.toMatchObject({ code: 'DATA_DIR_IN_USE' });
    await a.close();
    await expect(startCentral({ dataDir: dir, port: 0, masterKeyEnv: 'ab'.repeat(32), log: () => {} })).rejects.toMatchObject({
      code: 'MASTER_KEY_MISMATCH',
    });
    const b = await startCentral({ dataDir: dir, port: 0, log: () => {} });
    await b.close();
  });
});

describe('a lost database', () => {
  it('is never silently replaced by a new, empty system when master.key is still there', async () => {
    const h = await startHarness({ seed: 'demo' });
    const token = h.central.staffToken;
    await h.central.close();
    for (const f of ['central.sqlite', 'central.sqlite-wal', 'central.sqlite-shm']) rmSync(join(h.dir, f), { force: true });
    writeFileSync(join(h.dir, 'central.sqlite'), ''); // e.g. a restore that left an empty file
    const err = await h.restart().catch((e: Error & { code?: string }) => e);
    expect(err).toMatchObject({ code: 'DATABASE_MISSING' });
    expect((err as Error).message).toMatch(
      /central\.sqlite is missing or empty, but master\.key and staff\.token .* restore central\.sqlite from a backup/,
    );
    expect(statSync(join(h.dir, 'central.sqlite')).size).toBe(0); // nothing was changed
    expect(readFileSync(join(h.dir, 'staff.token'), 'utf8').trim()).toBe(token);
    // the way out the message names: move the old key material away, then a new system starts
    rmSync(join(h.dir, 'master.key'));
    rmSync(join(h.dir, 'staff.token'));
    await h.restart();
    expect(h.central.staffTokenCreated).toBe(true);
    await h.stop();
  });

  it('says the same from the command line, with exit code 1', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'master.key'), `${'ab'.repeat(32)}\n`, { mode: 0o600 });
    const r = await runToEnd([...ARGS, '--data', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^central: .*central\.sqlite is missing or empty, but master\.key in .* Nothing was changed\n$/);
    expect(existsSync(join(dir, 'central.sqlite'))).toBe(false);
  });
});

describe('a full disk', () => {
  it('answers 503 STORAGE_FULL with one log line, keeps what was saved, and works again once there is room', async () => {
    const h = await startHarness({ seed: 'demo' });
    const db = h.central.store.db;
    const { page_count } = db.prepare('PRAGMA page_count').get() as { page_count: number };
    db.exec(`PRAGMA max_page_count = ${page_count}`);
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof h.call>> | undefined;
    for (let i = 0; i < 200 && refused === undefined; i++) {
      const r = await h.call('POST', '/api/meters', {});
      statuses.push(r.status);
      if (r.status !== 201) refused = r;
    }
    expect(refused).toMatchObject({ status: 503, body: { error: 'STORAGE_FULL', message: expect.stringContaining('disk is full') } });
    expect(refused!.headers.get('retry-after')).toBe('60');
    const created = statuses.filter((s) => s === 201).length;
    for (let i = 0; i < 5; i++)
      expect((await h.call('PATCH', '/api/meters/SAG1030700012701', { messages: undefined, powerLimitKva: 9 + i })).status).toBeOneOf([
        200, 503,
      ]);
    for (let i = 0; i < 5; i++) expect((await h.call('POST', '/api/meters', {})).status).toBe(503);
    expect(h.logs.filter((l) => /cannot write .*central\.sqlite: the disk \(or the database\) is full/.test(l))).toHaveLength(1);
    expect(h.logs.join('\n')).not.toMatch(/cannot rollback|internal error/);
    expect((await h.call('GET', '/api/health', undefined, false)).body.meters).toBe(1 + created); // nothing half-written
    db.exec('PRAGMA max_page_count = 1073741823');
    expect((await h.call('POST', '/api/meters', {})).status).toBe(201);
    await h.restart();
    expect((await h.call('GET', '/api/health', undefined, false)).body.meters).toBe(2 + created);
    await h.stop();
  });
});

describe('--exit-with-parent', () => {
  it('stops cleanly, releasing the data directory, when its parent is killed with SIGKILL', async () => {
    const dir = tempDir();
    // sh is the parent; the central's stdout stays open to us until the central itself exits
    const sh = spawn('sh', ['-c', `node_modules/.bin/node ${ARGS.join(' ')} --data ${dir} --exit-with-parent & wait`], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: ENV,
    });
    children.push(sh);
    let out = '';
    sh.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    const closed = Promise.all([sh.stdout!, sh.stderr!].map((p) => new Promise((r) => p.once('close', r))));
    await new Promise<void>((resolve) =>
      sh.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        if (/listening on/.test(out)) resolve();
      }),
    );
    expect(existsSync(join(dir, 'central.lock'))).toBe(true);
    sh.kill('SIGKILL');
    await closed; // the orphaned central closed its ends of the pipes: it has exited
    expect(out).toMatch(/central: the parent process \d+ is gone; stopping\n/);
    expect(existsSync(join(dir, 'central.lock'))).toBe(false);
  });
});
