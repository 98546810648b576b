/**
 * Which LuxApi the renderer uses: Electron's preload bridge when present, else the browser-mode
 * WebSocket on the page's own host, carrying the page's `?token=` along.
 */
import type { LuxApi } from '../../contracts/ipc.ts';
import type { HostStatusSource } from './host-status.ts';
import { createWsApi } from './ws-client.ts';

declare global {
  interface Window {
    luxp1?: LuxApi;
  }
}

/** The WebSocket URL for a page at `location`: same host, path /api/ws, token passed through. */
export function wsUrlFor(location: Pick<Location, 'protocol' | 'host' | 'search'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const token = new URLSearchParams(location.search).get('token');
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  return `${scheme}//${location.host}/api/ws${query}`;
}

/** The API for this window. */
export function pickApi(win: Window): LuxApi & Partial<HostStatusSource> {
  return win.luxp1 ?? createWsApi({ url: wsUrlFor(win.location) });
}
