/**
 * A real full disk for the save-failure tests: a tiny tmpfs (mounting needs root or passwordless
 * sudo), filled to the last byte with filler files. `fill()` after the setup writes, so that the
 * files the test starts from are real files on the same file system that then runs out of space.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FullDisk {
  dir: string;
  /** Takes every free byte; every later write fails with ENOSPC. */
  fill(): void;
  release(): void;
}

export function tinyDisk(): FullDisk {
  const dir = mkdtempSync(join(tmpdir(), 'luxp1-fulldisk-'));
  // As root, or through passwordless sudo (.ci/run on a fresh clone), owned by us either way.
  const asRoot = (cmd: string, args: string[]) =>
    process.getuid?.() === 0 ? execFileSync(cmd, args, { stdio: 'pipe' }) : execFileSync('sudo', ['-n', cmd, ...args], { stdio: 'pipe' });
  const owner = `uid=${process.getuid?.() ?? 0},gid=${process.getgid?.() ?? 0}`;
  try {
    asRoot('mount', ['-t', 'tmpfs', '-o', `size=256k,mode=0700,${owner}`, 'tmpfs', dir]);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`the full-disk tests mount a 256 KiB tmpfs, as root or with sudo -n: ${(err as Error).message.split('\n')[0]}`);
  }
  return {
    dir,
    fill() {
      const chunk = Buffer.alloc(4096, 0x55);
      for (let i = 0; ; i++) {
        try {
          writeFileSync(join(dir, `filler-${i}`), chunk);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOSPC') return;
          throw err;
        }
      }
    },
    release() {
      asRoot('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
