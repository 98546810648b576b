import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../electron/build.ts';

const ROOT = join(import.meta.dirname, '..', '..');
let out: string;
afterAll(() => rm(out, { recursive: true, force: true }));

describe('buildElectron', () => {
  it('bundles main and a sandbox-loadable CJS preload', async () => {
    out = await mkdtemp(join(tmpdir(), 'luxp1-build-'));
    const result = await buildElectron(ROOT, out);
    expect(result).toEqual({ ok: true, value: out });
    const preload = await readFile(join(out, 'preload.cjs'), 'utf8');
    // A sandboxed preload can require only 'electron' (and a few polyfills): everything else must be inlined.
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld');
    const main = await readFile(join(out, 'main.cjs'), 'utf8');
    expect(main).toContain('registerSchemesAsPrivileged');
    expect(main).not.toMatch(/import\.meta/);
  });
});
