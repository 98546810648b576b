import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_COST_SETTINGS } from '../../../contracts/cost-settings.ts';
import { validatePayload } from '../../../electron/ipc/validate.ts';
import { startCentral } from '../../../central-mock/server.ts';
import { startHost, type Harness } from './host-harness.ts';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe('cost settings on the host', () => {
  it('start from the labelled example, are saved, and survive a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luxp1-costs-'));
    h = await startHost({}, dir);
    expect(await h.host.handle('costs:get', null)).toEqual({ ok: true, value: DEFAULT_COST_SETTINGS });
    expect(DEFAULT_COST_SETTINGS.tariff.example).toBe(true);
    const mine = {
      ...DEFAULT_COST_SETTINGS,
      tariff: { ...DEFAULT_COST_SETTINGS.tariff, example: false, referenceKw: 7 },
      peersOptIn: true,
    };
    expect(await h.host.handle('costs:set', mine)).toEqual({ ok: true, value: mine });
    await h.host.close(); // the harness's close() would delete the directory
    h = await startHost({}, dir);
    expect(await h.host.handle('costs:get', null)).toEqual({ ok: true, value: mine });
  });

  it('a hand-edited bad tariff falls back to the example, the rest of the file is kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luxp1-costs-'));
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ silenceMs: 5000, costs: { ...DEFAULT_COST_SETTINGS, tariff: { referenceKw: 'big' } } }),
    );
    h = await startHost({}, dir);
    expect(await h.host.handle('costs:get', null)).toEqual({ ok: true, value: DEFAULT_COST_SETTINGS });
    expect(h.logs.join('\n')).toMatch(/invalid costs/);
    expect(JSON.parse(readFileSync(join(dir, 'settings.json.bad'), 'utf8')).silenceMs).toBe(5000);
  });

  it('the shells refuse a malformed payload before the host sees it', () => {
    const r = validatePayload('costs:set', { ...DEFAULT_COST_SETTINGS, tariff: { ...DEFAULT_COST_SETTINGS.tariff, referenceKw: -3 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'BAD_PAYLOAD', message: expect.stringMatching(/referenceKw/) });
  });

  it('peer figures: only after the opt-in, for the user’s class, from the central system', async () => {
    const central = await startCentral({
      dataDir: mkdtempSync(join(tmpdir(), 'luxp1-central-')),
      port: 0,
      seed: 'demo',
      neighbours: 40,
      log: () => {},
    });
    try {
      const dir = mkdtempSync(join(tmpdir(), 'luxp1-costs-'));
      writeFileSync(join(dir, 'settings.json'), JSON.stringify({ centralUrl: central.url }));
      h = await startHost({}, dir);
      expect(await h.host.handle('peers:daily', { date: '2026-11-30' })).toMatchObject({ ok: false, error: { code: 'PEERS_OFF' } });
      const custom = { ...DEFAULT_COST_SETTINGS, peersOptIn: true, tariff: { ...DEFAULT_COST_SETTINGS.tariff, referenceKw: 5 } };
      await h.host.handle('costs:set', custom);
      expect(await h.host.handle('peers:daily', { date: '2026-11-30' })).toMatchObject({ ok: false, error: { message: /not 5 kW/ } });
      await h.host.handle('costs:set', { ...custom, tariff: DEFAULT_COST_SETTINGS.tariff });
      const r = await h.host.handle('peers:daily', { date: '2026-11-30' });
      expect(r).toMatchObject({ ok: true, value: { date: '2026-11-30', classKw: 3, meters: expect.any(Number) } });
    } finally {
      await central.close();
    }
  });
});
