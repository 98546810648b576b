/**
 * The built renderer as static files, for both shells (browser mode over HTTP, Electron's app://
 * protocol), and the Content-Security-Policy they both send. Only files under the root are served:
 * paths are decoded once, normalised, and checked again after symlinks are resolved.
 */
import { readFileSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, extname, join, posix, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/**
 * The page's Content-Security-Policy: everything from our own origin, no inline or eval'd script,
 * no plugins, no framing. `connect` lists what the page may open besides 'self' (the WebSocket).
 */
export function contentSecurityPolicy(connect: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${["'self'", ...connect].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers every served file carries. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
  };
}

export type StaticFile = { ok: true; body: Buffer; type: string; path: string } | { ok: false; status: 400 | 404; message: string };

/** The content type for a file name, by extension. */
export function contentTypeFor(name: string): string {
  return TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/** Maps a URL path (no query) to a file under `root`; routes without an extension fall back to index.html. */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { ok: false, status: 400, message: 'bad percent-encoding' };
  }
  // Refuse rather than resolve: a '..' segment is never a link the renderer makes.
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').includes('..')) {
    return { ok: false, status: 400, message: 'bad path' };
  }
  const clean = posix.normalize(decoded);
  const wanted = clean === '/' ? '/index.html' : clean;
  const hit = await readInside(root, wanted);
  if (hit || extname(wanted) !== '') return hit ?? { ok: false, status: 404, message: 'not found' };
  return (await readInside(root, '/index.html')) ?? { ok: false, status: 404, message: 'renderer not built' };
}

async function readInside(root: string, rel: string): Promise<StaticFile | null> {
  try {
    const realRoot = await realpath(root);
    const real = await realpath(join(realRoot, ...rel.split('/')));
    if (!real.startsWith(realRoot + sep)) return null; // a symlink pointing out of the root
    if (!(await stat(real)).isFile()) return null;
    return { ok: true, body: await readFile(real), type: contentTypeFor(real), path: real };
  } catch {
    return null;
  }
}

/** The repository root (the folder whose package.json is named "luxp1"), searched upwards from `from`. */
export function findProjectRoot(from: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name === 'luxp1') return dir;
    } catch {
      // no package.json here, or not ours: keep climbing
    }
    if (dirname(dir) === dir) return null;
  }
}
