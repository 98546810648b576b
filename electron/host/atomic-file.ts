/**
 * Whole-file writes that never leave a half-written file behind: write a temp file beside the
 * target, then rename over it (rename is atomic within one directory on POSIX and NTFS).
 */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Writes `text` to `path` atomically, creating the directory; `mode` applies from the first byte. */
export async function writeFileAtomic(path: string, text: string, mode = 0o644): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, text, { mode });
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

const WRITE_ERRORS: Record<string, string> = {
  ENOSPC: 'disk full',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a path component is not a directory',
  EISDIR: 'the path is a directory',
  EIO: 'input/output error',
};

/** `could not save <what>: disk full`: a failed write in words, for the user (no paths of secrets, no stack). */
export function saveError(what: string, err: unknown): Error {
  const code = (err as NodeJS.ErrnoException)?.code;
  const why = (code && WRITE_ERRORS[code]) ?? (err as Error)?.message?.split('\n')[0] ?? String(err);
  return Object.assign(new Error(`could not save ${what}: ${why}${code && WRITE_ERRORS[code] ? ` (${code})` : ''}`), {
    code: 'SAVE_FAILED',
  });
}

/** The file's text, or null when it does not exist. Other read errors propagate. */
export async function readTextIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Keeps an unusable file as `<path>.bad` (same mode as the original) before it gets overwritten, so
 * a hand-edit gone wrong or a file from another version can still be recovered. Returns the copy's path.
 */
export async function keepBadCopy(path: string): Promise<string> {
  const bad = `${path}.bad`;
  await copyFile(path, bad);
  return bad;
}
