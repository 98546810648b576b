/**
 * The demo a new user gets when no meter is configured: the bundled central system (its own
 * process, `luxp1 central --seed demo`), one simulated Smarty pushing encrypted frames to a loopback
 * TCP port, and the demo meter's pairing code, handed to the host services through their `demo`
 * hook (source kind 'demo'), which connect to the port and pair through the central's API.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startSimulator } from '../../central-mock/simulator/run-meter.ts';
import type { RunningSimulator } from '../../central-mock/simulator/run-meter.ts';
import type { HostServices } from '../../contracts/ipc.ts';
import type { KeyProtector } from './key-store.ts';
import { createHostServices } from './services.ts';
import type { DemoEndpoint, DemoHook } from './source-factory.ts';

/** A running central system, wherever it runs. */
export interface DemoCentral {
  url: string;
  staffToken: string;
  meterId: string;
  pairingCode: string;
  close(): Promise<void>;
}

export interface DemoOptions {
  dataDir: string; // the host's data directory; the central keeps its state in DIR/central
  projectRoot: string; // where electron/cli/luxp1.ts lives
  nodePath?: string; // a Node that runs .ts (24); default $LUXP1_NODE, else this process's
  intervalMs?: number; // the meter's push interval; default 10 000 (a Smarty's)
  startCentral?: (centralDir: string) => Promise<DemoCentral>; // default: a child process
  log?: (line: string) => void;
}

export interface Demo {
  /** Pass as `demo` to createHostServices. */
  hook: DemoHook;
  stop(): Promise<void>;
}

const CENTRAL_START_TIMEOUT_MS = 30_000;

/** Creates the demo; nothing starts until the services call the hook. */
export function createDemo(opts: DemoOptions): Demo {
  const log = opts.log ?? ((line: string) => process.stderr.write(`demo: ${line}\n`));
  let running: Promise<{ central: DemoCentral; simulator: RunningSimulator; endpoint: DemoEndpoint }> | null = null;
  let stopped = false;

  const start = async (intervalMs: number) => {
    const centralDir = join(opts.dataDir, 'central');
    const central = await (opts.startCentral ?? ((dir) => spawnCentral(dir, opts)))(centralDir);
    try {
      const simulator = await startSimulator({
        centralUrl: central.url,
        token: central.staffToken,
        meterId: central.meterId,
        sink: { kind: 'tcp', host: '127.0.0.1', port: 0 },
        intervalMs,
        log: (line) => log(`meter: ${line}`),
      });
      const address = simulator.sink.address;
      if (!address) throw new Error('the simulated meter has no TCP address');
      const pairing = { meterId: central.meterId, code: central.pairingCode };
      return { central, simulator, endpoint: { host: address.host, port: address.port, centralUrl: central.url, pairing } };
    } catch (err) {
      await central.close();
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
      const r = await running?.catch(() => null);
      running = null;
      if (!r) return;
      await r.simulator.stop();
      await r.central.close();
    },
  };
}

/** Runs `luxp1 central` as a child and reads its start-up lines; rejects with why it could not start. */
export async function spawnCentral(centralDir: string, opts: Pick<DemoOptions, 'projectRoot' | 'nodePath'>): Promise<DemoCentral> {
  const node = opts.nodePath ?? process.env.LUXP1_NODE ?? process.execPath;
  const cli = join(opts.projectRoot, 'electron', 'cli', 'luxp1.ts');
  const child = spawn(node, [cli, 'central', '--data', centralDir, '--listen', '127.0.0.1:0', '--seed', 'demo'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  let stderrTail = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderrTail = (stderrTail + chunk.toString()).slice(-2000)));
  const close = () => stopChild(child);
  try {
    const lines = await readStartLines(child, () => stderrTail);
    const staffToken = (await readFile(join(centralDir, 'staff.token'), 'utf8')).trim();
    return { ...lines, staffToken, close };
  } catch (err) {
    await close();
    throw err;
  }
}

function readStartLines(child: ChildProcess, stderr: () => string): Promise<{ url: string; meterId: string; pairingCode: string }> {
  return new Promise((resolve, reject) => {
    let meter: { meterId: string; pairingCode: string } | null = null;
    const lines = createInterface({ input: child.stdout! });
    const fail = (why: string) => {
      clearTimeout(timer);
      lines.close();
      const detail = stderr().trim().split('\n').at(-1);
      reject(new Error(`central system did not start: ${why}${detail ? ` (${detail})` : ''}`));
    };
    const timer = setTimeout(() => fail(`no listening line within ${CENTRAL_START_TIMEOUT_MS / 1000} s`), CENTRAL_START_TIMEOUT_MS);
    child.once('error', (err) => fail(err.message));
    child.once('exit', (code, signal) => fail(`exited with ${signal ?? `code ${code}`}`));
    lines.on('line', (line) => {
      const demo = /^central: demo meter (\S+) .*pairing code (\S+)/.exec(line);
      if (demo) meter = { meterId: demo[1]!, pairingCode: demo[2]! };
      const listening = /^central: listening on (http:\/\/\S+)/.exec(line);
      if (!listening) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.removeAllListeners('error');
      lines.removeAllListeners('line');
      if (meter) resolve({ url: listening[1]!, ...meter });
      else reject(new Error('central system started without the demo meter'));
    });
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

export interface RunningHost {
  services: HostServices;
  demo: boolean; // the demo source is selected
  close(): Promise<void>; // services first (they hold the demo's TCP link), then central and simulator
}

/**
 * Creates the host services for a shell and, with no meter configured, selects the demo source.
 * Shared by the Electron main process and browser mode, so both start the same way.
 */
export async function startHost(opts: DemoOptions & { protector?: KeyProtector | 'file' | 'memory' }): Promise<RunningHost> {
  const demo = createDemo(opts);
  const services = await createHostServices({
    dataDir: opts.dataDir,
    demo: demo.hook,
    ...(opts.protector ? { protector: opts.protector } : {}),
    ...(opts.log ? { log: opts.log } : {}),
  });
  const source = await services.handle('source:get', null);
  const configured = source.ok ? source.value : null;
  if (configured === null) {
    const set = await services.handle('source:set', { kind: 'demo' });
    const problem = !set.ok ? set.error.message : set.value.status === 'error' ? set.value.message : null;
    if (problem) (opts.log ?? console.error)(`LuxP1: the demo did not start: ${problem}`);
  }
  return {
    services,
    demo: configured === null || configured.kind === 'demo',
    close: async () => {
      await services.close();
      await demo.stop();
    },
  };
}
