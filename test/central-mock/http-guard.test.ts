/**
 * Issue 9, "Local surfaces locked": the central's HTTP surface against a hostile local client or a
 * hostile web page: Host and Origin checks, JSON-only bodies, a connection limit, a 400 for malformed
 * HTTP, staff routes that authenticate before they look a meter up, and a warning on a public bind.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: 'demo', maxConnections: 8 });
});
afterAll(() => h.stop());

const DEMO = 'SAG1030700012701';

/** Writes `text` on a fresh connection and resolves with everything the server sent until it closed. */
function raw(text: string): Promise<string> {
  const u = new URL(h.central.url);
  return new Promise((resolve, reject) => {
    const s = connect(Number(u.port), u.hostname, () => s.write(text));
    let out = '';
    s.on('data', (d) => (out += d));
    s.on('error', reject);
    s.on('close', () => resolve(out));
  });
}

const pairBody = JSON.stringify({ meterId: DEMO, code: 'DEMO-2701-0001' });
const post = (headers: string) =>
  raw(`POST /api/pair HTTP/1.1\r\n${headers}content-length: ${pairBody.length}\r\nconnection: close\r\n\r\n${pairBody}`);

describe('Host and Origin', () => {
  it('refuses a cross-site text/plain POST to /api/pair (what a web page can send without a preflight)', async () => {
    const out = await post('Host: 127.0.0.1\r\nOrigin: https://evil.example\r\ncontent-type: text/plain;charset=UTF-8\r\n');
    expect(out).toMatch(/^HTTP\/1\.1 403 /);
    expect(out).not.toContain('"key"');
  });

  it('refuses a cross-site POST even as JSON, and a text/plain POST even without an Origin', async () => {
    expect(await post('Host: 127.0.0.1\r\nOrigin: http://evil.example\r\ncontent-type: application/json\r\n')).toMatch(/^HTTP\/1\.1 403 /);
    expect(await post('Host: 127.0.0.1\r\nOrigin: null\r\ncontent-type: application/json\r\n')).toMatch(/^HTTP\/1\.1 403 /);
    const plain = await post('Host: 127.0.0.1\r\ncontent-type: text/plain\r\n');
    expect(plain).toMatch(/^HTTP\/1\.1 415 /);
    expect(plain).toContain('application/json');
  });

  it('refuses a Host that is not a loopback name (DNS rebinding), and a request without Host', async () => {
    const rebound = await raw('GET /api/health HTTP/1.1\r\nHost: attacker.example:8417\r\nconnection: close\r\n\r\n');
    expect(rebound).toMatch(/^HTTP\/1\.1 403 /);
    expect(rebound).toContain('--allow-host');
    expect(await raw('GET /api/health HTTP/1.0\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
  });

  it('serves loopback names and same-origin requests', async () => {
    for (const host of ['127.0.0.1', 'localhost:8417', '[::1]:8417'])
      expect(await raw(`GET /api/health HTTP/1.1\r\nHost: ${host}\r\nconnection: close\r\n\r\n`), host).toMatch(/^HTTP\/1\.1 200 /);
    const ok = await post(`Host: 127.0.0.1\r\nOrigin: ${h.central.url}\r\ncontent-type: application/json\r\n`);
    expect(ok).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('serves a name given with allowHosts', async () => {
    await h.restart({ seed: 'demo', maxConnections: 8, allowHosts: ['central.example'] });
    expect(await raw('GET /api/health HTTP/1.1\r\nHost: central.example\r\nconnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 200 /);
  });
});

describe('malformed HTTP and connections', () => {
  it('answers malformed HTTP with a 400 and the API error body before closing', async () => {
    for (const junk of ['GARBAGE\r\n\r\n', 'GET / HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n', 'GET /api/health HTTP/9.9\r\n\r\n']) {
      const out = await raw(junk);
      expect(out, JSON.stringify(junk)).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(JSON.parse(out.slice(out.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: 'BAD_REQUEST' });
    }
    expect(h.logs).toEqual([]);
  });

  it('holds at most maxConnections open at once; the next are closed, and served again once one is free', async () => {
    const u = new URL(h.central.url);
    const open = (): Promise<Socket> =>
      new Promise((resolve, reject) => {
        const s = connect(Number(u.port), u.hostname, () => resolve(s));
        s.on('error', reject);
      });
    const held = await Promise.all(Array.from({ length: 8 }, open));
    // each held connection is known to the server once it answered on it
    for (const s of held) {
      s.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      await new Promise((r) => s.once('data', r));
    }
    const refused = await raw('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nconnection: close\r\n\r\n');
    expect(refused).toBe('');
    const first = held.shift()!;
    const closed = new Promise((r) => first.once('close', r));
    first.destroy();
    await closed;
    // the server sees the close asynchronously: retry until a slot is free (each try is a real request)
    let served = '';
    for (let i = 0; i < 50 && served === ''; i++)
      served = await raw('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nconnection: close\r\n\r\n');
    expect(served).toMatch(/^HTTP\/1\.1 200 /);
    for (const s of held) s.destroy();
  });
});

describe('staff routes and meter ids', () => {
  it('authenticate before looking a meter up: an unknown and a known meter look the same without a token', async () => {
    const known = await h.call('GET', `/api/meters/${DEMO}`, undefined, false);
    const unknown = await h.call('GET', '/api/meters/SAG9999999999999', undefined, false);
    const bad = await h.call('GET', `/api/meters/${DEMO}`, undefined, 'lxs_wrong');
    expect(known.status).toBe(401);
    expect(unknown).toMatchObject({ status: 401, body: known.body });
    expect(bad).toMatchObject({ status: 401, body: known.body });
  });
});

describe('binding beyond loopback', () => {
  it('prints a one-line warning when listening on 0.0.0.0', async () => {
    await h.restart({ host: '0.0.0.0' });
    const warning = h.logs.filter((l) => l.includes('WARNING'));
    expect(warning).toHaveLength(1);
    expect(warning[0]).toMatch(/^central: WARNING: listening on 0\.0\.0\.0, not loopback: .*TLS proxy/);
    await h.restart({ host: '127.0.0.1' });
    expect(h.logs.filter((l) => l.includes('WARNING'))).toHaveLength(1);
  });
});
