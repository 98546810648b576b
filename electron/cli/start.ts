/**
 * `npm start` / `luxp1 start`: builds what is missing, opens the desktop app in Electron, and where
 * Electron cannot start (no binary, no display, a crash on launch) says why in one line and serves
 * the same app in browser mode from this process instead.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { buildElectron } from '../build.ts';
import { type LockHolder, lockHolder } from '../host/data-lock.ts';
import { type CliArgs, parseCliArgs } from '../host/serve-args.ts';
import { ensureRendererBuilt, openInBrowser, projectRootFromHere, serveUntilSignal, untilSignal } from '../host/serve-cli.ts';

const USAGE = `usage: npm start -- [options]   (or: luxp1 start [options])

  --data DIR          data directory: settings, key, messages (default $LUXP1_DATA or ~/.luxp1)
  --fast              demo meter pushes every second instead of every 10 s
  --browser           skip Electron: serve the app in the browser right away
  browser-mode options, used when Electron cannot start (see \`luxp1 serve --help\`):
  --listen HOST:PORT  (default 127.0.0.1:8418)   --open
  --token-file FILE   the access token (or $LUXP1_TOKEN; default: a fresh one per run, in the printed URL)
  --origin URL        a public origin a reverse proxy serves LuxP1 under   --token T`;

const READY_LINE = 'LuxP1 window ready';
const FETCH_TIMEOUT_MS = 45_000; // the electron package's download (about 100 MB): once per start, then browser mode
const GET_DESKTOP = 'for the desktop app, run `node node_modules/electron/install.js` with internet access, then `npm start`'; // printed by electron/main.ts once the window has loaded
const LAUNCH_TIMEOUT_MS = 60_000;

/** Where the Electron binary is, or why there is none (`fetchable`: the electron package's own download may get it). */
export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string; fetchable?: boolean };

/** The Electron binary, or why there is none; never triggers the electron package's download itself. */
export function findElectronBinary(root: string, env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  let pkgDir: string;
  try {
    pkgDir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed' };
  }
  const pathFile = join(pkgDir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH || join(pkgDir, 'dist');
  if (!name && !env.ELECTRON_OVERRIDE_DIST_PATH)
    return { ok: false, reason: 'the Electron binary was never downloaded, node_modules/electron/dist is missing', fetchable: true };
  const binary = join(dist, name ?? 'electron');
  return existsSync(binary) ? { ok: true, path: binary } : { ok: false, reason: `no Electron binary at ${binary}` };
}

/** Why a window cannot open here, before trying: Linux without X11 or Wayland. */
export function displayProblem(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string | null {
  if (platform !== 'linux' || env.DISPLAY || env.WAYLAND_DISPLAY) return null;
  return 'no display ($DISPLAY and $WAYLAND_DISPLAY are unset)';
}

type Launch = { ok: true; exitCode: number } | { ok: false; reason: string };

/** Starts Electron on dist-electron/main.cjs; ok once its window loaded, resolving when it exits. */
async function runElectron(binary: string, root: string, args: CliArgs): Promise<Launch> {
  const env: NodeJS.ProcessEnv = { ...process.env, LUXP1_DATA: args.dataDir, LUXP1_NODE: process.execPath };
  if (args.fast) env.LUXP1_DEMO_INTERVAL_MS = '1000';
  if (args.integrations) env.LUXP1_INTEGRATIONS = JSON.stringify(args.integrations); // file paths only, never a secret
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [join(root, 'dist-electron', 'main.cjs')], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stderrTail = '';
  child.stderr.on('data', (chunk: Buffer) => (stderrTail = (stderrTail + chunk.toString()).slice(-2000)));
  const exited = new Promise<number>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), LAUNCH_TIMEOUT_MS);
    child.once('error', () => resolve(false));
    void exited.then(() => resolve(false));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line === READY_LINE) {
        clearTimeout(timer);
        resolve(true);
      } else console.log(line);
    });
  });
  if (!ready) {
    await stopElectron(child, exited);
    const last = stderrTail.trim().split('\n').at(-1)?.trim();
    return { ok: false, reason: `Electron did not open its window${last ? `: ${last.slice(0, 200)}` : ''}` };
  }
  child.stderr.pipe(process.stderr);
  // Ctrl-C reaches Electron too (same process group); SIGTERM covers a kill aimed at us alone.
  void untilSignal().then(() => child.kill('SIGTERM'));
  return { ok: true, exitCode: await exited };
}

