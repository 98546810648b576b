import { request } from 'node:http';
import { connect as tcpConnect } from 'node:net';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import type { EventName, HostServices } from '../../../contracts/ipc.ts';
import { startBrowserServer, tokenMatches } from '../../../electron/host/serve.ts';
import type { BrowserServer } from '../../../electron/host/serve.ts';

let tmp: string;
let staticDir: string;
const servers: BrowserServer[] = [];
const sockets: WebSocket[] = [];

function fakeServices() {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const services: HostServices = {
    handle: vi.fn(async (channel, payload) => ({ ok: true, value: { channel, payload } }) as never),
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(listener as (p: unknown) => void));
      return () => void set.delete(listener as (p: unknown) => void);
    },
    close: async () => {},
  };
  const emit = (event: EventName, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload));
  return { services, emit, listeners };
}

const TOKEN = 'T0ken-for-tests';

async function serve(extra: { token?: string; origins?: string[] } = {}) {
  const fake = fakeServices();
  const server = await startBrowserServer({ services: fake.services, staticDir, token: TOKEN, ...extra });
  servers.push(server);
  return { ...fake, server, base: `http://127.0.0.1:${server.port}`, ws: `ws://127.0.0.1:${server.port}/api/ws?token=${server.token}` };
}

/** Writes raw bytes to the server and resolves with everything it answers before closing. */
function raw(port: number, text: string) {
  return new Promise<string>((resolve) => {
    const socket = tcpConnect(port, '127.0.0.1', () => socket.end(text));
    let out = '';
    socket.on('data', (c: Buffer) => (out += c.toString('latin1')));
    socket.on('error', () => resolve(out));
    socket.on('close', () => resolve(out));
  });
}

/** Raw GET: fetch() would normalise `..` away before it left the client. */
function get(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a WebSocket; resolves with it once open, or with the HTTP status that refused it. */
function connect(url: string, origin: string, headers: Record<string, string> = {}) {
  return new Promise<{ ws: WebSocket } | { status: number }>((resolve, reject) => {
    const ws = new WebSocket(url, { origin, headers });
    sockets.push(ws);
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    ws.once('error', reject);
  });
}

const nextMessage = (ws: WebSocket) =>
  new Promise<Record<string, unknown>>((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'luxp1-serve-'));
  staticDir = join(tmp, 'renderer');
  await mkdir(join(staticDir, 'assets'), { recursive: true });
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>LuxP1</title>');
  await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(tmp, 'secret.txt'), 'do not serve');
  await symlink(join(tmp, 'secret.txt'), join(staticDir, 'assets', 'link.txt'));
});

afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  for (const s of servers.splice(0)) await s.close();
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** The cookie the page's first load sets, so later requests need no ?token=. */
const cookieFor = (port: number) => `luxp1_token_${port}=${encodeURIComponent(TOKEN)}`;
const local = (port: number) => ({ host: `127.0.0.1:${port}`, cookie: cookieFor(port) });

describe('browser-mode static files', () => {
  it('serves the renderer with its content type and the CSP header', async () => {
    const { server } = await serve();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${TOKEN}`);
    const page = await get(server.port, `/?token=${TOKEN}`, { host: `127.0.0.1:${server.port}` });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain(`ws://127.0.0.1:${server.port}`);
    expect(page.headers['content-security-policy']).toContain(`wss://127.0.0.1:${server.port}`);
    const js = await get(server.port, '/assets/app.js', { host: `localhost:${server.port}`, cookie: cookieFor(server.port) });
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect((await get(server.port, '/settings', local(server.port))).body).toContain('<title>LuxP1');
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/link.txt',
    '/x%00.js',
  ])('refuses %s', async (path) => {
    const { server } = await serve();
    const res = await get(server.port, path, local(server.port));
    expect([400, 404]).toContain(res.status);
    expect(res.body).not.toContain('do not serve');
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { server } = await serve();
    expect((await get(server.port, `/?token=${TOKEN}`, { host: `evil.example:${server.port}` })).status).toBe(421);
  });
});

