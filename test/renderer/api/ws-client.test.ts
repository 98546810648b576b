// @vitest-environment node
// Node's own WHATWG WebSocket stands in for the browser's; under jsdom its events clash with jsdom's Event class.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import type { HostConnection } from '../../../renderer/state/store.ts';
import { createWsApi, pageUrlFor, type WsApi } from '../../../renderer/api/ws-client.ts';
import { wsUrlFor } from '../../../renderer/api/pick-api.ts';
import { T0, reading, snapshot } from '../fixtures.ts';

/** A host speaking the browser-mode wire format: answers app:snapshot, echoes other channels. */
function startHost() {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  const sockets = new Set<ServerSocket>();
  const urls: string[] = [];
  wss.on('connection', (socket, req) => {
    sockets.add(socket);
    urls.push(req.url ?? '');
    socket.on('close', () => sockets.delete(socket));
    socket.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { id: number; channel: string; payload: unknown };
      if (msg.channel === 'source:stop') return; // never answered: lets a test drop the line mid-request
      const result = msg.channel === 'app:snapshot' ? { ok: true, value: snapshot() } : { ok: true, value: msg.payload };
      socket.send(JSON.stringify({ id: msg.id, result }));
    });
  });
  const ready = new Promise<void>((resolve) => wss.once('listening', resolve));
  return {
    ready,
    url: () => `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/api/ws?token=abc`,
    sockets,
    urls,
    broadcast: (text: string) => sockets.forEach((s) => s.send(text)),
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.terminate());
        wss.close(() => resolve());
      }),
  };
}

let host: ReturnType<typeof startHost> | null = null;
let client: WsApi | null = null;
afterEach(async () => {
  client?.close();
  client = null;
  await host?.close();
  host = null;
});

function statusLog(api: WsApi): HostConnection[] {
  const log: HostConnection[] = [];
  api.onHostStatus((s) => log.push(s));
  return log;
}

describe('createWsApi', () => {
  it('answers requests by id and delivers events, dropping junk', async () => {
    host = startHost();
    await host.ready;
    client = createWsApi({ url: host.url() });
    const seen: number[] = [];
    client.on('meter:reading', (r) => seen.push(r.receivedAt));

    const snap = await client['app:snapshot'](null);
    expect(snap.ok && snap.value.link.status).toBe('open');
    const echoed = await client['messages:markRead']({ channel: '3' });
    expect(echoed).toEqual({ ok: true, value: { channel: '3' } });
    expect(host.urls[0]).toBe('/api/ws?token=abc');

    host.broadcast('not json');
    host.broadcast(JSON.stringify({ event: 'no:such', payload: 1 }));
    host.broadcast(JSON.stringify({ event: 'meter:reading', payload: reading(T0) }));
    await expect.poll(() => seen).toEqual([T0]);
  });

  it('queues requests until the socket opens', async () => {
    host = startHost();
    await host.ready;
    client = createWsApi({ url: host.url() });
    const [a, b] = await Promise.all([client['source:get'](null), client['key:set']({ hex: 'AB' })]);
    expect(a.ok).toBe(true);
    expect(b).toEqual({ ok: true, value: { hex: 'AB' } });
  });

  it('reconnects after the host drops it, failing the request that was on the wire', async () => {
    host = startHost();
    await host.ready;
    client = createWsApi({ url: host.url(), retryMinMs: 20, retryMaxMs: 100 });
    const log = statusLog(client);
    await expect.poll(() => log.at(-1)).toBe('open');

    const lost = client['source:stop'](null);
    await expect.poll(() => host?.sockets.size).toBe(1);
    host.sockets.forEach((s) => s.terminate());
    expect(await lost).toMatchObject({ ok: false, error: { code: 'DISCONNECTED' } });
    await expect.poll(() => log.filter((s) => s === 'open').length).toBe(2);
    expect(log).toContain('closed');

    const after = await client['app:snapshot'](null);
    expect(after.ok).toBe(true);
    expect(host.urls).toHaveLength(2);
  });

  it('times out a request when no host answers, and close() settles the rest', async () => {
    client = createWsApi({ url: 'ws://127.0.0.1:9/api/ws', retryMinMs: 50, requestTimeoutMs: 100 });
    expect(await client['app:snapshot'](null)).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    const pending = client['central:info'](null);
    client.close();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
  });
});

/** A host that refuses every upgrade and page with 401, as browser mode does for a stale token. */
async function refusingHost(): Promise<{ port: number; heads: string[]; close(): Promise<void> }> {
  const heads: string[] = [];
  const server = createServer((req, res) => {
    heads.push(`${req.method} ${req.url}`);
    res.writeHead(401).end();
  });
  server.on('upgrade', (_req, socket) => socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    heads,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('a host that refuses the token', () => {
  it('says so in words, instead of waiting for a timeout, once two upgrades failed and the page is refused', async () => {
    const refusing = await refusingHost();
    try {
      client = createWsApi({
        url: `ws://127.0.0.1:${refusing.port}/api/ws?token=old`,
        retryMinMs: 10,
        retryMaxMs: 20,
        requestTimeoutMs: 60_000,
      });
      const answer = await client['app:snapshot'](null);
      expect(answer).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHORIZED', message: expect.stringMatching(/restarted with a new one/) },
      });
      expect(refusing.heads[0]).toBe('HEAD /?token=old');
      expect(await client['key:status'](null)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } }); // at once
    } finally {
      client?.close();
      client = null;
      await refusing.close();
    }
  });

  it('a host that is only down is not called a token problem', async () => {
    let asked = 0;
    client = createWsApi({
      url: 'ws://127.0.0.1:9/api/ws?token=t',
      retryMinMs: 10,
      retryMaxMs: 20,
      requestTimeoutMs: 200,
      tokenRefused: async () => (asked++, false),
    });
    await expect.poll(() => asked).toBeGreaterThan(0);
    expect(await client['app:snapshot'](null)).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
  });

  it('maps the socket URL to the page URL it came from', () => {
    expect(pageUrlFor('wss://box.lan/api/ws?token=a%20b')).toBe('https://box.lan/?token=a%20b');
    expect(pageUrlFor('ws://127.0.0.1:8418/api/ws')).toBe('http://127.0.0.1:8418/');
    expect(pageUrlFor('not a url')).toBeNull();
  });
});

describe('wsUrlFor', () => {
  it('uses the page host, ws or wss, and passes the token through', () => {
    expect(wsUrlFor({ protocol: 'http:', host: '127.0.0.1:5173', search: '' })).toBe('ws://127.0.0.1:5173/api/ws');
    expect(wsUrlFor({ protocol: 'https:', host: 'box.lan', search: '?token=a b&x=1' })).toBe('wss://box.lan/api/ws?token=a%20b');
  });
});