/** SIGTERM first, so main.ts can stop the demo's central system (a child of Electron); SIGKILL if it hangs. */
async function stopElectron(child: ChildProcess, exited: Promise<number>): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
  child.kill('SIGTERM');
  await exited;
  clearTimeout(kill);
}

/** CLI entry for `luxp1 start`. */
export async function main(argv: string[]): Promise<number> {
  const parsed = parseCliArgs(argv, { browser: { type: 'boolean' } });
  if (!parsed.ok) {
    console.error(`start: ${parsed.message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  // A second start on the same data directory finds the first before building or launching anything.
  const holder = await lockHolder(parsed.args.dataDir);
  if (holder) return alreadyRunning(parsed.args.dataDir, holder, parsed.args.open);
  const root = projectRootFromHere();
  const renderer = await ensureRendererBuilt(root, (line) => console.error(line));
  if (!renderer.ok) {
    console.error(`LuxP1: ${renderer.message}`);
    return 1;
  }
  const reason = await electronUnavailable(root, parsed.args, parsed.values.browser === true);
  if (typeof reason === 'number') return reason;
  console.log(`LuxP1: Electron cannot start: ${reason}. Falling back to browser mode.`);
  return serveUntilSignal(parsed.args, root);
}

/** Says where the running instance is (browser mode: its URL, opened with --open; the desktop app: its pid); exit code 0. */
function alreadyRunning(dataDir: string, holder: LockHolder, open: boolean): number {
  if (holder.url) {
    console.log(`LuxP1 already running at ${holder.url}`);
    if (open) openInBrowser(holder.url);
  } else console.log(`LuxP1 already runs on ${dataDir} (pid ${holder.pid}): the desktop app, or still starting; switch to its window`);
  return 0;
}

/** Runs the desktop app and returns its exit code, or the reason it could not start. */
async function electronUnavailable(root: string, args: CliArgs, browserAsked: boolean): Promise<number | string> {
  if (browserAsked) return '--browser was given';
  const binary = await findOrFetchElectron(root);
  if (!binary.ok) return `${binary.reason} (${GET_DESKTOP})`;
  const display = displayProblem();
  if (display) return display;
  const built = await buildElectron(root);
  if (!built.ok) return `its main process did not build: ${built.error.message}`;
  const launch = await runElectron(binary.path, root, args);
  return launch.ok ? launch.exitCode : launch.reason;
}

/** The binary, after trying the electron package's own download once when it was never fetched. */
async function findOrFetchElectron(root: string, env: NodeJS.ProcessEnv = process.env): Promise<ElectronBinary> {
  const found = findElectronBinary(root, env);
  if (found.ok || !found.fetchable || env.LUXP1_ELECTRON_DOWNLOAD === '0') return found;
  console.error(`LuxP1: the Electron binary is missing; fetching it once (up to ${FETCH_TIMEOUT_MS / 1000} s)…`);
  const fetched = await fetchElectron(root, { timeoutMs: FETCH_TIMEOUT_MS });
  if (!fetched.ok) return { ok: false, reason: `the Electron binary is missing and its download failed: ${fetched.reason}` };
  return findElectronBinary(root, env);
}

/**
 * Runs the electron package's own installer (`install.js`, what `npm install` runs) in a child,
 * killed after `timeoutMs`; ok when it exits 0. `script` replaces the installer in tests.
 */
export async function fetchElectron(
  root: string,
  opts: { timeoutMs: number; script?: string },
): Promise<{ ok: true } | { ok: false; reason: string }> {
  let script = opts.script;
  if (!script) {
    try {
      script = join(dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json')), 'install.js');
    } catch {
      return { ok: false, reason: 'the electron package is not installed' };
    }
  }
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ ok: false, reason: `no download within ${Math.round(opts.timeoutMs / 1000)} s` });
    }, opts.timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: err.message });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      // install.js prints the error's stack: its first line says what went wrong (e.g. getaddrinfo ENOTFOUND).
      const first = stderr
        .split('\n')
        .find((l) => l.trim() !== '')
        ?.trim()
        .slice(0, 200);
      resolve(code === 0 ? { ok: true } : { ok: false, reason: first ?? `the installer exited with code ${code}` });
    });
  });
}
