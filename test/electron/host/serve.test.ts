import { request } from 'node:http';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import type { EventName, HostServices } from '../../../contracts/ipc.ts';
import { accessPolicy, startBrowserServer, tokenMatches } from '../../../electron/host/serve.ts';
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

async function serve(extra: { token?: string; requireToken?: boolean } = {}) {
  const fake = fakeServices();
  const server = await startBrowserServer({ services: fake.services, staticDir, ...extra });
  servers.push(server);
  return { ...fake, server, base: `http://127.0.0.1:${server.port}` };
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

describe('browser-mode static files', () => {
  it('serves the renderer with its content type and the CSP header', async () => {
    const { server } = await serve();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const page = await get(server.port, '/', { host: `127.0.0.1:${server.port}` });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain(`ws://127.0.0.1:${server.port}`);
    const js = await get(server.port, '/assets/app.js', { host: `localhost:${server.port}` });
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect((await get(server.port, '/settings', { host: `127.0.0.1:${server.port}` })).body).toContain('<title>LuxP1');
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
    const res = await get(server.port, path, { host: `127.0.0.1:${server.port}` });
    expect([400, 404]).toContain(res.status);
    expect(res.body).not.toContain('do not serve');
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { server } = await serve();
    expect((await get(server.port, '/', { host: `evil.example:${server.port}` })).status).toBe(421);
  });
});

describe('browser-mode WebSocket', () => {
  it('answers requests, forwards events, and survives bad JSON', async () => {
    const { server, emit, services } = await serve();
    const r = await connect(`ws://127.0.0.1:${server.port}/api/ws`, `http://127.0.0.1:${server.port}`);
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
    const { server } = await serve();
    const url = `ws://127.0.0.1:${server.port}/api/ws`;
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
    const { server, listeners } = await serve();
    const r = await connect(`ws://127.0.0.1:${server.port}/api/ws`, `http://127.0.0.1:${server.port}`);
    if (!('ws' in r)) throw new Error('refused');
    expect(listeners.get('meter:reading')?.size).toBe(1);
    await new Promise((resolve) => {
      r.ws.once('close', resolve);
      r.ws.close();
    });
    await vi.waitFor(() => expect(listeners.get('meter:reading')?.size).toBe(0));
  });

  it('refuses upgrades from another origin or by another host name', async () => {
    const { server } = await serve();
    const url = `ws://127.0.0.1:${server.port}/api/ws`;
    expect(await connect(url, 'http://evil.example')).toEqual({ status: 403 });
    expect(await connect(url, `http://evil.example:${server.port}`, { host: `evil.example:${server.port}` })).toEqual({ status: 403 });
    expect(await connect(`ws://127.0.0.1:${server.port}/other`, `http://127.0.0.1:${server.port}`)).toEqual({ status: 404 });
  });
});

describe('browser-mode token', () => {
  it('needs the token for pages and WebSocket upgrades; the cookie carries it to assets', async () => {
    const { server } = await serve({ token: 'T0ken', requireToken: true });
    const host = { host: `127.0.0.1:${server.port}` };
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=T0ken`);
    expect((await get(server.port, '/', host)).status).toBe(401);
    expect((await get(server.port, '/?token=wrong', host)).status).toBe(401);
    const page = await get(server.port, '/?token=T0ken', host);
    expect(page.status).toBe(200);
    const cookie = String(page.headers['set-cookie']).split(';')[0]!;
    expect(cookie).toContain('T0ken');
    expect((await get(server.port, '/assets/app.js', { ...host, cookie })).status).toBe(200);

    const origin = `http://127.0.0.1:${server.port}`;
    expect(await connect(`ws://127.0.0.1:${server.port}/api/ws`, origin)).toEqual({ status: 401 });
    expect(await connect(`ws://127.0.0.1:${server.port}/api/ws?token=nope`, origin)).toEqual({ status: 401 });
    expect('ws' in (await connect(`ws://127.0.0.1:${server.port}/api/ws?token=T0ken`, origin))).toBe(true);
  });

  it('policy: loopback runs open, any other address gets a token', () => {
    expect(accessPolicy('127.0.0.1')).toEqual({ token: null, generated: false });
    expect(accessPolicy('::1')).toEqual({ token: null, generated: false });
    expect(accessPolicy('localhost', null, true).generated).toBe(true);
    const wild = accessPolicy('0.0.0.0');
    expect(wild.generated).toBe(true);
    expect(wild.token).toMatch(/^[\w-]{24}$/);
    expect(accessPolicy('0.0.0.0').token).not.toBe(wild.token);
    expect(accessPolicy('192.168.1.20', 'mine')).toEqual({ token: 'mine', generated: false });
  });

  it('compares tokens of any length without throwing', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abc', 'abcd')).toBe(false);
    expect(tokenMatches('abc', null)).toBe(false);
  });
});
