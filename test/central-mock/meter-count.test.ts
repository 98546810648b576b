import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityOf } from '../../central-mock/provision.ts';
import { startHarness, type Harness } from './helpers.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const meters = async () => (await h.call('GET', '/api/health', undefined, false)).body.meters as number;

describe('meter count (kept in memory rather than counted per request)', () => {
  it('follows creations and ignores refused ones', async () => {
    expect(await meters()).toBe(0);
    const a = await h.call('POST', '/api/meters', {});
    expect(a.status).toBe(201);
    expect((await h.call('POST', '/api/meters', { meterId: a.body.meterId })).status).toBe(409);
    expect((await h.call('POST', '/api/meters', { preset: 'full' })).status).toBe(201);
    expect(await meters()).toBe(2);
    expect((await h.call('GET', '/api/meters')).body.total).toBe(2);
  });

  it('forgets an insert whose transaction rolled back', async () => {
    const { store } = h.central;
    const before = store.count();
    const { meterId, systemTitle } = identityOf(424242);
    expect(() =>
      store.tx(() => {
        store.insert({ meterId, systemTitle, sealedKey: new Uint8Array(44), encryption: true, preset: 'basic', fields: null });
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(store.count()).toBe(before);
    expect(store.find(meterId)).toBeUndefined();
    expect(await meters()).toBe(before);
  });
});
