/**
 * Who may talk to browser mode, decided from what a client sends: the request target, the Host,
 * Origin and Cookie headers. Every parse here is total: a hostile value yields "refused", never a
 * throw (a throw in the upgrade handler ends the process).
 *
 * - A token on every listener, loopback included (as Jupyter does): any local OS user can reach
 *   127.0.0.1, and the API reads readings, sets the key and opens files. One is generated per run
 *   unless the user gives one.
 * - On a loopback listener the Host header must name us (DNS rebinding), or one of `origins`.
 * - WebSocket upgrades must come from our own page: Origin `http(s)://<Host>` (https: a
 *   TLS-terminating proxy that keeps the Host header) or one of `origins` (a proxy that rewrites it).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

import { isLoopbackHost } from '../../contracts/listen.ts';

export { isLoopbackHost };

/** The token to demand: the given one, or a fresh one for this run. */
export function accessToken(token?: string | null): { token: string; generated: boolean } {
  if (token) return { token, generated: false };
  return { token: randomBytes(18).toString('base64url'), generated: true };
}

/** Constant-time token comparison (hashing first makes the lengths equal). */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

/** The path and query of a request target; null for anything but an origin-form target (`/…`). */
export function parseTarget(target: string | undefined): URL | null {
  if (typeof target !== 'string' || !target.startsWith('/')) return null;
  // Concatenated, not resolved against a base: `//a:99999/` must stay a path, not become a host.
  return URL.parse(`http://localhost${target}`);
}

/** One cookie's value; null when absent or not decodable. */
export function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      return null;
    }
  }
  return null;
}

/** `scheme://host[:port]` of an allowed public origin (`--origin`); null when it is not one. */
export function normaliseOrigin(text: string): string | null {
  const u = URL.parse(text);
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:') || u.pathname !== '/' || u.search || u.username) return null;
  return u.origin;
}

export interface AccessRules {
  token: string;
  loopback: boolean; // the listener is on a loopback address
  localHosts: () => string[]; // `127.0.0.1:PORT` and friends, lower case
  origins: readonly string[]; // extra allowed origins, normalised
}

const hostOf = (origin: string): string => (URL.parse(origin)?.host ?? '').toLowerCase();

/** The Host header names us. */
export function hostAllowed(rules: AccessRules, req: IncomingMessage): boolean {
  const h = typeof req.headers.host === 'string' ? req.headers.host.toLowerCase() : '';
  if (h === '') return false;
  if (!rules.loopback) return true;
  return rules.localHosts().includes(h) || rules.origins.some((o) => hostOf(o) === h);
}

/** The Origin of a WebSocket upgrade is our own page's. */
export function originAllowed(rules: AccessRules, req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  const host = req.headers.host;
  if (typeof origin !== 'string' || typeof host !== 'string') return false;
  if (origin === `http://${host}` || origin === `https://${host}`) return true;
  return rules.origins.includes(origin);
}

/** The token came as `?token=` or in our cookie. */
export function authorised(rules: AccessRules, req: IncomingMessage, url: URL, cookieName: string): boolean {
  return tokenMatches(rules.token, url.searchParams.get('token')) || tokenMatches(rules.token, cookieValue(req.headers.cookie, cookieName));
}
