import { afterEach, describe, expect, it } from 'vitest';
import { createCentralClient } from '../../contracts/central-client.ts';
import { PEER_MIN_METERS, shareAbove } from '../../contracts/peers.ts';
import { simulatedClassKw } from '../../central-mock/peers.ts';
import { type Harness, startHarness } from './helpers.ts';

let h: Harness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

describe('GET /api/peers/daily', () => {
  it('gives percentiles only where at least 20 meters of the class contribute', async () => {
    h = await startHarness({ seed: 'demo', neighbours: 60 });
    const staff = () => createCentralClient({ baseUrl: h!.central.url, token: h!.central.staffToken });
    const listed = await staff().meterIds();
    const ids = listed.ok ? listed.value : [];
    expect(ids).toHaveLength(61);
    const client = createCentralClient({ baseUrl: h.central.url }); // no token: the figures are anonymous
    for (const classKw of [3, 7, 12]) {
      const r = await client.peersDaily('2026-11-30', classKw);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      const contributing = ids.filter((id) => simulatedClassKw(id) === classKw).length;
      expect(r.value.meters).toBe(contributing);
      if (contributing < PEER_MIN_METERS) expect(r.value.percentilesWh).toBeNull();
      else {
        const p = r.value.percentilesWh!;
        expect(p.p10).toBeLessThanOrEqual(p.p25);
        expect(p.p25).toBeLessThanOrEqual(p.p50);
        expect(p.p75).toBeLessThanOrEqual(p.p90);
        expect(p.p50).toBeGreaterThan(2_000); // a household draws kWh a day, not Wh
        expect(p.p50).toBeLessThan(60_000);
      }
    }
    // the neighbours are created once: a restart adds none
    await h.restart({ seed: 'demo', neighbours: 60 });
    const again = await staff().meterIds();
    expect(again.ok && again.value).toHaveLength(61);
  });

  it('refuses a date that is no day and a class that is none', async () => {
    h = await startHarness({ seed: 'demo' });
    for (const q of ['date=2026-02-30&class=3', 'date=yesterday&class=3', 'date=2026-11-30&class=5', 'class=3']) {
      const r = await h.call('GET', `/api/peers/daily?${q}`, undefined, false);
      expect(r.status).toBe(400);
      expect(r.body.error).toBe('BAD_REQUEST');
    }
    const few = await h.call('GET', '/api/peers/daily?date=2026-11-30&class=3', undefined, false);
    expect(few.body).toMatchObject({ meters: expect.any(Number), percentilesWh: null });
  });
});

describe('shareAbove', () => {
  const p = { p10: 4000, p25: 6000, p50: 8000, p75: 10_000, p90: 14_000 };
  it('places a day between the percentiles', () => {
    expect(shareAbove(p, 8000)).toBeCloseTo(0.5);
    expect(shareAbove(p, 7000)).toBeCloseTo(0.625);
    expect(shareAbove(p, 1000)).toBe(0.9);
    expect(shareAbove(p, 20_000)).toBe(0.1);
  });
});
