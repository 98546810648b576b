import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../central-mock/main.ts';

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('luxp1 central', () => {
  it('rejects unknown flags and seeds with exit code 2', async () => {
    expect(await main(['--bogus'])).toBe(2);
    expect(await main(['--seed', 'prod'])).toBe(2);
    expect(await main(['--listen', 'nowhere'])).toBe(2);
  });

  it('runs as a process: prints the token, the demo code and one listening line, stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luxp1-central-cli-'));
    dirs.push(dir);
    const child = spawn(
      process.execPath,
      ['electron/cli/luxp1.ts', 'central', '--data', dir, '--listen', '127.0.0.1:0', '--seed', 'demo'],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LUXP1_MASTER_KEY: '' } },
    );
    children.push(child);
    let out = '';
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /central: listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    expect(out).toMatch(/staff token \(shown once/);
    expect(out).toContain('demo meter SAG1030700012701 (system title 534147677001BD54), pairing code DEMO-2701-0001');
    expect(out.match(/listening on/g)).toHaveLength(1);
    expect((await (await fetch(`${url}/api/health`)).json()).meters).toBe(1);
    const token = /staff token[^:]*\): (\S+)/.exec(out)![1]!;
    const port = await (await fetch(`${url}/api/meters/SAG1030700012701/port`, { headers: { authorization: `Bearer ${token}` } })).json();
    const pair = await fetch(`${url}/api/pair`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ meterId: 'SAG1030700012701', code: 'DEMO-2701-0001' }),
    });
    expect((await pair.json()).key).toBe(port.key);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out.toUpperCase()).not.toContain(port.key); // neither stdout nor stderr ever shows a port key
  });
});
