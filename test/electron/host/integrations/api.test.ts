import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { type LocalApi, startApi } from '../../../../electron/host/integrations/api.ts';
import { toRecord } from '../../../../protocol/index.ts';
import { nexxtEvent, plainEvent } from './telegrams.ts';

const AT = Date.parse('2026-03-01T12:00:00Z');
let api: LocalApi | null = null;
afterEach(async () => {
  await api?.close();
  api = null;
});

function get(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens the SSE stream and collects the `data:` of each `reading` event. */
function stream(port: number, headers: Record<string, string> = {}) {
  const events: Record<string, unknown>[] = [];
  let buffer = '';
  const waiters = new Set<() => void>();
  const req = request({ host: '127.0.0.1', port, path: '/api/v1/stream', headers });
  const opened = new Promise<{ status: number; type: string }>((resolve, reject) => {
    req.on('response', (res) => {
      res.on('data', (d: Buffer) => {
        buffer += d.toString();
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith('event: reading\n')) events.push(JSON.parse(block.slice(block.indexOf('data: ') + 6)));
          end = buffer.indexOf('\n\n');
        }
        for (const w of waiters) w();
      });
      resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']) });
    });
    req.on('error', reject);
  });
  req.end();
  const count = (n: number) =>
    new Promise<void>((resolve) => {
      const check = () => events.length >= n && (waiters.delete(check), resolve());
      waiters.add(check);
      check();
    });
  return { events, opened, count, close: () => req.destroy() };
}

describe('local JSON API', () => {
  it('GET /api/v1/meters gives the latest reading per meter in the decode record shape', async () => {
    api = await startApi({ host: '127.0.0.1', port: 0, log: () => {} });
    expect(JSON.parse((await get(api.port, '/api/v1/meters')).body)).toEqual({ meters: [] });
    api.publish(nexxtEvent(), AT);
    api.publish(plainEvent(), AT + 10_000);
    api.publish(plainEvent(), AT + 20_000);
    const r = await get(api.port, '/api/v1/meters');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(r.body)).toEqual({
      meters: [
        { meterId: 'SAG1030700114004', receivedAt: '2026-03-01T12:00:00.000Z', reading: toRecord(nexxtEvent()) },
        { meterId: 'SAG1030700012701', receivedAt: '2026-03-01T12:00:20.000Z', reading: toRecord(plainEvent()) },
      ],
    });
  });

  it('GET /api/v1/stream sends the latest per meter, then every reading as Server-Sent Events', async () => {
    api = await startApi({ host: '127.0.0.1', port: 0, log: () => {} });
    api.publish(nexxtEvent(), AT);
    const s = stream(api.port);
    expect(await s.opened).toEqual({ status: 200, type: 'text/event-stream; charset=utf-8' });
    await s.count(1);
    api.publish(plainEvent(), AT + 1);
    api.publish(nexxtEvent(), AT + 2);
    await s.count(3);
    expect(s.events.map((e) => e.reading)).toEqual([toRecord(nexxtEvent()), toRecord(plainEvent()), toRecord(nexxtEvent())]);
    s.close();
  });

  it('refuses other sites, foreign Host names, other methods and paths', async () => {
    api = await startApi({ host: '127.0.0.1', port: 0, log: () => {} });
    expect((await get(api.port, '/api/v1/meters', { origin: 'https://evil.example' })).status).toBe(403);
    expect((await get(api.port, '/api/v1/meters', { host: 'evil.example' })).status).toBe(403); // DNS rebinding
    expect((await get(api.port, '/api/v1/meters', { origin: `http://127.0.0.1:${api.port}` })).status).toBe(200);
    expect((await get(api.port, '/api/v2/anything')).status).toBe(404);
    const post = await new Promise<number>((resolve) => {
      const req = request({ host: '127.0.0.1', port: api!.port, path: '/api/v1/meters', method: 'POST' }, (res) =>
        resolve(res.statusCode ?? 0),
      );
      req.end('{}');
    });
    expect(post).toBe(405);
  });

  it('off loopback: refuses to start without a token, and then demands it as a bearer token', async () => {
    await expect(startApi({ host: '0.0.0.0', port: 0, log: () => {} })).rejects.toThrow(
      'api: listening on 0.0.0.0 (beyond this computer) needs a token',
    );
    const lines: string[] = [];
    api = await startApi({ host: '0.0.0.0', port: 0, token: 'long-enough-token', log: (l) => lines.push(l) });
    expect(lines).toEqual([expect.stringMatching(/^api: listening on 0\.0\.0\.0:\d+, beyond this computer: bearer token required/)]);
    const none = await get(api.port, '/api/v1/meters');
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expect((await get(api.port, '/api/v1/meters', { authorization: 'Bearer wrong-token-here' })).status).toBe(401);
    expect((await get(api.port, '/api/v1/meters', { authorization: 'Bearer long-enough-token' })).status).toBe(200);
    const s = stream(api.port, { authorization: 'Bearer long-enough-token' });
    expect((await s.opened).status).toBe(200);
    s.close();
  });

  it('drops a stream client that stops reading, and says so', async () => {
    const lines: string[] = [];
    api = await startApi({ host: '127.0.0.1', port: 0, log: (l) => lines.push(l), maxQueuedBytes: 32 * 1024 });
    const req = request({ host: '127.0.0.1', port: api.port, path: '/api/v1/stream' });
    await new Promise<void>((resolve) => {
      req.on('response', (res) => (res.pause(), resolve()));
      req.end();
    });
    for (let i = 0; i < 50_000 && lines.length === 0; i++) {
      api.publish(plainEvent(), AT + i);
      if (i % 50 === 0) await new Promise((r) => setImmediate(r));
    }
    expect(lines).toEqual([expect.stringMatching(/^api: dropped a stream client: \d+ bytes unread/)]);
    req.destroy();
  });
});
