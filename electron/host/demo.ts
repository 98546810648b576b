/**
 * The demo a new user gets when no meter is configured: the bundled central system (its own
 * process, `luxp1 central --seed demo`), one simulated Smarty pushing encrypted frames to a loopback
 * TCP port, and the demo meter's pairing code, handed to the host services through their `demo`
 * hook (source kind 'demo'), which connect to the port and pair through the central's API.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { startSimulator } from '../../central-mock/simulator/run-meter.ts';
import type { RunningSimulator } from '../../central-mock/simulator/run-meter.ts';
import type { DemoEndpoint, DemoHook } from './source-factory.ts';

/** A running central system, wherever it runs. */
export interface DemoCentral {
  url: string;
  staffToken: string;
  staffTokenFile?: string;
  meterId: string;
  pairingCode: string;
  pid?: number; // a child process
  /** Calls `listener` once if the central ends without close() (a crash, a kill): the demo restarts it. */
  onExit?(listener: (why: string) => void): void;
  close(): Promise<void>;
}

export interface DemoOptions {
  dataDir: string; // the host's data directory; the central keeps its state in DIR/central
  projectRoot: string; // where electron/cli/luxp1.ts lives
  nodePath?: string; // a Node that runs .ts (24); default $LUXP1_NODE, else this process's
  intervalMs?: number; // the meter's push interval; default 10 000 (a Smarty's)
  /**
   * Epoch ms the demo meter's clock starts at, then runs at real speed ($LUXP1_DEMO_TIME): shows the
   * demo at any hour, and gives tests a clock of their own instead of the wall's.
   */
  clockStart?: number;
  /** Default: a child process. `port` is the crashed central's, so its URL stays the same. */
  startCentral?: (centralDir: string, port?: number) => Promise<DemoCentral>;
  /** Waits before each restart of a crashed central, the last one repeated (default 1, 2, 4 … 30 s). */
  restartDelaysMs?: readonly number[];
  log?: (line: string) => void;
  /** What the user must see (Snapshot.notices): the central crashed, was restarted, or gave up. */
  notice?: (line: string) => void;
}

export interface Demo {
  /** Pass as `demo` to createHostServices. */
  hook: DemoHook;
  stop(): Promise<void>;
}

const CENTRAL_START_TIMEOUT_MS = 30_000;
const RESTART_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000];
/** Simulated neighbours in the demo central, so that the peer comparison has households to show (central-mock/peers.ts). */
const DEMO_NEIGHBOURS = 100;
const STABLE_MS = 60_000; // a central that ran this long starts the backoff afresh when it next crashes

/** Creates the demo; nothing starts until the services call the hook. */
export function createDemo(opts: DemoOptions): Demo {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const notice = opts.notice ?? log;
  const startCentral = opts.startCentral ?? ((dir: string, port?: number) => spawnCentral(dir, opts, port));
  const delays = opts.restartDelaysMs ?? RESTART_DELAYS_MS;
  const centralDir = join(opts.dataDir, 'central');
  let running: Promise<{ simulator: RunningSimulator; endpoint: DemoEndpoint }> | null = null;
  let central: DemoCentral | null = null;
  let stopped = false;
  let crashes = 0;
  let restartTimer: ReturnType<typeof setTimeout> | null = null;

  /** Watches `c`: an exit we did not ask for restarts it on the same port, after a bounded backoff. */
  const supervise = (c: DemoCentral, startedAt: number): void => {
    c.onExit?.((why) => {
      if (stopped || central !== c) return;
      central = null;
      if (Date.now() - startedAt >= STABLE_MS) crashes = 0;
      const wait = delays[Math.min(crashes, delays.length - 1)] ?? 0;
      crashes++;
      notice(`demo: the central system stopped (${why}); restarting it in ${Math.round(wait / 1000)} s`);
      restartTimer = setTimeout(() => void restart(c.url), wait);
    });
  };
  const restart = async (url: string): Promise<void> => {
    restartTimer = null;
    if (stopped) return;
    try {
      const c = await startCentral(centralDir, Number(new URL(url).port));
      if (stopped) return void (await c.close());
      central = c;
      supervise(c, Date.now());
      notice(`demo: the central system runs again at ${c.url}`);
    } catch (err) {
      const wait = delays[Math.min(crashes++, delays.length - 1)] ?? 0;
      notice(`demo: the central system did not restart (${(err as Error).message}); trying again in ${Math.round(wait / 1000)} s`);
      restartTimer = setTimeout(() => void restart(url), wait);
    }
  };

  const start = async (intervalMs: number) => {
    const c = await startCentral(centralDir);
    try {
      const simulator = await startSimulator({
        centralUrl: c.url,
        token: c.staffToken,
        meterId: c.meterId,
        sink: { kind: 'tcp', host: '127.0.0.1', port: 0 },
        intervalMs,
        log: (line) => log(`demo meter: ${line}`),
        ...(opts.clockStart === undefined ? {} : { now: shiftedClock(opts.clockStart) }),
      });
      const address = simulator.sink.address;
      if (!address) throw new Error('the simulated meter has no TCP address');
      central = c;
      supervise(c, Date.now());
      log(
        `demo: central system at ${c.url}; demo meter ${c.meterId}, pairing code ${c.pairingCode}; ` +
          `staff token in ${c.staffTokenFile ?? join(centralDir, 'staff.token')}`,
      );
      const pairing = { meterId: c.meterId, code: c.pairingCode };
      return { simulator, endpoint: { host: address.host, port: address.port, centralUrl: c.url, pairing } };
    } catch (err) {
      await c.close();
      throw err;
    }
  };

  return {
    hook: async ({ intervalMs }) => {
      if (stopped) throw new Error('the demo was stopped');
      if (!running) {
        // The shell's choice (--fast) wins over the interval stored with the source.
        const attempt = start(opts.intervalMs ?? intervalMs ?? 10_000);
        running = attempt;
        attempt.catch(() => {
          if (running === attempt) running = null; // a failed start may be retried
        });
      }
      return (await running).endpoint;
    },
    stop: async () => {
      stopped = true;
      if (restartTimer) clearTimeout(restartTimer);
      const r = await running?.catch(() => null);
      running = null;
      if (r) await r.simulator.stop();
      await central?.close();
      central = null;
    },
  };
}

