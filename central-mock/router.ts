/**
 * Routes requests to handlers: path matching, 404 vs 405, the staff bearer token, meter lookup and
 * the JSON body are settled here, so handlers only see well-formed input. Anything a handler throws
 * becomes a generic 500 and one log line; no request detail beyond method and path is logged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { AuditLog } from './audit.ts';
import { fail, readJson, send, type Reply } from './http.ts';
import type { MeterRow } from './meter.ts';
import { addressKey, type PairThrottle } from './pair-throttle.ts';
import type { Pairing } from './pairing.ts';
import type { Peers } from './peers.ts';
import type { StaffAuth } from './staff-auth.ts';
import { type Store, storageFailure } from './store.ts';
import { isMeterRef } from './validate.ts';

export interface Deps {
  store: Store;
  audit: AuditLog;
  pairing: Pairing;
  staff: StaffAuth;
  throttle: PairThrottle;
  peers: Peers;
  log(line: string): void;
}

export interface Ctx {
  deps: Deps;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  actor: string; // "staff:<id>" or "customer"
  client: string; // the client's address key (pair-throttle.ts)
  meter: MeterRow; // resolved from :id for routes that name a meter
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string; // segments, ':name' binds a parameter; ':id' is a meter id or system title
  staff: boolean;
  handle(ctx: Ctx): Reply | Promise<Reply>;
}

function match(pattern: string[], parts: string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    if (p.startsWith(':')) params[p.slice(1)] = parts[i]!;
    else if (p !== parts[i]) return null;
  }
  return params;
}

function splitPath(pathname: string): string[] | null {
  try {
    return pathname
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
}

function bearer(req: IncomingMessage): string {
  const h = req.headers.authorization ?? '';
  return /^Bearer [^\s]+$/.test(h) ? h.slice(7) : '';
}

/** Builds the request listener for `routes`. */
export function createRouter(routes: readonly Route[], deps: Deps): (req: IncomingMessage, res: ServerResponse) => void {
  const table = routes.map((r) => ({ route: r, pattern: r.path.split('/').filter((s) => s !== '') }));
  async function dispatch(req: IncomingMessage): Promise<Reply> {
    const url = URL.parse(req.url ?? '/', 'http://localhost');
    if (url === null) return fail(400, 'BAD_REQUEST', 'request target is not a valid URL');
    const parts = splitPath(url.pathname);
    if (parts === null) return fail(400, 'BAD_REQUEST', 'path is not valid percent-encoding');
    const hits = table.map((t) => ({ route: t.route, params: match(t.pattern, parts) })).filter((h) => h.params !== null);
    if (hits.length === 0) return fail(404, 'NOT_FOUND', `no route ${url.pathname}`);
    const hit = hits.find((h) => h.route.method === req.method);
    if (!hit) {
      const allow = [...new Set(hits.map((h) => h.route.method))].join(', ');
      return {
        ...fail(405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${url.pathname} (allowed: ${allow})`),
        headers: { allow },
      };
    }
    const { route } = hit;
    const params = hit.params!;
    let actor = 'customer';
    if (route.staff) {
      const id = deps.staff.verify(bearer(req));
      if (id === null)
        return {
          ...fail(401, 'UNAUTHORIZED', 'a valid staff token is required (Authorization: Bearer <token>)'),
          headers: { 'www-authenticate': 'Bearer' },
        };
      actor = `staff:${id}`;
    }
    let body: unknown;
    if (req.method !== 'GET' && req.method !== 'DELETE') {
      const read = await readJson(req);
      if (!read.ok) return read.reply;
      body = read.value;
    }
    // Looked up after the body's await and handled in the same turn: a row read before it could be
    // stale by now, and saving it would undo another request's change and audit a wrong "before".
    let meter: MeterRow | undefined;
    if (params.id !== undefined) {
      meter = isMeterRef(params.id) ? deps.store.find(params.id) : undefined;
      if (!meter) return fail(404, 'UNKNOWN_METER', `no meter ${JSON.stringify(params.id.slice(0, 40))}`);
    }
    const client = addressKey(req.socket.remoteAddress);
    return route.handle({ deps, params, query: url.searchParams, body, actor, client, meter: meter! });
  }
  let storageLoggedAt = Number.NEGATIVE_INFINITY;
  return (req, res) => {
    dispatch(req)
      .catch((err: unknown) => {
        const storage = storageFailure(err);
        if (storage !== null) {
          // one line per minute at most: a full disk fails every write, and the log shares the disk
          const now = deps.store.now();
          if (now - storageLoggedAt >= 60_000) {
            storageLoggedAt = now;
            deps.log(
              `central: cannot write ${join(deps.store.dir, 'central.sqlite')}: ${storage === 'full' ? 'the disk (or the database) is full' : 'I/O error'} (${(err as Error).message}); answering 503, nothing was changed`,
            );
          }
          return {
            ...(storage === 'full'
              ? fail(503, 'STORAGE_FULL', 'the central system cannot save: its disk is full; nothing was changed, try again later')
              : fail(503, 'STORAGE_ERROR', 'the central system cannot save (I/O error); nothing was changed, try again later')),
            headers: { 'retry-after': '60' },
          };
        }
        deps.log(
          `central: internal error on ${req.method} ${(req.url ?? '').split('?')[0]}: ${err instanceof Error ? err.message : 'unknown'}`,
        );
        return fail(500, 'INTERNAL', 'internal error; see the server log');
      })
      .then((reply) => send(res, reply))
      .catch(() => res.destroy());
  };
}
