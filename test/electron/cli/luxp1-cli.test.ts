/** `luxp1 --version`, a second `npm start` on a data directory in use, and the Electron binary's one download try. */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBuilder } from '../../../electron/cli/dist.ts';
import { fetchElectron } from '../../../electron/cli/start.ts';
import { lockHolder } from '../../../electron/host/data-lock.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const CLI = join(ROOT, 'electron/cli/luxp1.ts');
const run = promisify(execFile);
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'luxp1-cli-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('luxp1 --version', () => {
  it('prints the package version for --version, -v and version', async () => {
    const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v', 'version']) {
      const { stdout } = await run(process.execPath, [CLI, flag]);
      expect(stdout).toBe(`luxp1 ${version}\n`);
    }
  });
});

describe('a second start on the same data directory', () => {
  it('prints the running instance’s URL and exits 0, before building or launching anything', async () => {
    const data = join(tmp, 'busy');
    const url = 'http://127.0.0.1:9/?token=abcdefgh';
    await mkdir(data);
    // This test's own process is the live holder.
    await writeFile(join(data, 'luxp1.lock'), JSON.stringify({ pid: process.pid, url, startedAt: 1 }));
    const started = Date.now();
    const { stdout } = await run(process.execPath, [CLI, 'start', '--data', data], {
      env: { ...process.env, LUXP1_ELECTRON_DOWNLOAD: '0' },
    });
    expect(stdout).toBe(`LuxP1 already running at ${url}\n`);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('the desktop app (no URL) is named by its pid; a stale or foreign-garbage lock holds nothing', async () => {
    const data = join(tmp, 'desktop');
    await mkdir(data);
    await writeFile(join(data, 'luxp1.lock'), JSON.stringify({ pid: process.pid, url: null, startedAt: 1 }));
    const { stdout } = await run(process.execPath, [CLI, 'start', '--data', data]);
    expect(stdout).toContain(`(pid ${process.pid}): the desktop app`);
    await writeFile(join(data, 'luxp1.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, url: null, startedAt: 1 }));
    expect(await lockHolder(data)).toBeNull();
    await writeFile(join(data, 'luxp1.lock'), 'not json');
    expect(await lockHolder(data)).toBeNull();
    expect(await lockHolder(join(tmp, 'none'))).toBeNull();
  });
});

describe('fetchElectron (the electron package’s own installer, once, with a time limit)', () => {
  const script = async (name: string, body: string): Promise<string> => {
    const path = join(tmp, name);
    await writeFile(path, body);
    return path;
  };

  it('ok when the installer exits 0', async () => {
    expect(await fetchElectron(ROOT, { timeoutMs: 10_000, script: await script('ok.cjs', 'process.exit(0)') })).toEqual({ ok: true });
  });

  it('a failed download gives the installer’s first error line', async () => {
    const failing = await script('fail.cjs', "console.error('RequestError: getaddrinfo ENOTFOUND github.com\\n    at x'); process.exit(1)");
    expect(await fetchElectron(ROOT, { timeoutMs: 10_000, script: failing })).toEqual({
      ok: false,
      reason: 'RequestError: getaddrinfo ENOTFOUND github.com',
    });
  });

  it('a download that hangs is stopped at the time limit', async () => {
    const hanging = await script('hang.cjs', 'setInterval(() => {}, 1000)');
    const started = Date.now();
    expect(await fetchElectron(ROOT, { timeoutMs: 300, script: hanging })).toEqual({ ok: false, reason: 'no download within 0 s' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('npm run dist', () => {
  it.skipIf(findElectronBuilder(ROOT) !== null)(
    'without electron-builder installed, says how to get it and stops (exit 1) instead of half-building',
    async () => {
      const failed = await run(process.execPath, [CLI, 'dist']).catch((err: { code: number; stderr: string }) => err);
      expect('code' in failed && failed.code).toBe(1);
      expect((failed as { stderr: string }).stderr).toMatch(/electron-builder is not installed.*npm install --no-save electron-builder/);
    },
  );
});