type Ready = { url: string; staffToken: string; staffTokenFile: string; demo: { meterId: string; pairingCode: string } | null };

function isReady(msg: unknown): msg is Ready & { type: 'ready' } {
  const m = msg as Record<string, unknown>;
  return typeof m === 'object' && m !== null && m.type === 'ready' && typeof m.url === 'string' && typeof m.staffToken === 'string';
}

/**
 * Runs `luxp1 central` as a child with an IPC channel: it says `ready` (URL, staff token, demo
 * meter) as one structured message, and exits when the channel closes, so it never outlives us,
 * even after a kill -9. Rejects with why it could not start.
 */
export async function spawnCentral(
  centralDir: string,
  opts: Pick<DemoOptions, 'projectRoot' | 'nodePath'>,
  port = 0,
): Promise<DemoCentral> {
  const node = opts.nodePath ?? process.env.LUXP1_NODE ?? process.execPath;
  const cli = join(opts.projectRoot, 'electron', 'cli', 'luxp1.ts');
  const child = spawn(
    node,
    [cli, 'central', '--data', centralDir, '--listen', `127.0.0.1:${port}`, '--seed', 'demo', '--neighbours', String(DEMO_NEIGHBOURS)],
    {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', LUXP1_CENTRAL_IPC: '1' },
    },
  );
  let stderrTail = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderrTail = (stderrTail + chunk.toString()).slice(-2000)));
  let closing = false;
  const close = () => {
    closing = true;
    return stopChild(child);
  };
  try {
    const ready = await readReady(child, () => stderrTail);
    if (!ready.demo) throw new Error('central system started without the demo meter');
    return {
      url: ready.url,
      staffToken: ready.staffToken,
      staffTokenFile: ready.staffTokenFile,
      ...ready.demo,
      ...(child.pid === undefined ? {} : { pid: child.pid }),
      onExit: (listener) => {
        child.once('exit', (code, signal) => {
          if (!closing) listener(`exited with ${signal ?? `code ${code}`}${lastLine(stderrTail)}`);
        });
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

const lastLine = (text: string): string => {
  const line = text.trim().split('\n').at(-1);
  return line ? `: ${line}` : '';
};

function readReady(child: ChildProcess, stderr: () => string): Promise<Ready> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.removeListener('message', onMessage);
      child.removeListener('exit', onExit);
      child.removeListener('error', onError);
    };
    const fail = (why: string) => {
      done();
      const detail = stderr().trim().split('\n').at(-1);
      reject(new Error(`central system did not start: ${why}${detail ? ` (${detail})` : ''}`));
    };
    const onMessage = (msg: unknown) => {
      if (!isReady(msg)) return;
      done();
      resolve(msg);
    };
    const onExit = (code: number | null, signal: string | null) => fail(`exited with ${signal ?? `code ${code}`}`);
    const onError = (err: Error) => fail(err.message);
    const timer = setTimeout(() => fail(`no ready message within ${CENTRAL_START_TIMEOUT_MS / 1000} s`), CENTRAL_START_TIMEOUT_MS);
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

/** SIGTERM, then SIGKILL if it has not exited within a few seconds. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** A clock that reads `start` now and runs on at real speed. */
function shiftedClock(start: number): () => Date {
  const offset = start - Date.now();
  return () => new Date(Date.now() + offset);
}
