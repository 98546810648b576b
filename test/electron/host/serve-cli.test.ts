import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererStale } from '../../../electron/host/serve-cli.ts';

describe('renderer build freshness', () => {
  it('rebuilds when the bundle is missing or older than any renderer source', () => {
    const root = mkdtempSync(join(tmpdir(), 'luxp1-stale-'));
    try {
      const dist = join(root, 'dist', 'renderer');
      mkdirSync(join(root, 'renderer', 'components'), { recursive: true });
      const source = join(root, 'renderer', 'components', 'Tile.tsx');
      writeFileSync(source, 'export {};');
      utimesSync(source, 1000, 1000);
      expect(rendererStale(root, dist)).toBe(true); // never built

      mkdirSync(dist, { recursive: true });
      writeFileSync(join(dist, 'index.html'), '<!doctype html>');
      utimesSync(join(dist, 'index.html'), 2000, 2000);
      expect(rendererStale(root, dist)).toBe(false);

      utimesSync(source, 3000, 3000); // an edit, or a pull, after the build
      expect(rendererStale(root, dist)).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
