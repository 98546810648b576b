/**
 * `luxp1 serve`: browser mode. Builds the renderer if it is missing, starts the host services (the
 * demo when no meter is configured) and the browser-mode server, prints one line with the URL,
 * and runs until SIGINT/SIGTERM. start.ts falls back to the same runBrowserMode().
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataDirBusy } from './data-lock.ts';
import { startHost } from './host-start.ts';
import { startBrowserServer } from './serve.ts';
import type { CliArgs } from './serve-args.ts';
import { parseCliArgs } from './serve-args.ts';

import { findProjectRoot } from './serve-static.ts';
import type { IntegrationsSettings } from '../../contracts/integrations.ts';
import { INTEGRATION_USAGE } from './integrations/integration-flags.ts';

const USAGE = `usage: luxp1 serve [options]

  --listen HOST:PORT  where to listen (default 127.0.0.1:8418; a busy default port falls back to a free one)
  --token-file FILE   read the access token from FILE (or set $LUXP1_TOKEN); default: a fresh one per run,
                      carried by the printed URL (?token=)
  --token T           the same on the command line (visible to other local users in the process list)
  --origin URL        a public origin a reverse proxy serves LuxP1 under, e.g. https://luxp1.example.org
  --data DIR          data directory: settings, key, messages (default $LUXP1_DATA or ~/.luxp1)
  --open              open the URL in the default browser
  --fast              demo meter pushes every second instead of every 10 s
${INTEGRATION_USAGE}
  --help              this text`;

const DEFAULT_PORT = 8418;

export interface BrowserModeOptions {
  projectRoot: string;
  dataDir: string;
  host: string;
  port: number | null; // null: the default port, or any free one if it is taken
  token?: string;
  origins?: string[];
  intervalMs?: number;
  demoClockStart?: number; // the demo meter's clock starts here ($LUXP1_DEMO_TIME)
  rendererDir?: string; // default dist/renderer ($LUXP1_RENDERER_DIR overrides)
  log?: (line: string) => void;
  integrations?: Partial<IntegrationsSettings>; // from the flags, for this run
}

/** What the renderer bundle is built from: a change here makes dist/renderer stale. */
const RENDERER_SOURCES = ['renderer', 'protocol', join('electron', 'ipc'), 'vite.config.ts'];

