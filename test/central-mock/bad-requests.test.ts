import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: 'demo' });
});
afterAll(() => h.stop());

const DEMO = 'SAG1030700012701';

describe('bad requests get a 4xx with a one-line reason', () => {
  it.each([
    ['malformed JSON', 'PATCH', `/api/meters/${DEMO}`, '{"encryption": tru', 400, 'BAD_JSON'],
    ['a JSON array body', 'PATCH', `/api/meters/${DEMO}`, '[]', 400, 'BAD_REQUEST'],
    ['an unknown meter', 'GET', '/api/meters/SAG9999999999999', undefined, 404, 'UNKNOWN_METER'],
    ['a malformed meter ref', 'GET', '/api/meters/short', undefined, 404, 'UNKNOWN_METER'],
    ['an unknown route', 'GET', '/api/nope', undefined, 404, 'NOT_FOUND'],
    ['a wrong method', 'DELETE', `/api/meters/${DEMO}`, undefined, 405, 'METHOD_NOT_ALLOWED'],
    ['bad percent-encoding', 'GET', '/api/meters/%E0%A4%A', undefined, 400, 'BAD_REQUEST'],
  ])('%s', async (_name, method, path, body, status, code) => {
    const r = await h.call(method, path, body);
    expect(r.status).toBe(status);
    expect(r.body.error).toBe(code);
    expect(r.body.message).toMatch(/^[^\n]+$/);
  });

  it('says which methods a path allows', async () => {
    expect((await h.call('PUT', '/api/pair', {})).headers.get('allow')).toBe('POST');
  });

  it('refuses stray or out-of-range fields on the routes whose body may be empty', async () => {
    const rotate = await h.call('POST', `/api/meters/${DEMO}/rotate-key`, { force: true });
    expect(rotate).toMatchObject({ status: 400, body: { error: 'BAD_REQUEST', message: expect.stringContaining('force') } });
    expect((await h.call('POST', `/api/meters/${DEMO}/pairing-code`, { code: 'MINE' })).status).toBe(400);
    expect((await h.call('GET', `/api/meters/${DEMO}`)).body.keyVersion).toBe(1);
    for (const body of [{ frameCounter: 2 ** 32 }, { frameCounter: 1, keyVersion: 2 }, [1]]) {
      expect((await h.call('PUT', `/api/meters/${DEMO}/port/frame-counter`, body)).status, JSON.stringify(body)).toBe(400);
    }
  });

  it('refuses bodies over 64 KiB with 413', async () => {
    const r = await h.call('PUT', `/api/meters/${DEMO}/messages/0`, { text: 'x'.repeat(70_000) });
    expect(r).toMatchObject({ status: 413, body: { error: 'TOO_LARGE' } });
  });

  it('needs a valid staff token on every staff route, and never leaks the key without one', async () => {
    for (const token of [false, 'not-a-token', ''] as const) {
      const r = await h.call('GET', `/api/meters/${DEMO}/port`, undefined, token);
      expect(r).toMatchObject({ status: 401, body: { error: 'UNAUTHORIZED' } });
    }
    expect((await h.call('POST', `/api/meters/${DEMO}/rotate-key`, undefined, false)).status).toBe(401);
    expect((await h.call('GET', '/api/meters', undefined, false)).status).toBe(401);
  });

  it('turns an internal failure into a generic 500 that is logged without secrets', async () => {
    const db = new DatabaseSync(join(h.dir, 'central.sqlite'));
    db.prepare('UPDATE meters SET sealed_key = zeroblob(44) WHERE meter_id = ?').run(DEMO);
    db.close();
    const r = await h.call('GET', `/api/meters/${DEMO}/port`);
    expect(r).toMatchObject({ status: 500, body: { error: 'INTERNAL', message: 'internal error; see the server log' } });
    expect(h.logs.at(-1)).toMatch(/^central: internal error on GET \/api\/meters\/SAG1030700012701\/port: sealed key/);
  });
});
