/**
 * The HTTP plumbing shared by every route: bounded JSON bodies, JSON replies and the error shape
 * of API.md ({"error": CODE, "message": "one line"}).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const BODY_LIMIT = 64 * 1024;
const DRAIN_LIMIT = 1024 * 1024; // past this an oversized upload is cut off rather than read to the end

export type ErrorCode =
  | 'BAD_JSON'
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'UNKNOWN_METER'
  | 'UNKNOWN_DEVICE'
  | 'BAD_CODE'
  | 'LOCKED'
  | 'CONFLICT'
  | 'TOO_LARGE'
  | 'STORAGE_FULL'
  | 'STORAGE_ERROR'
  | 'INTERNAL';

/** What a handler returns; the router writes it. */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A JSON reply. */
export const json = (status: number, body: unknown): Reply => ({ status, body });

/** An error reply; `extra` adds fields such as attemptsLeft or lockedUntil. */
export function fail(status: number, error: ErrorCode, message: string, extra?: Record<string, unknown>): Reply {
  return { status, body: { error, message, ...extra } };
}

/** Reads a request body as JSON: `undefined` when empty, or an error reply (413, 400) as a value. */
export function readJson(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; reply: Reply }> {
  const tooLarge = { ok: false as const, reply: fail(413, 'TOO_LARGE', `request body exceeds ${BODY_LIMIT} bytes`) };
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > BODY_LIMIT) {
    req.resume();
    return Promise.resolve(tooLarge);
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= BODY_LIMIT) chunks.push(c);
      else if (size > DRAIN_LIMIT) req.destroy();
    });
    req.on('error', () => resolve(tooLarge));
    req.on('end', () => {
      if (size > BODY_LIMIT) return resolve(tooLarge);
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({ ok: true, value: undefined });
      try {
        resolve({ ok: true, value: JSON.parse(text) as unknown });
      } catch {
        resolve({ ok: false, reply: fail(400, 'BAD_JSON', 'request body is not valid JSON') });
      }
    });
  });
}

/** Writes a reply as JSON. */
export function send(res: ServerResponse, reply: Reply): void {
  const body = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...reply.headers,
  });
  res.end(body);
}
