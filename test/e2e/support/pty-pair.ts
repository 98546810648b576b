/**
 * A pty pair from socat with stable names (`link=`): the meter writes one end, the app reads the
 * other. `unplug()` kills socat (both ptys vanish, as when a USB cable is pulled) and `plugIn()`
 * starts it again behind the same paths, so the app must find its way back on its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface PtyPair {
  meterPath: string; // the end a meter (simulator, benchmark) writes
  appPath: string; // the end the app opens as its serial port
  unplug(): Promise<void>;
  plugIn(): Promise<void>;
  close(): Promise<void>;
}

const START_TIMEOUT_MS = 10_000;

function startSocat(meterPath: string, appPath: string): Promise<ChildProcess> {
  const child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${meterPath}`, `pty,raw,echo=0,link=${appPath}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let log = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`socat did not start: ${why}\n${log.slice(-500)}`));
    };
    const timer = setTimeout(() => fail('timeout'), START_TIMEOUT_MS);
    child.once('error', (err) => fail(err.message));
    child.once('exit', (code) => fail(`exited with code ${code}`));
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      // The links exist once socat has both ptys and enters its transfer loop.
      if (!log.includes('starting data transfer loop')) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.removeAllListeners('error');
      child.stderr!.removeAllListeners('data');
      child.stderr!.resume();
      resolve(child);
    });
  });
}

function stop(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts socat with links `dir/meter` and `dir/app`; `close()` in afterAll. */
export async function startPtyPair(dir: string): Promise<PtyPair> {
  const meterPath = join(dir, 'meter');
  const appPath = join(dir, 'app');
  let child: ChildProcess | null = await startSocat(meterPath, appPath);
  return {
    meterPath,
    appPath,
    async unplug() {
      const c = child;
      child = null;
      await stop(c);
    },
    async plugIn() {
      if (!child) child = await startSocat(meterPath, appPath);
    },
    async close() {
      const c = child;
      child = null;
      await stop(c);
    },
  };
}