function newestMtime(path: string): number {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when dist/renderer is missing or older than any renderer source (after a pull or an edit). */
export function rendererStale(root: string, dir: string): boolean {
  const built = statSync(join(dir, 'index.html'), { throwIfNoEntry: false });
  if (!built) return true;
  return RENDERER_SOURCES.some((src) => newestMtime(join(root, src)) > built.mtimeMs);
}

/** Makes sure dist/renderer is there and current, building it with Vite's JS API when it is not. */
export async function ensureRendererBuilt(
  root: string,
  log: (line: string) => void,
): Promise<{ ok: true; dir: string } | { ok: false; message: string }> {
  const override = process.env.LUXP1_RENDERER_DIR;
  if (override) {
    return existsSync(join(override, 'index.html'))
      ? { ok: true, dir: override }
      : { ok: false, message: `LUXP1_RENDERER_DIR=${override} has no index.html` };
  }
  const dir = join(root, 'dist', 'renderer');
  if (!rendererStale(root, dir)) return { ok: true, dir };
  const configFile = join(root, 'vite.config.ts');
  if (!existsSync(configFile)) return { ok: false, message: `${dir} is missing and there is no vite.config.ts: run \`npm run build\`` };
  log(
    existsSync(join(dir, 'index.html'))
      ? 'LuxP1: the renderer changed since the last build, rebuilding…'
      : 'LuxP1: building the renderer (first start)…',
  );
  try {
    const { build } = await import('vite');
    // The config's root is relative to the working directory; pin it so any cwd works.
    await build({ configFile, root: join(root, 'renderer'), logLevel: 'warn' });
  } catch (err) {
    return { ok: false, message: `renderer build failed: ${(err as Error).message.split('\n')[0]}; try \`npm run build\`` };
  }
  return existsSync(join(dir, 'index.html'))
    ? { ok: true, dir }
    : { ok: false, message: `the Vite build did not produce ${dir}/index.html` };
}

/** Host services + demo + server; resolves with the URL once it listens. */
export async function runBrowserMode(o: BrowserModeOptions): Promise<{ url: string; close(): Promise<void> }> {
  const log = o.log ?? ((line: string) => console.error(line));
  const rendererDir = o.rendererDir ?? join(o.projectRoot, 'dist', 'renderer');
  const host = await startHost({
    dataDir: o.dataDir,
    projectRoot: o.projectRoot,
    log,
    ...(o.intervalMs ? { intervalMs: o.intervalMs } : {}),
    ...(o.demoClockStart === undefined ? {} : { clockStart: o.demoClockStart }),
    ...(o.integrations ? { integrations: o.integrations } : {}),
  });
  const serve = (port: number) =>
    startBrowserServer({
      services: host.services,
      staticDir: rendererDir,
      host: o.host,
      port,
      ...(o.token ? { token: o.token } : {}),
      ...(o.origins ? { origins: o.origins } : {}),
    });
  try {
    let server: Awaited<ReturnType<typeof serve>>;
    try {
      server = await serve(o.port ?? DEFAULT_PORT);
    } catch (err) {
      if (o.port !== null || (err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
      server = await serve(0);
    }
    const running = server;
    await host.publish(running.url);
    return { url: running.url, close: async () => void (await running.close(), await host.close()) };
  } catch (err) {
    await host.close();
    throw new Error(`cannot listen on ${o.host}:${o.port ?? DEFAULT_PORT}: ${(err as Error).message}`);
  }
}

/** Resolves on the first SIGINT or SIGTERM; a second one exits at once. */
export function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.once('SIGINT', () => process.exit(130));
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** Opens `url` in the desktop's browser; failures are ignored (the URL is printed anyway). */
export function openInBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(cmd, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => {});
  child.unref();
}

/** Where this module lives, for finding the project root from a source checkout. */
export function projectRootFromHere(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return findProjectRoot(here) ?? join(here, '..', '..');
}

/** Runs browser mode from parsed args until a signal; the shared tail of `serve` and `start`. */
export async function serveUntilSignal(args: CliArgs, root: string): Promise<number> {
  const built = await ensureRendererBuilt(root, (line) => console.error(line));
  if (!built.ok) {
    console.error(`LuxP1: ${built.message}`);
    return 1;
  }
  let app: Awaited<ReturnType<typeof runBrowserMode>>;
  try {
    app = await runBrowserMode({
      projectRoot: root,
      dataDir: args.dataDir,
      host: args.listen.host,
      port: args.listen.port,
      rendererDir: built.dir,
      ...(args.token ? { token: args.token } : {}),
      origins: args.origins,
      ...(args.fast ? { intervalMs: 1_000 } : {}),
      ...demoTime(process.env.LUXP1_DEMO_TIME),
      ...(args.integrations ? { integrations: args.integrations } : {}),
    });
  } catch (err) {
    if (err instanceof DataDirBusy) return alreadyRunning(err, args.open);
    console.error(`LuxP1: ${(err as Error).message}`);
    return 1;
  }
  // Listening for signals before the URL is out: whoever reads it may stop us at once.
  const signalled = untilSignal();
  console.log(`LuxP1 running at ${app.url}`);
  if (args.open) openInBrowser(app.url);
  await signalled;
  await app.close();
  return 0;
}

/** A second start on a data directory in use: says where the first runs (and opens it) instead of starting another demo. */
function alreadyRunning(busy: DataDirBusy, open: boolean): number {
  const { holder } = busy;
  if (holder.url) {
    console.log(`LuxP1 already running at ${holder.url}`);
    if (open) openInBrowser(holder.url);
  } else {
    console.log(`LuxP1 already runs on ${busy.dataDir} (pid ${holder.pid || 'starting'}; the desktop app, or still starting)`);
  }
  return 0;
}

/** CLI entry for `luxp1 serve`. */
export async function main(argv: string[]): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    console.error(`serve: ${parsed.message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  return serveUntilSignal(parsed.args, projectRootFromHere());
}

/** `$LUXP1_DEMO_TIME` (ISO 8601): where the demo meter's clock starts; ignored, with a word, when unreadable. */
function demoTime(iso: string | undefined): { demoClockStart?: number } {
  if (!iso) return {};
  const at = Date.parse(iso);
  if (Number.isFinite(at)) return { demoClockStart: at };
  console.error(`LuxP1: LUXP1_DEMO_TIME=${JSON.stringify(iso)} is not an ISO 8601 time; the demo meter runs on the real clock`);
  return {};
}
