/**
 * `luxp1 simulate` as a user runs it: a child process against a real central, killed with SIGTERM.
 * (central-mock/simulate-cli.ts; kept under simulator/ with the rest of the simulator's tests.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { assignSinks, main, parseInterval } from '../../../central-mock/simulate-cli.ts';
import { hexToBytes } from '../../../protocol/index.ts';
import { createPortReader, startTestCentral, type TestCentral } from './harness.ts';

const NODE = 'node_modules/.bin/node';
const CLI = 'electron/cli/luxp1.ts';
const METER = 'SAG1030700012701';
let tc: TestCentral;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  tc = await startTestCentral();
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await tc?.close();
});

function run(args: string[], env: Record<string, string | undefined> = {}) {
  const child = spawn(NODE, [CLI, 'simulate', ...args], {
    env: { ...process.env, LUXP1_STAFF_TOKEN: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, sig) => resolve(code ?? sig)));
  const waitForStdout = (re: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => (re.test(stdout) ? resolve(stdout) : undefined);
      child.stdout!.on('data', check);
      child.once('exit', () => (re.test(stdout) ? resolve(stdout) : reject(new Error(`exited; stdout ${stdout}; stderr ${stderr}`))));
      check();
    });
  return { child, exited, waitForStdout, out: () => stdout, err: () => stderr };
}

describe('luxp1 simulate', () => {
  it('runs a meter until SIGTERM, reading the token from --data', async () => {
    const p = run([
      '--central',
      tc.central.url,
      '--data',
      join(tc.dir, 'central'),
      '--meter',
      METER,
      '--out',
      'tcp:0',
      '--interval',
      '100ms',
    ]);
    const line = (await p.waitForStdout(/\n/)).trim();
    expect(line).toMatch(
      new RegExp(`^simulate: ${METER} writes to tcp 127\\.0\\.0\\.1:\\d+ \\(every client gets the stream\\), every 100 ms$`),
    );
    const reader = createPortReader(hexToBytes((await tc.api('GET', `/api/meters/${METER}/port`)).body.key));
    const socket = connect(Number(/:(\d+) /.exec(line)![1]), '127.0.0.1');
    socket.on('data', (chunk) => reader.push(new Uint8Array(chunk)));
    try {
      await reader.waitFor((e) => e.type === 'telegram' && reader.events.filter((x) => x.type === 'telegram').length >= 2);
    } finally {
      socket.destroy();
    }
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(reader.events.filter((e) => e.type === 'error')).toEqual([]);
  });

  it('simulates every meter of the central when no --meter is given', async () => {
    const created = await tc.api('POST', '/api/meters', { preset: 'basic', encryption: false });
    expect(created.status).toBe(201);
    const p = run(['--central', tc.central.url, '--token', tc.central.staffToken, '--out', 'tcp:127.0.0.1:0', '--interval', '1s']);
    const out = await p.waitForStdout(/writes to[^\n]*\n[^\n]*writes to[^\n]*\n/);
    expect(out).toContain(`simulate: ${METER} writes to tcp 127.0.0.1:`);
    expect(out).toContain(`simulate: ${created.body.meterId} writes to tcp 127.0.0.1:`);
    p.child.kill('SIGINT');
    expect(await p.exited, p.err()).toBe(0);
  });

  it('exits 2 with one clear line on a bad argument', async () => {
    const p = run(['--interval', 'soon', '--token', 't']);
    expect(await p.exited).toBe(2);
    expect(p.err()).toBe('simulate: --interval: expected e.g. 10s, 1s or 200ms (10 ms .. 1 h), got "soon"\n');
  });
});

describe('simulate main, in process', () => {
  it('refuses bad arguments and a missing token with exit 2 and one line each', async () => {
    vi.stubEnv('LUXP1_STAFF_TOKEN', undefined);
    const cases: [string[], RegExp][] = [
      [['--pv=-5', '--token', 't'], /--pv/],
      [['--seed', '1.5', '--token', 't'], /--seed/],
      [['--central', 'not a url', '--token', 't'], /--central/],
      [['--token', 't', '--meter', 'A', '--meter', 'B', '--out', 'file:x', '--out', 'file:y', '--out', 'file:z'], /3 --out for 2 meters/],
      [['--token', 't', '--meter', 'A', '--meter', 'B', '--out', 'file:same.bin'], /cannot share/],
      [['--token', 't', '--meter', 'A', '--out', 'tcp:host:port'], /tcp:HOST:PORT/],
      [['--data', join(tc.dir, 'nowhere')], /no staff token/],
      [['--bogus'], /bogus.*see --help/],
    ];
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      for (const [args, re] of cases) {
        errors.mockClear();
        expect(await main(args), args.join(' ')).toBe(2);
        expect(errors).toHaveBeenCalledTimes(1);
        expect(String(errors.mock.calls[0]![0])).toMatch(re);
      }
    } finally {
      errors.mockRestore();
      vi.unstubAllEnvs();
    }
  });

  it('prints its options with --help', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await main(['--help'])).toBe(0);
      expect(String(write.mock.calls[0]![0])).toMatch(/--out SPEC/);
    } finally {
      write.mockRestore();
    }
  });

  it('stops its meters when its signal aborts', async () => {
    const ac = new AbortController();
    const log = vi.spyOn(console, 'log').mockImplementation(() => ac.abort());
    try {
      expect(
        await main(['--central', tc.central.url, '--token', tc.central.staffToken, '--meter', METER, '--out', 'tcp:127.0.0.1:0'], {
          signal: ac.signal,
        }),
      ).toBe(0);
      expect(log).toHaveBeenCalledTimes(1);
    } finally {
      log.mockRestore();
    }
  });
});

describe('argument helpers', () => {
  it('reads intervals', () => {
    expect(parseInterval('10s')).toBe(10_000);
    expect(parseInterval('200ms')).toBe(200);
    expect(parseInterval('1.5s')).toBe(1_500);
    expect(parseInterval('2m')).toBe(120_000);
    expect(parseInterval('3')).toBe(3_000);
    for (const bad of ['', 'fast', '-1s', '5ms', '2h']) expect(parseInterval(bad)).toBeNull();
  });

  it('spreads one --out over many meters', () => {
    expect(assignSinks(['A', 'B'], ['tcp:127.0.0.1:2001'])).toEqual({
      ok: true,
      value: [
        { kind: 'tcp', host: '127.0.0.1', port: 2001 },
        { kind: 'tcp', host: '127.0.0.1', port: 2002 },
      ],
    });
    expect(assignSinks(['A', 'B'], ['file:/tmp/{meter}.bin'])).toEqual({
      ok: true,
      value: [
        { kind: 'file', path: '/tmp/A.bin' },
        { kind: 'file', path: '/tmp/B.bin' },
      ],
    });
    expect(assignSinks(['A'], [])).toEqual({ ok: true, value: [{ kind: 'tcp', host: '127.0.0.1', port: 0 }] });
    expect(assignSinks(['A', 'B'], ['/dev/pts/3']).ok).toBe(false);
  });
});

describe('simulate --token-file', () => {
  it('reads the staff token from a file, so it is not in argv; an unreadable file is one clear line', async () => {
    const { writeFileSync } = await import('node:fs');
    const file = join(tc.dir, 'token.txt');
    writeFileSync(file, `${tc.central.staffToken}\n`, { mode: 0o600 });
    const p = run(['--central', tc.central.url, '--token-file', file, '--meter', METER, '--out', 'tcp:0', '--interval', '100ms']);
    await p.waitForStdout(/writes to tcp/);
    expect(p.child.spawnargs.join(' ')).not.toContain(tc.central.staffToken);
    p.child.kill('SIGTERM');
    expect(await p.exited, p.err()).toBe(0);
    const missing = run(['--central', tc.central.url, '--token-file', join(tc.dir, 'nope'), '--meter', METER]);
    expect(await missing.exited).toBe(2);
    expect(missing.err()).toBe(`simulate: --token-file: cannot read ${join(tc.dir, 'nope')} (ENOENT)\n`);
  });
});
