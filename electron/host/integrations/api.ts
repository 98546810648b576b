/**
 * The local JSON API, a small read API next to the app (as HomeWizard's P1 meter has):
 *
 *   GET /api/v1/meters   {"meters":[{"meterId","receivedAt","reading":<luxp1 decode record>}]}, the latest per meter
 *   GET /api/v1/stream   Server-Sent Events: `event: reading` + `data: {…same shape…}` per telegram, the
 *                        latest per meter first; a `: ping` comment every 30 s keeps proxies from closing it
 *
 * Loopback by default, where the Host header must name a loopback address (DNS rebinding). Listening
 * elsewhere needs a token, sent as `Authorization: Bearer <token>` and compared in constant time.
 * Requests from another site's page (an Origin that is not this Host) are refused. An SSE client that
 * stops reading is dropped once 1 MiB waits for it: it cannot grow the app's memory.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isLoopbackHost } from '../../../contracts/listen.ts';
import { type DecodeRecord, toRecord } from '../../../protocol/index.ts';
import { parseTarget, tokenMatches } from '../serve-access.ts';
import { meterSlug } from './mqtt-fields.ts';
import type { TelegramEvent } from './reserve.ts';

export interface ApiOptions {
  host: string;
  port: number; // 0: any free port
  token?: string; // required off loopback
  log: (line: string) => void;
  maxQueuedBytes?: number; // per stream client; default 1 MiB
  pingMs?: number; // default 30 s
}

export interface LocalApi {
  readonly host: string;
  readonly port: number;
  publish(event: TelegramEvent, at: number): void;
  close(): Promise<void>;
}

interface Latest {
  meterId: string;
  receivedAt: string;
  reading: DecodeRecord;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(`${JSON.stringify(body)}\n`);
}

const sseEvent = (item: Latest): string => `event: reading\ndata: ${JSON.stringify(item)}\n\n`;

/** Starts the API; rejects when it cannot listen, or would listen beyond loopback without a token. */
export async function startApi(opts: ApiOptions): Promise<LocalApi> {
  const loopback = isLoopbackHost(opts.host);
  if (!loopback && !opts.token) throw new Error(`api: listening on ${opts.host} (beyond this computer) needs a token`);
  const maxQueued = opts.maxQueuedBytes ?? 1024 * 1024;
  const latest = new Map<string, Latest>();
  const streams = new Set<ServerResponse>();

  /** Why a request is refused, or null. */
  function refusal(req: IncomingMessage): [number, string] | null {
    const host = typeof req.headers.host === 'string' ? req.headers.host : '';
    const hostName = host.replace(/:\d+$/, '');
    if (loopback && !isLoopbackHost(hostName)) return [403, 'Host is not a loopback name'];
    const origin = req.headers.origin;
    if (typeof origin === 'string' && origin !== `http://${host}` && origin !== `https://${host}`) return [403, 'cross-site request'];
    if (opts.token) {
      const auth = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
      const given = /^Bearer (\S+)$/i.exec(auth)?.[1];
      if (!tokenMatches(opts.token, given)) return [401, 'a bearer token is required'];
    }
    return null;
  }

  function openStream(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write('retry: 5000\n\n');
    for (const item of latest.values()) res.write(sseEvent(item));
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  const server = createServer((req, res) => {
    const refused = refusal(req);
    if (refused) return sendJson(res, refused[0], { error: refused[1] }, refused[0] === 401 ? { 'www-authenticate': 'Bearer' } : {});
    const url = parseTarget(req.url);
    if (!url) return sendJson(res, 400, { error: 'bad request target' });
    if (url.pathname !== '/api/v1/meters' && url.pathname !== '/api/v1/stream') return sendJson(res, 404, { error: 'no such endpoint' });
    if (req.method !== 'GET') return sendJson(res, 405, { error: 'only GET' }, { allow: 'GET' });
    if (url.pathname === '/api/v1/meters') return sendJson(res, 200, { meters: [...latest.values()] });
    openStream(res);
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => opts.log(`api: ${err.message}`));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  if (!loopback)
    opts.log(
      `api: listening on ${opts.host}:${port}, beyond this computer: bearer token required, no TLS (use a trusted network or a proxy)`,
    );
  const ping = setInterval(() => {
    for (const res of streams) res.write(': ping\n\n');
  }, opts.pingMs ?? 30_000);
  ping.unref();

  return {
    host: opts.host,
    port,
    publish(event, at) {
      const reading = toRecord(event);
      const item: Latest = { meterId: meterSlug(reading), receivedAt: new Date(at).toISOString(), reading };
      latest.set(item.meterId, item);
      const text = sseEvent(item);
      for (const res of streams) {
        if (res.writableLength + text.length > maxQueued) {
          opts.log(`api: dropped a stream client: ${res.writableLength} bytes unread (a slow or stalled reader)`);
          streams.delete(res);
          res.destroy();
          continue;
        }
        res.write(text);
      }
    },
    close() {
      clearInterval(ping);
      for (const res of streams) res.destroy();
      streams.clear();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
