/**
 * The Electron main process: one locked-down window showing the built renderer from our own
 * `app://luxp1/` origin, wired to the host services through main-ipc.ts. Built to
 * dist-electron/main.cjs by electron/build.ts; started by `npm start` (electron/cli/start.ts).
 *
 * Settings come from the environment start.ts sets: LUXP1_DATA (data directory),
 * LUXP1_DEMO_INTERVAL_MS (--fast), LUXP1_NODE (the Node 24 that runs the central system),
 * LUXP1_INTEGRATIONS (the integration flags as JSON: file paths, never a secret).
 */
import { integrationsFromEnv } from './host/integrations/integration-flags.ts';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, Notification, protocol, safeStorage, session } from 'electron';
import type { BrowserWindowConstructorOptions } from 'electron';
import { startHost } from './host/host-start.ts';
import type { KeyProtector } from './host/key-store.ts';
import { defaultDataDir } from './host/paths.ts';
import { contentSecurityPolicy, findProjectRoot, readStatic, securityHeaders } from './host/serve-static.ts';
import { registerIpc } from './ipc/main-ipc.ts';
import type { IpcMainLike } from './ipc/main-ipc.ts';
import { type NotifyIpcMainLike, registerNotify } from './ipc/notify-ipc.ts';

export const APP_SCHEME = 'app';
export const APP_URL = 'app://luxp1/';
export const READY_LINE = 'LuxP1 window ready';

/** The window's options: isolated, sandboxed, no Node, no webview. */
export function windowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 520,
    title: 'LuxP1',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  };
}

/** The events of a WebContents this module hooks (a structural slice, so tests can pass a fake). */
export interface ContentsLike {
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

/** No navigation away from the app, no new windows, no webviews: for every WebContents created. */
export function hardenContents(contents: ContentsLike): void {
  // The renderer is a single page: any navigation is either a bug or an attack (a link in a text message).
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Answers an app:// request from the built renderer, with the CSP as a header. */
export async function serveAppRequest(request: Request, rendererDir: string): Promise<Response> {
  const url = new URL(request.url);
  if (!request.url.startsWith(APP_URL)) return new Response('not found', { status: 404 });
  const file = await readStatic(rendererDir, url.pathname);
  if (!file.ok) return new Response(file.message, { status: file.status, headers: { 'content-type': 'text/plain' } });
  const headers = { ...securityHeaders(contentSecurityPolicy()), 'content-type': file.type };
  return new Response(new Uint8Array(file.body), { status: 200, headers });
}

/** safeStorage as the key store's protector, unless it would only obfuscate (Linux without a keyring). */
export function keyProtector(
  storage: Pick<typeof safeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
    getSelectedStorageBackend?: () => string;
  },
): KeyProtector | 'file' {
  if (!storage.isEncryptionAvailable()) return 'file';
  if (process.platform === 'linux' && storage.getSelectedStorageBackend?.() === 'basic_text') return 'file';
  return {
    kind: 'safeStorage',
    encrypt: (plain) => new Uint8Array(storage.encryptString(plain)),
    decrypt: (sealed) => storage.decryptString(Buffer.from(sealed)),
  };
}

async function run(): Promise<void> {
  if (!app.requestSingleInstanceLock()) return app.quit();
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  await app.whenReady();

  const here = dirname(fileURLToPath(import.meta.url));
  const root = findProjectRoot(here) ?? dirname(here);
  const rendererDir = join(root, 'dist', 'renderer');
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rendererDir));
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  const interval = Number(process.env.LUXP1_DEMO_INTERVAL_MS);
  const integrations = integrationsFromEnv(process.env.LUXP1_INTEGRATIONS); // --mqtt, --reserve, --api (issue 12)
  const host = await startHost({
    dataDir: process.env.LUXP1_DATA || defaultDataDir(),
    projectRoot: root,
    protector: keyProtector(safeStorage),
    ...(interval > 0 ? { intervalMs: interval } : {}),
    ...(integrations ? { integrations } : {}),
  });

  // Registered before anything below can fail or the user can quit: the demo's central system is a
  // child process, and only host.close() stops it.
  let disposeIpc = (): void => {};
  let closing: Promise<void> | null = null;
  let closed = false;
  const shutDown = (): Promise<void> => (closing ??= (disposeIpc(), host.close()));
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault(); // stop the central system and the simulator before Electron exits
    void shutDown().finally(() => {
      closed = true;
      app.quit();
    });
  });

  try {
    let win: BrowserWindow | null = new BrowserWindow(windowOptions(join(here, 'preload.cjs')));
    win.on('closed', () => (win = null));
    disposeIpc = registerIpc({
      ipcMain: ipcMain as unknown as IpcMainLike,
      services: host.services,
      window: () => win,
      appUrlPrefix: APP_URL,
    });
    // The renderer's alerts as OS notifications (the page itself may not use the Notification API).
    const disposeNotify = registerNotify({
      ipcMain: ipcMain as unknown as NotifyIpcMainLike,
      window: () => win,
      appUrlPrefix: APP_URL,
      show: (title, body) => {
        if (Notification.isSupported()) new Notification({ title, body }).show();
      },
    });
    const disposeMain = disposeIpc;
    disposeIpc = () => {
      disposeNotify();
      disposeMain();
    };
    win.once('ready-to-show', () => win?.show());
    await win.loadURL(`${APP_URL}index.html`);
  } catch (err) {
    await shutDown();
    throw err;
  }
  console.log(READY_LINE);
}

if (process.versions.electron) {
  // Must happen before `ready`: app:// is a secure, standard origin, so 'self' in the CSP means it.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  run().catch((err: unknown) => {
    console.error(`LuxP1: ${err instanceof Error ? err.message : String(err)}`);
    app.exit(1);
  });
}
