import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: 'demo' });
});
afterAll(() => h.stop());

const DEMO = 'SAG1030700012701';

/** Sends a raw request line and returns the status line and body. */
function raw(target: string): Promise<{ status: string; body: string }> {
  const u = new URL(h.central.url);
  return new Promise((resolve, reject) => {
    const s = connect(Number(u.port), u.hostname, () => s.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
    let out = '';
    s.on('data', (d) => (out += d));
    s.on('error', reject);
    s.on('close', () => resolve({ status: out.split('\r\n')[0]!, body: out.slice(out.indexOf('\r\n\r\n') + 4) }));
  });
}

describe('router', () => {
  it('answers a request target that is no URL with 400, not 500', async () => {
    const r = await raw('http://[');
    expect(r.status).toBe('HTTP/1.1 400 Bad Request');
    expect(JSON.parse(r.body)).toMatchObject({ error: 'BAD_REQUEST' });
    expect(h.logs).toEqual([]);
  });

  it('does not let a change whose body arrives late undo a change made meanwhile', async () => {
    const u = new URL(h.central.url);
    const slow = request({
      host: u.hostname,
      port: u.port,
      method: 'PATCH',
      path: `/api/meters/${DEMO}`,
      headers: {
        authorization: `Bearer ${h.central.staffToken}`,
        'content-type': 'application/json',
        expect: '100-continue',
        'content-length': 20,
      },
    });
    const answered = new Promise<Record<string, unknown>>((resolve, reject) => {
      slow.on('response', (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve(JSON.parse(text)));
      });
      slow.on('error', reject);
    });
    // "100 Continue" arrives once the server is routing the request and waits for its body.
    await new Promise((resolve) => slow.once('continue', resolve));
    expect((await h.call('PATCH', `/api/meters/${DEMO}`, { breaker: 'ready' })).status).toBe(200);
    slow.end('{"encryption":false}');
    expect(await answered).toMatchObject({ encryption: false, breaker: 'ready' });
    const [latest] = (await h.call('GET', `/api/meters/${DEMO}/audit`)).body.entries;
    expect(latest).toMatchObject({ before: { encryption: true }, after: { encryption: false } });
    expect(latest.before).not.toHaveProperty('breaker');
  });
});