describe('browser-mode WebSocket', () => {
  it('answers requests, forwards events, and survives bad JSON', async () => {
    const { server, emit, services, ws: url } = await serve();
    const r = await connect(url, `http://127.0.0.1:${server.port}`);
    if (!('ws' in r)) throw new Error(`refused: ${r.status}`);
    const { ws } = r;
    ws.send(JSON.stringify({ id: 7, channel: 'key:set', payload: { hex: 'AB' } }));
    expect(await nextMessage(ws)).toEqual({ id: 7, result: { ok: true, value: { channel: 'key:set', payload: { hex: 'AB' } } } });

    ws.send('{not json');
    expect(await nextMessage(ws)).toMatchObject({ id: 0, result: { ok: false, error: { code: 'BAD_JSON' } } });
    ws.send(JSON.stringify({ id: 8, channel: 'source:set', payload: { kind: 'tcp', port: 'x' } }));
    expect(await nextMessage(ws)).toMatchObject({ id: 8, result: { ok: false, error: { code: 'BAD_PAYLOAD' } } });
    ws.send(JSON.stringify({ id: 9, channel: 'shell:exec', payload: null }));
    expect(await nextMessage(ws)).toMatchObject({ id: 9, result: { ok: false, error: { code: 'BAD_CHANNEL' } } });
    expect(services.handle).toHaveBeenCalledTimes(1);

    const link = { status: 'open', source: null, since: 1, lastDataAt: null };
    emit('meter:link', link);
    expect(await nextMessage(ws)).toEqual({ event: 'meter:link', payload: link });
  });

  it('drops a client that sends an oversized or non-UTF-8 message, and keeps serving the others', async () => {
    const { server, ws: url } = await serve();
    const origin = `http://127.0.0.1:${server.port}`;
    for (const bad of ['x'.repeat((1 << 20) + 1), Buffer.from([0x22, 0xff, 0xfe, 0x22])]) {
      const r = await connect(url, origin);
      if (!('ws' in r)) throw new Error(`refused: ${r.status}`);
      const closed = new Promise<number>((resolve) => r.ws.once('close', resolve));
      r.ws.on('error', () => {}); // the server's close frame may reach us as a protocol error
      r.ws.send(bad, { binary: false });
      expect(await closed).toBeGreaterThanOrEqual(1000);
    }
    const ok = await connect(url, origin);
    if (!('ws' in ok)) throw new Error('refused');
    ok.ws.send(JSON.stringify({ id: 1, channel: 'key:status', payload: null }));
    expect(await nextMessage(ok.ws)).toMatchObject({ id: 1, result: { ok: true } });
  });

  it('unsubscribes from host events when the socket closes', async () => {
    const { server, listeners, ws: url } = await serve();
    const r = await connect(url, `http://127.0.0.1:${server.port}`);
    if (!('ws' in r)) throw new Error('refused');
    expect(listeners.get('meter:reading')?.size).toBe(1);
    await new Promise((resolve) => {
      r.ws.once('close', resolve);
      r.ws.close();
    });
    await vi.waitFor(() => expect(listeners.get('meter:reading')?.size).toBe(0));
  });

  it('refuses upgrades from another origin or by another host name', async () => {
    const { server, ws: url } = await serve();
    expect(await connect(url, 'http://evil.example')).toEqual({ status: 403 });
    expect(await connect(url, `https://evil.example:${server.port}`)).toEqual({ status: 403 });
    expect(await connect(url, `http://evil.example:${server.port}`, { host: `evil.example:${server.port}` })).toEqual({ status: 403 });
    expect(await connect(`ws://127.0.0.1:${server.port}/other?token=${TOKEN}`, `http://127.0.0.1:${server.port}`)).toEqual({
      status: 404,
    });
  });
});

describe('browser-mode token', () => {
  it('generates a token per run on loopback too, and the printed URL carries it', async () => {
    const fake = fakeServices();
    const a = await startBrowserServer({ services: fake.services, staticDir });
    const b = await startBrowserServer({ services: fake.services, staticDir });
    servers.push(a, b);
    expect(a.tokenGenerated).toBe(true);
    expect(a.token).toMatch(/^[\w-]{24}$/);
    expect(b.token).not.toBe(a.token);
    expect(a.url).toBe(`http://127.0.0.1:${a.port}/?token=${a.token}`);
    const host = { host: `127.0.0.1:${a.port}` };
    expect((await get(a.port, '/', host)).status).toBe(401);
    expect((await get(a.port, `/?token=${b.token}`, host)).status).toBe(401);
    expect((await get(a.port, new URL(a.url).pathname + new URL(a.url).search, host)).status).toBe(200);
    const origin = `http://127.0.0.1:${a.port}`;
    expect(await connect(`ws://127.0.0.1:${a.port}/api/ws`, origin)).toEqual({ status: 401 });
    expect('ws' in (await connect(`ws://127.0.0.1:${a.port}/api/ws?token=${a.token}`, origin))).toBe(true);
  });

  it('needs the token for pages and WebSocket upgrades; the cookie carries it to assets and the socket', async () => {
    const { server } = await serve();
    const host = { host: `127.0.0.1:${server.port}` };
    expect((await get(server.port, '/', host)).status).toBe(401);
    expect((await get(server.port, '/?token=wrong', host)).status).toBe(401);
    expect((await get(server.port, '/', { ...host, cookie: `luxp1_token_${server.port}=%E0%A4%A` })).status).toBe(401);
    const page = await get(server.port, `/?token=${TOKEN}`, host);
    expect(page.status).toBe(200);
    const cookie = String(page.headers['set-cookie']).split(';')[0]!;
    expect(String(page.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await get(server.port, '/assets/app.js', { ...host, cookie })).status).toBe(200);

    const origin = `http://127.0.0.1:${server.port}`;
    expect(await connect(`ws://127.0.0.1:${server.port}/api/ws`, origin)).toEqual({ status: 401 });
    expect(await connect(`ws://127.0.0.1:${server.port}/api/ws?token=nope`, origin)).toEqual({ status: 401 });
    expect('ws' in (await connect(`ws://127.0.0.1:${server.port}/api/ws?token=${TOKEN}`, origin))).toBe(true);
    expect('ws' in (await connect(`ws://127.0.0.1:${server.port}/api/ws`, origin, { cookie }))).toBe(true);
  });

  it('compares tokens of any length without throwing', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abc', 'abcd')).toBe(false);
    expect(tokenMatches('abc', null)).toBe(false);
  });
});

