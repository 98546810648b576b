/**
 * What the central checks before any route: the Host it is addressed by (a DNS-rebinding page would
 * send its own name), the Origin of a browser request (a cross-site form or fetch, `text/plain`
 * included, must not reach /api/pair), and that bodies are JSON. Also the 400 for malformed HTTP and
 * the warning for a non-loopback bind.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { fail, type Reply } from './http.ts';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];
const WILDCARDS = ['0.0.0.0', '::', ''];

/** True for an address or name that only this machine reaches. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h) || /^::ffff:127\.\d+\.\d+\.\d+$/.test(h);
}

/** The host name of a Host header or URL authority, without port or IPv6 brackets; null when malformed. */
function hostName(authority: string): string | null {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s/]+))(?::\d{1,5})?$/.exec(authority.trim());
  return m ? (m[1] ?? m[2]!).toLowerCase() : null;
}

/** Builds the per-request check; null means the request may go on. */
export function createRequestGuard(listenHost: string, allowHosts: readonly string[]): (req: IncomingMessage) => Reply | null {
  const allowed = new Set([...LOOPBACK_NAMES, ...allowHosts.map((h) => h.toLowerCase().replace(/^\[|\]$/g, ''))]);
  if (!WILDCARDS.includes(listenHost)) allowed.add(listenHost.toLowerCase());
  const ok = (name: string | null) => name !== null && (allowed.has(name) || isLoopback(name));
  return (req) => {
    const host = req.headers.host;
    if (host === undefined) return fail(400, 'BAD_REQUEST', 'a Host header is required');
    const name = hostName(host);
    if (!ok(name))
      return fail(
        403,
        'FORBIDDEN',
        `this central system is not served as ${JSON.stringify(host.slice(0, 100))}; start it with --allow-host NAME to serve that name`,
      );
    const origin = req.headers.origin;
    if (origin !== undefined) {
      const from = URL.parse(origin);
      if (from === null || !ok(hostName(from.host))) return fail(403, 'FORBIDDEN', 'cross-site requests are refused (Origin)');
    }
    if (req.headers['sec-fetch-site'] === 'cross-site') return fail(403, 'FORBIDDEN', 'cross-site requests are refused (Sec-Fetch-Site)');
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (hasBody && type !== 'application/json')
      return fail(
        415,
        'BAD_REQUEST',
        `request bodies must be JSON (content-type: application/json), got ${JSON.stringify(type.slice(0, 60))}`,
      );
    return null;
  };
}

/** `clientError`: malformed HTTP gets a 400 (431, 408) with the API's error body before the connection closes. */
export function answerMalformed(err: Error & { code?: string }, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, message] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'request headers too large']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'request not complete in time']
        : [400, 'Bad Request', 'malformed HTTP request'];
  const body = JSON.stringify({ error: 'BAD_REQUEST', message });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/** The one-line warning for a bind that other machines can reach. */
export function exposedWarning(host: string, allowHosts: readonly string[]): string {
  const names =
    allowHosts.length > 0 ? `served as ${allowHosts.join(', ')}` : 'served by loopback names only until you add --allow-host NAME';
  return `central: WARNING: listening on ${host}, not loopback: every machine that reaches this port can call the API over plain HTTP (staff tokens, keys and pairing codes unencrypted); put a TLS proxy and a firewall in front (${names})`;
}
