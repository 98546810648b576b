import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { displayProblem, findElectronBinary } from '../../../electron/cli/start.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
let tmp: string;
let child: ChildProcess | null = null;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'luxp1-start-'));
  await mkdir(join(tmp, 'renderer'));
  await writeFile(join(tmp, 'renderer', 'index.html'), '<!doctype html><title>LuxP1 test page</title>');
});

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
  }
  await rm(tmp, { recursive: true, force: true });
});

describe('findElectronBinary / displayProblem', () => {
  it('names the missing binary instead of downloading it', () => {
    const r = findElectronBinary(ROOT, { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent/electron-dist' });
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('/nonexistent/electron-dist') });
  });

  it('sees a Linux box without a display', () => {
    expect(displayProblem({}, 'linux')).toMatch(/no display/);
    expect(displayProblem({ DISPLAY: ':0' }, 'linux')).toBeNull();
    expect(displayProblem({}, 'darwin')).toBeNull();
  });
});

describe('npm start without Electron', () => {
  it('prints one fallback line, serves browser mode with the live demo, and stops on SIGINT', async () => {
    const env = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(tmp, 'no-electron'), LUXP1_RENDERER_DIR: join(tmp, 'renderer') };
    const proc = spawn(
      process.execPath,
      [join(ROOT, 'electron/cli/luxp1.ts'), 'start', '--data', join(tmp, 'data'), '--fast', '--listen', '127.0.0.1:0'],
      {
        cwd: tmp,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child = proc;
    let stderr = '';
    proc.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const lines: string[] = [];
    const url = await new Promise<string>((resolve, reject) => {
      proc.once('exit', (code) => reject(new Error(`start exited (${code}): ${stderr}`)));
      createInterface({ input: proc.stdout! }).on('line', (line) => {
        lines.push(line);
        const m = /^LuxP1 running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)$/.exec(line);
        if (m) resolve(m[1]!);
      });
    });
    proc.removeAllListeners('exit');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^LuxP1: Electron cannot start: .*no-electron.*\. Falling back to browser mode\.$/);

    const page = await fetch(url);
    expect(await page.text()).toContain('LuxP1 test page');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");

    expect((await fetch(new URL(url).origin)).status).toBe(401); // the per-run token locks loopback too
    const page0 = new URL(url);
    const ws = new WebSocket(`ws://${page0.host}/api/ws${page0.search}`, { origin: page0.origin });
    const messages: Record<string, unknown>[] = [];
    const reading = new Promise<Record<string, unknown>>((resolve) =>
      ws.on('message', (data) => {
        const msg = JSON.parse(data.toString()) as Record<string, unknown>;
        messages.push(msg);
        if (msg.event === 'meter:reading') resolve(msg);
      }),
    );
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    ws.send(JSON.stringify({ id: 1, channel: 'central:info', payload: null }));
    const event = await reading; // central child + simulated meter + pairing, end to end
    expect(event.payload).toMatchObject({ encrypted: true, telegram: { electricity: { meterId: 'SAG1030700012701' } } });
    const info = messages.find((m) => m.id === 1) as { result: { ok: true; value: { demo: boolean; url: string } } };
    expect(info).toMatchObject({ result: { ok: true, value: { demo: true } } });
    const centralUrl = info.result.value.url;
    expect((await fetch(`${centralUrl}/api/health`)).status).toBe(200); // the central child answers
    ws.terminate();

    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
    proc.kill('SIGINT');
    expect(await exited).toBe(0);
    // Ctrl-C stops everything: the central system was a child of `start`, and must not outlive it.
    await expect(fetch(`${centralUrl}/api/health`)).rejects.toThrow();
  }, 60_000);
});
