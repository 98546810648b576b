/**
 * Browser mode: the built renderer over HTTP and the typed API over a WebSocket at `/api/ws`
 * (wire format at the bottom of contracts/ipc.ts), in front of the same HostServices the
 * Electron shell wraps, through the same validators.
 *
 * Who may connect: on a loopback address, anyone on this machine who names us by a loopback host
 * (the Host and Origin checks stop DNS-rebinding pages); on any other address, only holders of the
 * token, passed as `?token=` (and then kept in an HttpOnly cookie so the page's assets load).
 */
import { isLoopbackHost } from '../../contracts/listen.ts';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { ApiError, HostServices, WsReply } from '../../contracts/ipc.ts';
import { EVENTS } from '../../contracts/ipc.ts';
import { dispatchRequest } from '../ipc/dispatch.ts';
import { contentSecurityPolicy, readStatic, securityHeaders } from './serve-static.ts';

export interface ServeOptions {
  services: HostServices;
  staticDir: string; // the built renderer (dist/renderer)
  host?: string; // default 127.0.0.1
  port?: number; // default 0: any free port
  token?: string | null; // required on non-loopback hosts; generated when missing
  requireToken?: boolean; // demand the token even on loopback
}

export interface BrowserServer {
  url: string; // what to open, with ?token= when one is needed
  port: number;
  token: string | null;
  tokenGenerated: boolean;
  close(): Promise<void>;
}

const WS_PATH = '/api/ws';
const MAX_MESSAGE_BYTES = 1 << 20;
const MAX_BUFFERED_BYTES = 4 << 20; // a tab that stopped reading loses events, not our memory

/** Which token a listener needs: none on loopback (unless asked), the given one, or a fresh one. */
export function accessPolicy(host: string, token?: string | null, requireToken = false): { token: string | null; generated: boolean } {
  if (token) return { token, generated: false };
  if (isLoopbackHost(host) && !requireToken) return { token: null, generated: false };
  return { token: randomBytes(18).toString('base64url'), generated: true };
}

/** Constant-time token comparison (hashing first makes the lengths equal). */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

function cookieToken(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

/** Starts the browser-mode server; resolves once it listens. */
export async function startBrowserServer(opts: ServeOptions): Promise<BrowserServer> {
  const host = opts.host ?? '127.0.0.1';
  const access = accessPolicy(host, opts.token, opts.requireToken);
  const loopback = isLoopbackHost(host) && !opts.requireToken && !opts.token;
  let port = 0;
  const cookieName = () => `luxp1_token_${port}`;

  /** The Host header names us (always required without a token: DNS rebinding). */
  const hostAllowed = (req: IncomingMessage): boolean => {
    const h = (req.headers.host ?? '').toLowerCase();
    if (!loopback) return h !== '';
    return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${host}:${port}`].includes(h);
  };
  const authorised = (req: IncomingMessage, url: URL): boolean => {
    if (access.token === null) return true;
    return tokenMatches(access.token, url.searchParams.get('token')) || tokenMatches(access.token, cookieToken(req, cookieName()));
  };

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!hostAllowed(req)) return void plain(res, 421, 'unknown host: open LuxP1 at the address it printed');
    if (!authorised(req, url)) return void plain(res, 401, 'this LuxP1 needs its token: open the URL it printed, with ?token=');
    if (req.method !== 'GET' && req.method !== 'HEAD') return void plain(res, 405, 'method not allowed');
    const file = await readStatic(opts.staticDir, url.pathname);
    if (!file.ok) return void plain(res, file.status, file.message);
    const csp = contentSecurityPolicy([`ws://${req.headers.host}`]);
    const headers: Record<string, string> = { ...securityHeaders(csp), 'content-type': file.type, 'cache-control': 'no-cache' };
    if (access.token !== null && url.searchParams.has('token')) {
      headers['set-cookie'] = `${cookieName()}=${encodeURIComponent(access.token)}; HttpOnly; SameSite=Strict; Path=/`;
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : file.body);
  };

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // Node hands the upgrade socket over without an error listener: a client reset would crash us.
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://localhost');
    const refuse = (status: string): void => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (url.pathname !== WS_PATH) return refuse('404 Not Found');
    // Browsers always send Origin on WebSocket upgrades; a page from elsewhere must not reach the API.
    if (!hostAllowed(req) || req.headers.origin !== `http://${req.headers.host}`) return refuse('403 Forbidden');
    if (!authorised(req, url)) return refuse('401 Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, opts.services));
  };

  const server = createServer((req, res) => {
    onRequest(req, res).catch((err: unknown) => plain(res, 500, err instanceof Error ? err.message : String(err)));
  });
  server.on('upgrade', onUpgrade);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const query = access.token === null ? '' : `?token=${encodeURIComponent(access.token)}`;
  return {
    url: `http://${shownHost}:${port}/${query}`,
    port,
    token: access.token,
    tokenGenerated: access.generated,
    close: async () => {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function plain(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
  res.end(`${text}\n`);
}

let socketCount = 0;

/** One WebSocket client: requests in, replies and its host events out, until it closes. */
function serveSocket(ws: WebSocket, services: HostServices): void {
  // Each connection is its own client: its staff session is its own and ends with it.
  const client = `ws:${++socketCount}`;
  const send = (msg: WsReply): void => {
    if (ws.readyState === ws.OPEN && ws.bufferedAmount < MAX_BUFFERED_BYTES) ws.send(JSON.stringify(msg));
  };
  const offs = EVENTS.map((event) => services.on(event, (payload) => send({ event, payload }), client));
  ws.on('close', () => {
    offs.forEach((off) => off());
    void services.handle('staff:signOut', null, client);
  });
  // An oversized message or invalid UTF-8 is emitted as 'error' (ws then closes the socket itself);
  // unheard, that error would take the whole app down.
  ws.on('error', () => ws.terminate());
  ws.on('message', (data, isBinary) => {
    const request = parseRequest(isBinary ? null : data.toString());
    if (!request.ok) return void send({ id: request.id, result: { ok: false, error: request.error } });
    void dispatchRequest(services, request.channel, request.payload, client).then((result) => send({ id: request.id, result }));
  });
}

type Parsed = { ok: true; id: number; channel: unknown; payload: unknown } | { ok: false; id: number; error: ApiError };

/** Reads one wire message; anything unreadable is answered with id 0 (no request of ours has it). */
function parseRequest(text: string | null): Parsed {
  let msg: unknown;
  try {
    msg = text === null ? undefined : JSON.parse(text);
  } catch {
    msg = undefined;
  }
  if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) {
    return { ok: false, id: 0, error: { code: 'BAD_JSON', message: 'ws: expected one JSON object per message' } };
  }
  const { id, channel, payload } = msg as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) {
    return { ok: false, id: 0, error: { code: 'BAD_REQUEST', message: 'ws: expected a numeric "id"' } };
  }
  return { ok: true, id, channel, payload };
}
