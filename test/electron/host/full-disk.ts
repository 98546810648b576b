/**
 * A real full disk for the save-failure tests: a tiny tmpfs (these tests run as root; mount needs
 * it), filled to the last byte with a filler file. `fill()` after the setup writes, so that the
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
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k,mode=0700', 'tmpfs', dir], { stdio: 'pipe' });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`the full-disk tests mount a 256 KiB tmpfs and need root: ${(err as Error).message.split('\n')[0]}`);
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
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
