/**
 * Browser mode: the built renderer over HTTP and the typed API over a WebSocket at `/api/ws`
 * (wire format at the bottom of contracts/ipc.ts), in front of the same HostServices the
 * Electron shell wraps, through the same validators.
 *
 * Who may connect (serve-access.ts): holders of the per-run token, passed as `?token=` on the URL
 * the CLI prints (and then kept in an HttpOnly cookie so the page's assets load), on loopback too;
 * on loopback only by a loopback Host name (DNS rebinding); WebSocket upgrades only from our page.
 * Nothing a client sends may end the process: every parse of client input is total.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { ApiError, HostServices, WsReply } from '../../contracts/ipc.ts';
import { EVENTS } from '../../contracts/ipc.ts';
import { dispatchRequest } from '../ipc/dispatch.ts';
import { accessToken, authorised, hostAllowed, isLoopbackHost, originAllowed, parseTarget, type AccessRules } from './serve-access.ts';
import { contentSecurityPolicy, readStatic, securityHeaders } from './serve-static.ts';

export { isLoopbackHost, tokenMatches } from './serve-access.ts';

export interface ServeOptions {
  services: HostServices;
  staticDir: string; // the built renderer (dist/renderer)
  host?: string; // default 127.0.0.1
  port?: number; // default 0: any free port
  token?: string | null; // default: a fresh one for this run
  /** Public origins a reverse proxy serves us under (`https://luxp1.example.org`), normalised. */
  origins?: readonly string[];
}

export interface BrowserServer {
  url: string; // what to open, with ?token=
  port: number;
  token: string;
  tokenGenerated: boolean;
  close(): Promise<void>;
}

const WS_PATH = '/api/ws';
const MAX_MESSAGE_BYTES = 1 << 20;
const MAX_BUFFERED_BYTES = 4 << 20; // a tab that stopped reading loses events, not our memory

/** Starts the browser-mode server; resolves once it listens. */
export async function startBrowserServer(opts: ServeOptions): Promise<BrowserServer> {
  const host = opts.host ?? '127.0.0.1';
  const access = accessToken(opts.token);
  let port = 0;
  const cookieName = () => `luxp1_token_${port}`;
  const rules: AccessRules = {
    token: access.token,
    loopback: isLoopbackHost(host),
    localHosts: () => [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${host}:${port}`].map((h) => h.toLowerCase()),
    origins: opts.origins ?? [],
  };

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = parseTarget(req.url);
    if (!url) return void plain(res, 400, 'bad request target');
    if (!hostAllowed(rules, req)) return void plain(res, 421, 'unknown host: open LuxP1 at the address it printed');
    if (!authorised(rules, req, url, cookieName()))
      return void plain(res, 401, 'this LuxP1 needs its token: open the URL it printed, with ?token=');
    if (req.method !== 'GET' && req.method !== 'HEAD') return void plain(res, 405, 'method not allowed');
    const file = await readStatic(opts.staticDir, url.pathname);
    if (!file.ok) return void plain(res, file.status, file.message);
    // Behind a TLS-terminating proxy the page connects with wss://.
    const wsHosts = [req.headers.host ?? '', ...rules.origins.map((o) => URL.parse(o)?.host ?? '')].filter((h) => /^[\w.:[\]-]+$/.test(h));
    const csp = contentSecurityPolicy(wsHosts.flatMap((h) => [`ws://${h}`, `wss://${h}`]));
    const headers: Record<string, string> = { ...securityHeaders(csp), 'content-type': file.type, 'cache-control': 'no-cache' };
    if (url.searchParams.has('token')) {
      headers['set-cookie'] = `${cookieName()}=${encodeURIComponent(access.token)}; HttpOnly; SameSite=Strict; Path=/`;
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : file.body);
  };

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // Node hands the upgrade socket over without an error listener: a client reset would crash us.
    socket.on('error', () => socket.destroy());
    const refusal = upgradeRefusal(req);
    if (refusal) socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    else wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, opts.services));
  };
  const upgradeRefusal = (req: IncomingMessage): string | null => {
    const url = parseTarget(req.url);
    if (!url) return '400 Bad Request';
    if (url.pathname !== WS_PATH) return '404 Not Found';
    // Browsers always send Origin on WebSocket upgrades; a page from elsewhere must not reach the API.
    if (!hostAllowed(rules, req) || !originAllowed(rules, req)) return '403 Forbidden';
    if (!authorised(rules, req, url, cookieName())) return '401 Unauthorized';
    return null;
  };

  const server = createServer((req, res) => {
    onRequest(req, res).catch((err: unknown) => plain(res, 500, err instanceof Error ? err.message : String(err)));
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    try {
      onUpgrade(req, socket, head);
    } catch {
      socket.destroy(); // a bug of ours in a check must cost one connection, not the process
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  // After listen, 'error' means an accept failed (EMFILE under a connection flood): the listener
  // keeps running, so it is one lost connection; unheard, the event would end the process.
  server.on('error', () => {});
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/?token=${encodeURIComponent(access.token)}`,
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
