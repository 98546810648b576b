/**
 * LuxApi over the browser-mode WebSocket (wire format at the bottom of contracts/ipc.ts).
 * Reconnects with backoff; requests made while the socket is down wait for it, up to a timeout.
 * Replies and events that are not valid JSON of the expected shape are dropped, never thrown.
 */
import {
  CHANNELS,
  EVENTS,
  type ApiErrorCode,
  type ApiResult,
  type Channel,
  type EventName,
  type LuxApi,
  type WsRequest,
} from '../../contracts/ipc.ts';
import type { HostConnection } from '../state/store.ts';
import type { HostStatusSource } from './host-status.ts';

export interface WsApiOptions {
  url: string;
  WebSocketImpl?: typeof WebSocket; // default: the global one
  retryMinMs?: number; // first reconnect delay, doubled up to retryMaxMs
  retryMaxMs?: number;
  requestTimeoutMs?: number;
  /**
   * After upgrades fail twice without opening: is the token refused (true) rather than the host
   * down? Default: a HEAD of the page with the socket's token, refused with 401. A browser shows
   * no status for a failed WebSocket, and a restarted host has a new per-run token.
   */
  tokenRefused?: () => Promise<boolean>;
}

const REFUSED_MESSAGE = 'LuxP1 does not accept this page’s token (it was restarted with a new one): open the URL it printed.';

/** `ws(s)://host/api/ws?token=…` → `http(s)://host/?token=…`. */
export function pageUrlFor(wsUrl: string): string | null {
  let u: URL;
  try {
    u = new URL(wsUrl);
  } catch {
    return null;
  }
  u.protocol = u.protocol === 'wss:' ? 'https:' : 'http:';
  u.pathname = '/';
  return u.toString();
}

async function headRefused(wsUrl: string): Promise<boolean> {
  const page = pageUrlFor(wsUrl);
  if (!page) return false;
  try {
    return (await fetch(page, { method: 'HEAD', credentials: 'same-origin', cache: 'no-store' })).status === 401;
  } catch {
    return false; // down, not refusing
  }
}

export type WsApi = LuxApi & HostStatusSource & { close(): void };

type Pending = { resolve: (r: ApiResult<unknown>) => void; timer: ReturnType<typeof setTimeout>; sent: boolean };

const fail = (code: ApiErrorCode, message: string): ApiResult<never> => ({ ok: false, error: { code, message } });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Create the client and start connecting. */
export function createWsApi(options: WsApiOptions): WsApi {
  const { url, retryMinMs = 250, retryMaxMs = 5000, requestTimeoutMs = 30_000 } = options;
  const Impl = options.WebSocketImpl ?? globalThis.WebSocket;
  const pending = new Map<number, Pending>();
  const outbox = new Map<number, string>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const statusListeners = new Set<(s: HostConnection) => void>();
  let status: HostConnection = 'connecting';
  let socket: WebSocket | null = null;
  let nextId = 1;
  let retryMs = retryMinMs;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let failedOpens = 0; // upgrades in a row that closed before opening
  let refused = false; // the host refuses our token: requests fail at once, in words
  let checking = false;
  const tokenRefused = options.tokenRefused ?? (() => headRefused(url));

  const setStatus = (s: HostConnection): void => {
    status = s;
    statusListeners.forEach((l) => l(s));
  };

  const onMessage = (data: unknown): void => {
    let msg: unknown;
    try {
      msg = JSON.parse(String(data));
    } catch {
      return;
    }
    if (!isObject(msg)) return;
    if (typeof msg.id === 'number' && isObject(msg.result) && typeof msg.result.ok === 'boolean') {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      clearTimeout(p.timer);
      p.resolve(msg.result as ApiResult<unknown>);
    } else if (typeof msg.event === 'string' && (EVENTS as readonly string[]).includes(msg.event)) {
      listeners.get(msg.event as EventName)?.forEach((l) => l(msg.payload));
    }
  };

  const flush = (): void => {
    for (const [id, text] of outbox) {
      socket?.send(text);
      const p = pending.get(id);
      if (p) p.sent = true;
    }
    outbox.clear();
  };

  const connect = (): void => {
    setStatus('connecting');
    const ws = new Impl(url);
    socket = ws;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      failedOpens = 0;
      refused = false;
      retryMs = retryMinMs;
      setStatus('open');
      flush();
    };
    ws.onmessage = (e) => onMessage(e.data);
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      // A request already on the wire may never be answered by the new connection.
      for (const [id, p] of pending) {
        if (!p.sent) continue;
        pending.delete(id);
        clearTimeout(p.timer);
        p.resolve(fail('DISCONNECTED', 'The connection to LuxP1 was lost before it answered.'));
      }
      if (closed) return;
      if (!opened && ++failedOpens >= 2 && !refused && !checking) void checkToken();
      setStatus('closed');
      retryTimer = setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, retryMaxMs);
    };
  };

  const checkToken = async (): Promise<void> => {
    checking = true;
    const no = !(await tokenRefused().catch(() => false));
    checking = false;
    if (no || closed || status === 'open') return;
    refused = true;
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      p.resolve(fail('UNAUTHORIZED', REFUSED_MESSAGE));
      pending.delete(id);
      outbox.delete(id);
    }
  };

  const request = (channel: Channel, payload: unknown): Promise<ApiResult<unknown>> => {
    if (closed) return Promise.resolve(fail('CLOSED', 'The client is closed.'));
    if (refused) return Promise.resolve(fail('UNAUTHORIZED', REFUSED_MESSAGE));
    const id = nextId++;
    const text = JSON.stringify({ id, channel, payload: payload ?? null } satisfies WsRequest);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        outbox.delete(id);
        resolve(fail('TIMEOUT', `No answer to ${channel} within ${requestTimeoutMs} ms.`));
      }, requestTimeoutMs);
      pending.set(id, { resolve, timer, sent: false });
      outbox.set(id, text);
      if (status === 'open') flush();
    });
  };

  const api = Object.fromEntries(CHANNELS.map((c) => [c, (payload: unknown) => request(c, payload)]));
  connect();

  return {
    ...(api as Omit<LuxApi, 'on'>),
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const l = listener as (payload: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
    onHostStatus(listener) {
      statusListeners.add(listener);
      listener(status);
      return () => statusListeners.delete(listener);
    },
    close() {
      closed = true;
      clearTimeout(retryTimer);
      socket?.close();
      socket = null;
      for (const p of pending.values()) {
        clearTimeout(p.timer);
        p.resolve(fail('CLOSED', 'The client is closed.'));
      }
      pending.clear();
      outbox.clear();
    },
  } as WsApi;
}
