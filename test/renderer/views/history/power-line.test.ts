import { describe, expect, it } from 'vitest';
import { minuteMeans } from '../../../../renderer/views/history/HistoryChart.tsx';

const T0 = Date.parse('2026-11-30T10:00:00+01:00');

describe('the day view power line', () => {
  it('draws one-minute means of the 10-s telegrams and breaks over a gap instead of bridging it', () => {
    const at: number[] = [];
    const importW: (number | null)[] = [];
    for (let i = 0; i < 12; i++) at.push(T0 + i * 10_000), importW.push(i < 6 ? 100 : 200);
    at.push(T0 + 3_600_000); // an hour without telegrams
    importW.push(500);
    const line = minuteMeans({ meterId: 'M', at, importW, exportW: at.map(() => 0) });
    expect(line.map((p) => p.w)).toEqual([100, 200, null, 500]);
    expect(line[0]!.at).toBe(T0 + 30_000);
  });
});
