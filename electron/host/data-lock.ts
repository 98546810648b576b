/**
 * One LuxP1 per data directory: `DIR/luxp1.lock` (mode 0600) holds the running instance's pid and,
 * once it listens, its URL. A second start on the same directory finds the first and says where it
 * runs instead of starting a second demo central on the same database. A lock whose pid is gone
 * (the host was killed with -9) is stale and taken over.
 *
 * The URL carries the per-run token: the file is as private as key.json (same directory, 0600).
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file.ts';

export interface LockHolder {
  pid: number;
  url: string | null; // null: not listening yet, or the desktop app (no URL)
  startedAt: number;
}

export interface DataDirLock {
  path: string;
  /** Records where this instance can be reached. */
  publish(url: string): Promise<void>;
  release(): Promise<void>;
}

/** Thrown by startHost when another instance holds the data directory. */
export class DataDirBusy extends Error {
  readonly holder: LockHolder;
  readonly dataDir: string;
  constructor(dataDir: string, holder: LockHolder) {
    super(
      `LuxP1 already runs on ${dataDir} (pid ${holder.pid})${holder.url ? ` at ${holder.url}` : ''}; stop it first or use another --data`,
    );
    this.holder = holder;
    this.dataDir = dataDir;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const v = JSON.parse(text) as Partial<LockHolder>;
    if (typeof v.pid !== 'number' || !Number.isSafeInteger(v.pid) || v.pid <= 0) return null;
    return { pid: v.pid, url: typeof v.url === 'string' ? v.url : null, startedAt: typeof v.startedAt === 'number' ? v.startedAt : 0 };
  } catch {
    return null;
  }
}

/** Takes the lock on `dir`, or returns who holds it. */
export async function lockDataDir(
  dir: string,
  now: number,
  pid = process.pid,
): Promise<{ ok: true; lock: DataDirLock } | { ok: false; holder: LockHolder }> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, 'luxp1.lock');
  const mine: LockHolder = { pid, url: null, startedAt: now };
  for (let attempt = 0; attempt < 3; attempt++) {
    // Written whole beside it, then linked into place: link() fails atomically if the lock exists,
    // and the lock is never seen empty (a holder killed half-way cannot block every later start).
    const tmp = `${path}.${pid}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(tmp, `${JSON.stringify(mine)}\n`, { mode: 0o600 });
    try {
      await link(tmp, path);
      return { ok: true, lock: lockHandle(path, mine) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      await rm(tmp, { force: true });
    }
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // released meanwhile
      return { ok: false, holder: { pid: 0, url: null, startedAt: 0 } }; // another user's: not ours to take
    }
    const holder = parseHolder(text);
    if (holder !== null && holder.pid !== pid && alive(holder.pid)) return { ok: false, holder };
    await rm(path, { force: true }); // stale: its process is gone, or the file is garbage
  }
  throw new Error(`cannot take the lock ${path}: another start keeps racing for it`);
}

/** Who holds `dir` now (a live process), without taking it; null when it is free or the lock is stale. */
export async function lockHolder(dir: string, pid = process.pid): Promise<LockHolder | null> {
  const text = await readFile(join(dir, 'luxp1.lock'), 'utf8').catch(() => null);
  const holder = text === null ? null : parseHolder(text);
  return holder !== null && holder.pid !== pid && alive(holder.pid) ? holder : null;
}

function lockHandle(path: string, mine: LockHolder): DataDirLock {
  let released = false;
  return {
    path,
    async publish(url) {
      if (released) return;
      await writeFileAtomic(path, `${JSON.stringify({ ...mine, url })}\n`, 0o600);
    },
    async release() {
      if (released) return;
      released = true;
      const holder = parseHolder(await readFile(path, 'utf8').catch(() => ''));
      if (holder?.pid === mine.pid) await rm(path, { force: true });
    },
  };
}