describe('behind a TLS-terminating proxy', () => {
  it('accepts an https:// Origin naming the Host the proxy passed on (nginx proxy_set_header Host $host)', async () => {
    const { server, ws: url } = await serve();
    // The proxy listens on 443 of this machine and forwards to us with the browser's Host header.
    const host = `localhost:${server.port}`;
    const r = await connect(url, `https://${host}`, { host, 'x-forwarded-proto': 'https', 'x-forwarded-for': '127.0.0.1' });
    expect('ws' in r).toBe(true);
  });

  it('accepts a public origin given with --origin, for a proxy under its own name, and nothing else', async () => {
    const { server, ws: url } = await serve({ origins: ['https://luxp1.example.org'] });
    const headers = { host: 'luxp1.example.org', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'luxp1.example.org' };
    expect('ws' in (await connect(url, 'https://luxp1.example.org', headers))).toBe(true);
    expect(await connect(url, 'https://evil.example', headers)).toEqual({ status: 403 });
    expect(await connect(url, 'https://evil.example', { host: 'evil.example' })).toEqual({ status: 403 });
    const page = await get(server.port, `/?token=${TOKEN}`, { host: 'luxp1.example.org' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain('wss://luxp1.example.org');
  });
});

describe('hostile requests', () => {
  const upgrade = (target: string, port: number, extra = '') =>
    `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
    `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n${extra}\r\n`;

  it('answers the upgrade to //a:99999/ that used to end the process as a path it does not serve, and keeps serving', async () => {
    const { server } = await serve();
    expect(await raw(server.port, upgrade('//a:99999/', server.port))).toMatch(/^HTTP\/1\.1 404/);
    expect(await raw(server.port, `GET //a:99999/ HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 401/);
    expect((await get(server.port, `/?token=${TOKEN}`, { host: `127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('survives a fuzz of odd targets and headers on both pages and upgrades', async () => {
    const { server } = await serve();
    const p = server.port;
    const targets = [
      '//a:99999/',
      '//',
      '///api/ws',
      'http://[::1',
      'http://a:99999/api/ws',
      '*',
      '/api/ws?token=%',
      '/api/ws?token=%E0%A4%A',
      '/%',
      '/%ff%fe',
      '/api/ws#frag',
      `/${'a'.repeat(7000)}`,
      '/api/ws?token=a&token=b',
      '\\\\evil',
    ];
    const headers = [
      '',
      'Cookie: luxp1_token_1=%E0%A4%A; =; ;;\r\n',
      `Cookie: luxp1_token_${p}=%\r\n`,
      'Origin: null\r\n',
      'Origin: http://[::1\r\n',
      'Host: [::1\r\n',
      'Host: \r\n',
      'X-Forwarded-Host: //a:99999\r\n',
    ];
    const seeds = [...targets.map((t) => upgrade(t, p)), ...targets.map((t) => `GET ${t} HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\n\r\n`)];
    for (const h of headers) seeds.push(upgrade('/api/ws', p, h), `GET /?token=${TOKEN} HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\n${h}\r\n`);
    seeds.push('GARBAGE\r\n\r\n', `GET / HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\nContent-Length: -1\r\n\r\n`, '\u0000\u00ff\r\n\r\n');
    for (const text of seeds) {
      const answer = await raw(p, text);
      expect(answer === '' || /^HTTP\/1\.1 [1-5]\d\d/.test(answer)).toBe(true);
    }
    // Still up, and still locked.
    expect((await get(p, `/?token=${TOKEN}`, { host: `127.0.0.1:${p}` })).status).toBe(200);
    expect((await get(p, '/', { host: `127.0.0.1:${p}` })).status).toBe(401);
  });
});
