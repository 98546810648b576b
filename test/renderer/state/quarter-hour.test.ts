import { describe, expect, it } from 'vitest';
import { quarterView, trackQuarter } from '../../../renderer/state/quarter-hour.ts';

const Q = Date.UTC(2026, 11, 1, 17, 0); // 18:00 in Luxembourg, a quarter-hour boundary

describe('the power class live', () => {
  it('interpolates the register at the boundary from the reading just before it', () => {
    let t = trackQuarter(null, Q - 5_000, 10_000, 4000);
    t = trackQuarter(t, Q + 5_000, 10_010, 4000); // 10 Wh over 10 s, half of it before the boundary
    expect(t).toMatchObject({ quarterStart: Q, baseAt: Q, baseWh: 10_005 });
    const v = quarterView(t, 3, Q + 5_000);
    expect(v).toMatchObject({ soFarWh: 5, allowanceWh: 750, partial: false });
    // 5 Wh so far + 4 kW for the remaining 895 s ≈ 994 Wh: 3.98 kW against a 3 kW class
    expect(v?.projectedWh).toBe(5 + Math.round((4000 * 895) / 3600));
    expect(v?.over).toBe(true);
  });

  it('counts what the register says, not the power: a quiet quarter stays under the class', () => {
    let t = trackQuarter(null, Q + 1_000, 20_000, 300);
    for (let s = 11; s < 900; s += 10) t = trackQuarter(t, Q + s * 1000, 20_000 + Math.floor(s / 12), 300);
    const v = quarterView(t, 3, Q + 895_000);
    expect(v?.soFarWh).toBe(74); // the register at 891 s: 20,000 + floor(891 / 12)
    expect(v?.partial).toBe(true);
    expect(v?.over).toBe(false);
  });

  it('starts afresh on a new quarter, and when the register goes backwards (another meter)', () => {
    let t = trackQuarter(null, Q + 100_000, 5_000, 1000);
    t = trackQuarter(t, Q + 900_000 + 120_000, 5_500, 1000); // two minutes into the next quarter, no bridge
    expect(t).toMatchObject({ quarterStart: Q + 900_000, baseAt: Q + 1_020_000, baseWh: 5_500 });
    t = trackQuarter(t, Q + 1_030_000, 100, 1000);
    expect(t).toMatchObject({ baseWh: 100, baseAt: Q + 1_030_000 });
  });

  it('says nothing once the quarter is over', () => {
    const t = trackQuarter(null, Q + 10_000, 1, 1);
    expect(quarterView(t, 3, Q + 900_000)).toBeNull();
  });
});
