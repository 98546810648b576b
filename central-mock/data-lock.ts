/**
 * One central per data directory: DIR/central.lock holds the owner's pid and boot id. Two servers on
 * one SQLite file would each hand out the same frame-counter blocks and overwrite each other's
 * settings, so a second start refuses with one line naming the owner. A lock whose process is gone
 * (kill -9, a crash) or that was written before the last reboot is stale and taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DataLock {
  /** Set when a stale lock was taken over: the pid that had left it. */
  readonly tookOverFrom: number | null;
  release(): void;
}

const held = new Set<string>(); // lock files this process holds (in-process tests start centrals too)

function bootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return ''; // not Linux: the pid check alone
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/** Takes DIR's lock, or says who holds it. */
export function lockDataDir(dir: string): { ok: true; lock: DataLock } | { ok: false; message: string } {
  const file = join(dir, 'central.lock');
  const boot = bootId();
  let tookOverFrom: number | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${JSON.stringify({ pid: process.pid, boot })}\n`, { flag: 'wx', mode: 0o600 });
      held.add(file);
      return {
        ok: true,
        lock: {
          tookOverFrom,
          release() {
            if (!held.delete(file)) return;
            rmSync(file, { force: true });
          },
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        return { ok: false, message: `central: cannot create ${file}: ${(e as Error).message}` };
      }
    }
    let owner: { pid?: unknown; boot?: unknown } = {};
    try {
      owner = JSON.parse(readFileSync(file, 'utf8')) as typeof owner;
    } catch {
      // unreadable or half-written: treated as stale below
    }
    const pid = Number.isSafeInteger(owner.pid) ? (owner.pid as number) : 0;
    const sameBoot = boot === '' || owner.boot === boot;
    const ours = pid === process.pid && held.has(file);
    if (pid > 0 && sameBoot && (ours || (pid !== process.pid && alive(pid)))) {
      return {
        ok: false,
        message: `central: ${dir} is in use by another central system (pid ${pid}); stop it first, or use another --data directory`,
      };
    }
    tookOverFrom = pid;
    rmSync(file, { force: true });
  }
  return { ok: false, message: `central: could not take ${file}; another central is starting on ${dir}?` };
}
