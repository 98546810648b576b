/** Temp directories that tests remove however they end. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempDir {
  path: string;
  remove(): void;
}

/** Creates /tmp/luxp1-<prefix>-XXXXXX. */
export function makeTempDir(prefix: string): TempDir {
  const path = mkdtempSync(join(tmpdir(), `luxp1-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
