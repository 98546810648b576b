import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESET_BASIC, PRESET_FULL } from '../../protocol/index.ts';
import { startHarness, type Harness } from './helpers.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: 'demo' });
});
afterAll(() => h.stop());

const DEMO = 'SAG1030700012701';

describe('meters', () => {
  it('reports health with the meter count', async () => {
    expect(await h.call('GET', '/api/health', undefined, false)).toMatchObject({ status: 200, body: { ok: true, meters: 1 } });
  });

  it('seeds the demo meter as specified', async () => {
    const { body } = await h.call('GET', `/api/meters/${DEMO}`);
    expect(body).toMatchObject({
      meterId: DEMO,
      systemTitle: '534147677001BD54',
      encryption: true,
      preset: 'full',
      keyVersion: 1,
      frameCounter: 0,
    });
    expect(body.fields).toEqual(expect.arrayContaining([...PRESET_FULL]));
    expect(body.mbus.map((d: { channel: number; kind: string }) => `${d.channel}${d.kind}`)).toEqual(['1gas', '2water', '3heat']);
    expect(body).not.toHaveProperty('key');
  });

  it('finds a meter by its system title in either case', async () => {
    expect((await h.call('GET', '/api/meters/534147677001bd54')).body.meterId).toBe(DEMO);
  });

  it('creates meters with unique SAG identities and a one-time pairing code', async () => {
    const a = await h.call('POST', '/api/meters', {});
    const b = await h.call('POST', '/api/meters', { preset: 'full', encryption: false });
    expect(a.status).toBe(201);
    expect(a.body.meterId).toMatch(/^SAG\d{13}$/);
    expect(a.body.systemTitle).toMatch(/^534147[0-9A-F]{10}$/);
    expect(a.body.pairingCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(b.body).toMatchObject({ preset: 'full', encryption: false });
    expect(b.body.systemTitle).not.toBe(a.body.systemTitle);
    expect((await h.call('GET', `/api/meters/${a.body.meterId}`)).body).not.toHaveProperty('pairingCode');
  });

  it('refuses a taken meter id or system title with 409', async () => {
    expect((await h.call('POST', '/api/meters', { meterId: DEMO })).body.error).toBe('CONFLICT');
    expect((await h.call('POST', '/api/meters', { systemTitle: '534147677001BD54' })).status).toBe(409);
  });

  it('lists meters in pages of at most 500', async () => {
    const page = await h.call('GET', '/api/meters?offset=1&limit=1');
    expect(page.body.meters).toHaveLength(1);
    expect(page.body.meters[0].meterId).not.toBe(DEMO);
    expect((await h.call('GET', '/api/meters?limit=501')).status).toBe(400);
  });
});

describe('settings', () => {
  it('switches encryption, power limit, breaker and relays, and audits before/after', async () => {
    const r = await h.call('PATCH', `/api/meters/${DEMO}`, {
      encryption: false,
      powerLimitKva: 12.5,
      breaker: 'ready',
      relays: { relay2: 'connected' },
    });
    expect(r.body).toMatchObject({
      encryption: false,
      powerLimitKva: 12.5,
      breaker: 'ready',
      relays: { relay1: 'disconnected', relay2: 'connected' },
    });
    const [last] = (await h.call('GET', `/api/meters/${DEMO}/audit`)).body.entries;
    expect(last).toMatchObject({
      actor: 'staff:1',
      action: 'settings changed',
      before: { encryption: true, powerLimitKva: 27.6, breaker: 'connected' },
      after: { encryption: false, powerLimitKva: 12.5 },
    });
  });

  it('sets presets and custom field lists, naming unknown codes', async () => {
    expect((await h.call('PATCH', `/api/meters/${DEMO}`, { fields: 'basic' })).body).toMatchObject({
      preset: 'basic',
      fields: [...PRESET_BASIC],
    });
    const custom = await h.call('PATCH', `/api/meters/${DEMO}`, { fields: ['1-0:1.8.0', '0-1:24.2.1'] });
    expect(custom.body.preset).toBe('custom');
    expect(custom.body.fields).toEqual(['1-3:0.2.8', '0-0:1.0.0', '0-0:42.0.0', '1-0:1.8.0', '0-1:24.2.1']);
    const bad = await h.call('PATCH', `/api/meters/${DEMO}`, { fields: ['1-0:1.8.0', '9-9:9.9.9', '1-0:99.99.0'] });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('9-9:9.9.9');
    expect(bad.body.message).toContain('1-0:99.99.0');
    expect((await h.call('GET', `/api/meters/${DEMO}`)).body.preset).toBe('custom');
  });

  it('rejects out-of-range settings', async () => {
    for (const body of [
      { powerLimitKva: 0 },
      { powerLimitKva: 1000 },
      { breaker: 'open' },
      { relays: { relay3: 'connected' } },
      { encryption: 'yes' },
      {},
      { colour: 'red' },
    ]) {
      const r = await h.call('PATCH', `/api/meters/${DEMO}`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error).toBe('BAD_REQUEST');
    }
  });
});

describe('messages', () => {
  it('sets and clears a channel', async () => {
    expect((await h.call('PUT', `/api/meters/${DEMO}/messages/3`, { text: 'Coupure 10h-12h' })).body.messages).toMatchObject({
      '3': 'Coupure 10h-12h',
      '0': '',
    });
    expect((await h.call('PUT', `/api/meters/${DEMO}/messages/3`, { text: '' })).body.messages['3']).toBe('');
  });

  it('accepts 1024 bytes of UTF-8 text in any language and refuses more, or control characters, with a reason', async () => {
    expect((await h.call('PUT', `/api/meters/${DEMO}/messages/0`, { text: 'x'.repeat(1024) })).status).toBe(200);
    const long = await h.call('PUT', `/api/meters/${DEMO}/messages/0`, { text: 'x'.repeat(1025) });
    expect(long).toMatchObject({ status: 400, body: { error: 'BAD_REQUEST' } });
    expect(long.body.message).toContain('1025');
    const ctl = await h.call('PUT', `/api/meters/${DEMO}/messages/2`, { text: 'a\nb' });
    expect(ctl.status).toBe(400);
    expect(ctl.body.message).toContain('printable');
    const accents = await h.call('PUT', `/api/meters/${DEMO}/messages/2`, { text: 'Coupure prévue · Wartung für Zähler · Ënnerbriechung' });
    expect(accents.status).toBe(200);
    expect((await h.call('PUT', `/api/meters/${DEMO}/messages/4`, { text: 'é'.repeat(512) })).status).toBe(200); // 1024 bytes
    const wide = await h.call('PUT', `/api/meters/${DEMO}/messages/4`, { text: 'é'.repeat(513) });
    expect(wide).toMatchObject({ status: 400, body: { error: 'BAD_REQUEST' } });
    expect(wide.body.message).toContain('1026 bytes');
    expect((await h.call('PUT', `/api/meters/${DEMO}/messages/5`, { text: 'bad \ud800 surrogate' })).status).toBe(400);
    expect((await h.call('PUT', `/api/meters/${DEMO}/messages/5`, { text: 'C1 \u0085 control' })).status).toBe(400);
    expect((await h.call('PUT', `/api/meters/${DEMO}/messages/1`, { text: 'hi' })).status).toBe(400);
  });
});

describe('M-Bus', () => {
  it('attaches, sets the valve and detaches a device', async () => {
    const put = await h.call('PUT', `/api/meters/${DEMO}/mbus/4`, { kind: 'water', equipmentId: 'W99' });
    expect(put.body.mbus.find((d: { channel: number }) => d.channel === 4)).toEqual({
      channel: 4,
      kind: 'water',
      deviceType: 7,
      equipmentId: 'W99',
      unit: 'm3',
      valve: 'connected',
    });
    const valve = await h.call('PATCH', `/api/meters/${DEMO}/mbus/1`, { valve: 'disconnected' });
    expect(valve.body.mbus[0]).toMatchObject({ channel: 1, kind: 'gas', valve: 'disconnected' });
    const del = await h.call('DELETE', `/api/meters/${DEMO}/mbus/4`);
    expect(del.body.mbus.map((d: { channel: number }) => d.channel)).toEqual([1, 2, 3]);
  });

  it('answers UNKNOWN_DEVICE and BAD_REQUEST for missing devices and bad channels', async () => {
    expect((await h.call('DELETE', `/api/meters/${DEMO}/mbus/4`)).body.error).toBe('UNKNOWN_DEVICE');
    expect((await h.call('PATCH', `/api/meters/${DEMO}/mbus/4`, { valve: 'ready' })).status).toBe(404);
    expect((await h.call('PUT', `/api/meters/${DEMO}/mbus/5`, { kind: 'gas' })).status).toBe(400);
    expect((await h.call('PUT', `/api/meters/${DEMO}/mbus/2`, { kind: 'electricity' })).status).toBe(400);
  });
});

describe('keys', () => {
  it('serves the port view with the key, and pairing hands out the same key', async () => {
    const port = await h.call('GET', `/api/meters/${DEMO}/port`);
    expect(port.body.key).toMatch(/^[0-9A-F]{32}$/);
    const pair = await h.call('POST', '/api/pair', { meterId: DEMO, code: 'demo 2701 0001' }, false);
    expect(pair).toMatchObject({
      status: 200,
      body: { meterId: DEMO, systemTitle: '534147677001BD54', key: port.body.key, keyVersion: port.body.keyVersion },
    });
  });

  it('rotates the key: new key, version + 1, counter reset, audited without key material', async () => {
    await h.call('PUT', `/api/meters/${DEMO}/port/frame-counter`, { frameCounter: 77 });
    const before = (await h.call('GET', `/api/meters/${DEMO}/port`)).body;
    expect(before.frameCounter).toBe(77);
    const rotated = await h.call('POST', `/api/meters/${DEMO}/rotate-key`);
    expect(rotated.body).toMatchObject({ keyVersion: before.keyVersion + 1, frameCounter: 0 });
    const after = (await h.call('GET', `/api/meters/${DEMO}/port`)).body;
    expect(after.key).not.toBe(before.key);
    const [entry] = (await h.call('GET', `/api/meters/${DEMO}/audit`)).body.entries;
    expect(entry).toMatchObject({
      action: `key rotated, version ${after.keyVersion}`,
      before: { keyVersion: before.keyVersion },
      after: { keyVersion: after.keyVersion },
    });
    const [event] = (await h.call('GET', `/api/meters/${DEMO}/events`)).body.events;
    expect(event).toMatchObject({ type: 'key-rotated', detail: { keyVersion: after.keyVersion } });
  });

  it('replaces the pairing code: the old one stops working', async () => {
    const created = (await h.call('POST', '/api/meters', {})).body;
    const { body } = await h.call('POST', `/api/meters/${created.meterId}/pairing-code`);
    expect(body.pairingCode).not.toBe(created.pairingCode);
    expect((await h.call('POST', '/api/pair', { meterId: created.meterId, code: created.pairingCode }, false)).status).toBe(401);
    expect((await h.call('POST', '/api/pair', { systemTitle: created.systemTitle, code: body.pairingCode }, false)).status).toBe(200);
  });
});
