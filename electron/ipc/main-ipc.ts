/**
 * Electron main-process side of the contract: one `ipcMain.handle` per request channel and the
 * event fan-out to the window. With the preload, the only file that touches ipcMain.
 *
 * Every invoke is checked twice before it reaches the services: the sender must be our window's
 * top frame showing our own page (not a sub-frame, not a page navigated elsewhere), and the
 * payload must pass its channel's validator.
 */
import type { ApiResult, HostServices } from '../../contracts/ipc.ts';
import { CHANNELS, EVENTS } from '../../contracts/ipc.ts';
import { dispatchRequest } from './dispatch.ts';

/** The parts of Electron's types this module uses, so tests can pass plain fakes. */
export interface FrameLike {
  url: string;
}
export interface InvokeEventLike {
  senderFrame: FrameLike | null;
}
export interface WindowLike {
  isDestroyed(): boolean;
  webContents: { mainFrame: FrameLike; send(channel: string, ...args: unknown[]): void };
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface IpcOptions {
  ipcMain: IpcMainLike;
  services: HostServices;
  window: () => WindowLike | null; // the main window, when there is one
  appUrlPrefix: string; // e.g. "app://luxp1/": the only page allowed to call
}

/** True only for our window's top frame with our page loaded. */
export function isTrustedSender(event: InvokeEventLike, win: WindowLike | null, appUrlPrefix: string): boolean {
  const frame = event.senderFrame;
  if (!frame || !win || win.isDestroyed()) return false;
  return frame === win.webContents.mainFrame && frame.url.startsWith(appUrlPrefix);
}

// The one window is one client: its staff session is not shared with browser-mode connections.
const WINDOW_CLIENT = 'electron:window';

/** Registers every channel's handler and forwards host events; returns a function undoing both. */
export function registerIpc(opts: IpcOptions): () => void {
  for (const channel of CHANNELS) {
    opts.ipcMain.handle(channel, async (event, payload): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event, opts.window(), opts.appUrlPrefix)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: `${channel}: sender is not the LuxP1 window` } };
      }
      return dispatchRequest(opts.services, channel, payload, WINDOW_CLIENT);
    });
  }
  const unsubscribers = EVENTS.map((name) =>
    opts.services.on(
      name,
      (payload) => {
        const win = opts.window();
        if (win && !win.isDestroyed()) win.webContents.send(name, payload);
      },
      WINDOW_CLIENT,
    ),
  );
  return () => {
    for (const channel of CHANNELS) opts.ipcMain.removeHandler(channel);
    for (const off of unsubscribers) off();
  };
}
