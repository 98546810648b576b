/**
 * OS notifications for the desktop window: the renderer's alerts (renderer/alerts/) send
 * `app:notify` through the preload, and the main process shows them with Electron's Notification.
 * The window is denied every web permission (main.ts), so the page's own Notification API cannot.
 * Only our window's top frame may notify, with two short strings; anything else is dropped.
 */
import { isTrustedSender, type InvokeEventLike, type WindowLike } from './main-ipc.ts';

export const NOTIFY_CHANNEL = 'app:notify';
export const NOTIFY_LIMITS = { title: 200, body: 1000 } as const;

export interface NotifyIpcMainLike {
  on(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => void): unknown;
}

export interface NotifyOptions {
  ipcMain: NotifyIpcMainLike;
  window: () => WindowLike | null;
  appUrlPrefix: string;
  show(title: string, body: string): void;
}

/** `{ title, body }` as sent by the preload, or null when it is anything else. */
export function validNotification(payload: unknown): { title: string; body: string } | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { title, body } = payload as Record<string, unknown>;
  if (typeof title !== 'string' || typeof body !== 'string' || title.trim() === '') return null;
  if (title.length > NOTIFY_LIMITS.title || body.length > NOTIFY_LIMITS.body) return null;
  return { title, body };
}

/** Listens for `app:notify`; returns the function that stops listening. */
export function registerNotify(opts: NotifyOptions): () => void {
  const listener = (event: InvokeEventLike, payload: unknown): void => {
    if (!isTrustedSender(event, opts.window(), opts.appUrlPrefix)) return;
    const n = validNotification(payload);
    if (n) opts.show(n.title, n.body);
  };
  opts.ipcMain.on(NOTIFY_CHANNEL, listener);
  return () => void opts.ipcMain.removeListener(NOTIFY_CHANNEL, listener);
}
