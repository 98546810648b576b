/**
 * `luxp1 serve` as a child process, exactly as a user starts browser mode: its own data directory,
 * its own demo (which spawns the bundled central system as a grandchild). The child leads its own
 * process group, so `close()` stops the central with it even if the serve process hangs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface ServeChild {
  url: string;
  close(): Promise<void>;
}

export interface ServeChildOptions {
  dataDir: string;
  rendererDir: string; // a built renderer (build-renderer.ts), so the child never builds dist/
  args?: string[]; // extra `serve` flags, e.g. ['--fast']
  /** Where the demo meter's clock starts (ISO 8601): a test's own time, never the wall's. Default: 03:00 at night. */
  demoTime?: string;
}

const START_TIMEOUT_MS = 60_000;

/** The Node 24 the project runs on (a vitest worker's execPath may be the system's). */
export function projectNode(): string {
  const local = join(process.cwd(), 'node_modules', '.bin', 'node');
  return existsSync(local) ? local : process.execPath;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // the group is gone already
  }
}

function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(kill);
      signalGroup(child, 'SIGKILL'); // whatever of the group outlived its leader
      resolve();
    };
    const kill = setTimeout(done, 10_000);
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', done);
    signalGroup(child, 'SIGTERM');
  });
}

/** Starts `luxp1 serve --listen 127.0.0.1:0 --data DIR` and resolves with the URL it prints. */
export async function startServeChild(opts: ServeChildOptions): Promise<ServeChild> {
  const cli = join(process.cwd(), 'electron', 'cli', 'luxp1.ts');
  const child = spawn(projectNode(), [cli, 'serve', '--listen', '127.0.0.1:0', '--data', opts.dataDir, ...(opts.args ?? [])], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // The demo meter's values depend on its clock: tests pin it, at night by default (the quietest hour).
    env: { ...process.env, LUXP1_RENDERER_DIR: opts.rendererDir, LUXP1_DEMO_TIME: opts.demoTime ?? '2026-01-15T03:00:00+01:00' },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2_000)));
  const close = () => stopGroup(child);
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const fail = (why: string) => reject(new Error(`luxp1 serve did not start: ${why}\n${stderr}`));
      const timer = setTimeout(() => fail('timeout'), START_TIMEOUT_MS);
      child.once('error', (err) => fail(err.message));
      child.once('exit', (code, signal) => fail(`exited with ${signal ?? `code ${code}`}`));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const m = /running at (http:\/\/\S+)/.exec(line);
        if (!m) return;
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve(m[1]!);
      });
    });
    return { url, close };
  } catch (err) {
    await close();
    throw err;
  }
}
