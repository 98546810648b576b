import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: 'demo' });
});
afterAll(() => h.stop());

const DEMO = 'SAG1030700012701';
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('state across restarts', () => {
  it('keeps meters, settings, keys, codes and the staff token; seeding again is a no-op', async () => {
    const created = (await h.call('POST', '/api/meters', { preset: 'full' })).body;
    await h.call('PATCH', `/api/meters/${DEMO}`, { powerLimitKva: 9.2 });
    await h.call('POST', `/api/meters/${DEMO}/rotate-key`);
    const port = (await h.call('GET', `/api/meters/${DEMO}/port`)).body;
    const token = h.central.staffToken;
    await h.restart();
    expect(h.central.staffToken).toBe(token);
    expect(h.central.staffTokenCreated).toBe(false);
    expect((await h.call('GET', '/api/health', undefined, false)).body.meters).toBe(2);
    expect((await h.call('GET', `/api/meters/${DEMO}/port`)).body).toEqual(port);
    expect((await h.call('POST', '/api/pair', { meterId: created.meterId, code: created.pairingCode }, false)).status).toBe(200);
    expect((await h.call('POST', '/api/pair', { meterId: DEMO, code: 'DEMO-2701-0001' }, false)).body.key).toBe(port.key);
  });

  it('creates master.key and staff.token with mode 0600', () => {
    expect(statSync(join(h.dir, 'master.key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(h.dir, 'staff.token')).mode & 0o777).toBe(0o600);
  });

  it('replaces a staff.token that no longer verifies, and tightens its mode', async () => {
    const file = join(h.dir, 'staff.token');
    writeFileSync(file, 'stale\n');
    chmodSync(file, 0o644);
    await h.restart();
    expect(h.central.staffTokenCreated).toBe(true);
    expect(readFileSync(file, 'utf8').trim()).toBe(h.central.staffToken);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses to start with a wrong master key, changing nothing', async () => {
    await h.central.close();
    const db = join(h.dir, 'central.sqlite');
    const before = digest(db);
    await expect(h.restart({ masterKeyEnv: 'ab'.repeat(32) })).rejects.toMatchObject({
      code: 'MASTER_KEY_MISMATCH',
      message: expect.stringContaining('nothing was changed'),
    });
    await expect(h.restart({ masterKeyEnv: 'not hex' })).rejects.toMatchObject({ code: 'BAD_MASTER_KEY' });
    renameSync(join(h.dir, 'master.key'), join(h.dir, 'master.key.away'));
    await expect(h.restart()).rejects.toMatchObject({ code: 'MASTER_KEY_MISSING' });
    renameSync(join(h.dir, 'master.key.away'), join(h.dir, 'master.key'));
    expect(digest(db)).toBe(before);
    await h.restart();
    expect((await h.call('GET', `/api/meters/${DEMO}/port`)).status).toBe(200);
  });

  it('accepts the master key from LUXP1_MASTER_KEY', async () => {
    const hex = readFileSync(join(h.dir, 'master.key'), 'utf8').trim();
    await h.restart({ masterKeyEnv: hex.toUpperCase() });
    expect((await h.call('GET', `/api/meters/${DEMO}/port`)).status).toBe(200);
  });
});

describe('key material at rest', () => {
  it('never appears in the database files, the audit log or the server output', async () => {
    const keys: string[] = [];
    const ids = (await h.call('GET', '/api/meters')).body.meters.map((m: { meterId: string }) => m.meterId);
    for (const id of ids) {
      await h.call('PUT', `/api/meters/${id}/messages/2`, { text: 'hello' });
      await h.call('POST', `/api/meters/${id}/rotate-key`);
      keys.push((await h.call('GET', `/api/meters/${id}/port`)).body.key);
      const audit = JSON.stringify((await h.call('GET', `/api/meters/${id}/audit`)).body);
      expect(audit).toContain('key rotated');
      for (const k of keys) expect(audit.toUpperCase()).not.toContain(k);
    }
    const files = readdirSync(h.dir).filter((f) => f.startsWith('central.sqlite'));
    expect(files).toContain('central.sqlite');
    for (const k of keys) {
      const raw = Buffer.from(k, 'hex');
      for (const f of files) {
        const bytes = readFileSync(join(h.dir, f));
        expect(bytes.includes(raw), f).toBe(false);
        expect(bytes.toString('latin1').toUpperCase().includes(k), f).toBe(false);
      }
      expect(h.logs.join('\n').toUpperCase()).not.toContain(k);
    }
  });
});
