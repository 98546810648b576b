import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressKey, createPairThrottle } from '../../central-mock/pair-throttle.ts';
import { startHarness, type Harness } from './helpers.ts';

let h: Harness;
let clock = Date.parse('2026-04-03T10:00:00Z');
let a: { meterId: string; systemTitle: string; pairingCode: string };
let b: { meterId: string; systemTitle: string; pairingCode: string };

beforeAll(async () => {
  h = await startHarness({ now: () => clock });
  a = (await h.call('POST', '/api/meters', {})).body;
  b = (await h.call('POST', '/api/meters', {})).body;
});
afterAll(() => h.stop());

/** POST /api/pair from the loopback address `from` (127.0.0.0/8 all reach the server). */
function pairFrom(from: string, body: unknown): Promise<{ status: number; body: Record<string, unknown>; retryAfter: string | undefined }> {
  const u = new URL(h.central.url);
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        localAddress: from,
        method: 'POST',
        path: '/api/pair',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text), retryAfter: res.headers['retry-after'] }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

describe('pairing', () => {
  it("refuses another meter's code, counting it as a failure", async () => {
    const r = await pairFrom('127.0.0.1', { meterId: a.meterId, code: b.pairingCode });
    expect(r).toMatchObject({ status: 401, body: { error: 'BAD_CODE', attemptsLeft: 4 } });
    expect(r.body).not.toHaveProperty('key');
  });

  it('locks the guessing address after 5 failures for 15 minutes, but never the household at another address', async () => {
    for (const left of [3, 2, 1]) expect((await pairFrom('127.0.0.1', { meterId: a.meterId, code: 'WRONG' })).body.attemptsLeft).toBe(left);
    const fifth = await pairFrom('127.0.0.1', { systemTitle: a.systemTitle, code: 'WRONG' });
    expect(fifth).toMatchObject({ status: 429, body: { error: 'LOCKED', lockedUntil: '2026-04-03T10:15:00.000Z', attemptsLeft: 0 } });
    expect(fifth.retryAfter).toBe('900');
    expect((await pairFrom('127.0.0.1', { meterId: a.meterId, code: a.pairingCode })).status).toBe(429);
    expect((await pairFrom('127.0.0.1', { meterId: b.meterId, code: b.pairingCode })).status).toBe(429); // the lock is per address
    // the rightful household, elsewhere, pairs at once
    expect((await pairFrom('127.0.0.2', { meterId: a.meterId, code: a.pairingCode })).status).toBe(200);
    clock += 15 * 60_000 - 1;
    expect((await pairFrom('127.0.0.1', { meterId: a.meterId, code: a.pairingCode })).status).toBe(429); // not renewed by trying
    clock += 1;
    expect((await pairFrom('127.0.0.1', { meterId: a.meterId, code: 'WRONG' })).body.attemptsLeft).toBe(4); // a fresh count
    expect((await pairFrom('127.0.0.1', { meterId: a.meterId, code: a.pairingCode.toLowerCase() })).status).toBe(200);
  });

  it('slows a meter guessed at from many addresses, and the household still pairs', async () => {
    clock += 60 * 60_000;
    for (const from of ['127.0.0.11', '127.0.0.12'])
      for (let i = 0; i < 5; i++) await pairFrom(from, { meterId: b.meterId, code: `WRONG${i}` });
    const household = await pairFrom('127.0.0.13', { meterId: b.meterId, code: b.pairingCode });
    expect(household.status).toBe(200);
  });

  it('records attempts, the address lockout and attempts while locked as events of the meter', async () => {
    const types = (await h.call('GET', `/api/meters/${a.meterId}/events`)).body.events.map((e: { type: string }) => e.type);
    expect(types.filter((t: string) => t === 'pairing-failed')).toHaveLength(6);
    expect(types).toContain('pairing-lockout');
    expect(types.filter((t: string) => t === 'pairing-locked')).toHaveLength(2);
    expect(types[0]).toBe('pairing-ok');
  });

  it('answers an unknown meter exactly like a wrong code, so a meter id cannot be probed', async () => {
    clock += 60 * 60_000;
    const unknown: unknown[] = [];
    const wrong: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      const u = await pairFrom('127.0.0.21', { meterId: 'SAG0000000000000', code: 'X' });
      const w = await pairFrom('127.0.0.22', { meterId: a.meterId, code: 'X' });
      unknown.push([u.status, u.body, u.retryAfter]);
      wrong.push([w.status, w.body, w.retryAfter]);
    }
    expect(unknown).toEqual(wrong);
    expect(unknown[0]).toEqual([401, { error: 'BAD_CODE', message: 'wrong pairing code; 4 attempt(s) left', attemptsLeft: 4 }, undefined]);
    expect((unknown[5] as [number])[0]).toBe(429);
  });

  it('answers BAD_REQUEST for malformed bodies', async () => {
    for (const body of [
      { code: 'x' },
      { meterId: a.meterId },
      { meterId: a.meterId, systemTitle: a.systemTitle, code: 'x' },
      { systemTitle: 'ABCD', code: 'x' },
      [1],
    ]) {
      expect((await pairFrom('127.0.0.1', body)).status, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('pair throttle', () => {
  it('slows a reference by 250 ms per failure beyond the 4th, at most 5 s, and forgets after 15 minutes', () => {
    let t = 0;
    const th = createPairThrottle(() => t);
    const delays: number[] = [];
    for (let i = 0; i < 30; i++) {
      delays.push(th.delayMs('M'));
      th.failed(`10.0.0.${i}`, 'M');
    }
    expect(delays.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 250]);
    expect(Math.max(...delays)).toBe(5_000);
    t += 15 * 60_000;
    expect(th.delayMs('M')).toBe(0);
  });

  it('keys IPv4 (also IPv4-mapped) by address and IPv6 by /64', () => {
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });
});
