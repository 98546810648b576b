import { describe, expect, it } from 'vitest';
import {
  formatControl,
  formatDecimal,
  formatKilo,
  parseControl,
  parseDecimal,
  parseInteger,
  parseScaled,
} from '../../../protocol/dsmr/values.ts';

describe('parseScaled: decimal kilo-units to exact integers', () => {
  it.each([
    ['000273.764', 1000, 273764],
    ['112743.030', 1000, 112743030],
    ['000000.040', 1000, 40],
    ['999999.999', 1000, 999999999],
    ['00.897', 1000, 897],
    ['00.000', 1000, 0],
    ['1.1', 1000, 1100],
    ['12', 1000, 12000],
    ['006545766', 1, 6545766],
    ['-01.500', 1000, -1500],
  ] as const)('%s × %d = %d', (s, scale, want) => {
    expect(parseScaled(s, scale)).toBe(want);
  });

  it('is exact where float multiplication is not', () => {
    expect(1.005 * 1000).not.toBe(1005); // the trap this function exists for
    expect(parseScaled('000001.005', 1000)).toBe(1005);
  });

  it('rounds digits beyond the scale half away from zero', () => {
    expect(parseScaled('1.2345', 1000)).toBe(1235);
    expect(parseScaled('1.2344', 1000)).toBe(1234);
    expect(parseScaled('-0.5', 1)).toBe(-1);
  });

  it.each(['', '-', '.5', '1.', '1.2.3', '12a', '+1', '1e3', ' 1', '1234567890123456'])('rejects %j', (s) => {
    expect(parseScaled(s, 1000)).toBeUndefined();
  });

  it('stops at `end` (the unit separator)', () => {
    expect(parseScaled('000273.764*kWh', 1000, 10)).toBe(273764);
  });
});

describe('parseDecimal and parseInteger', () => {
  it('reads DSMR number shapes', () => {
    expect(parseDecimal('231.0')).toBe(231);
    expect(parseDecimal('0230.0')).toBe(230);
    expect(parseDecimal('0.48')).toBe(0.48);
    expect(parseDecimal('-040')).toBe(-40);
    expect(parseInteger('01067')).toBe(1067);
    expect(parseInteger('003')).toBe(3);
  });

  it('rejects anything else', () => {
    for (const s of ['', 'x', '1.', '.1', '1,5', 'NaN', 'Infinity', '0x10']) expect(parseDecimal(s)).toBeUndefined();
    expect(parseInteger('1.5')).toBeUndefined();
  });
});

describe('formatting', () => {
  it('writes kilo-units with 3 decimals from integers, exactly', () => {
    expect(formatKilo(273764, 6)).toBe('000273.764');
    expect(formatKilo(897, 2)).toBe('00.897');
    expect(formatKilo(0, 2)).toBe('00.000');
    expect(formatKilo(123456789012, 6)).toBe('123456789.012');
  });

  it('writes Fn(x,y) padded, with more decimals only when the value needs them', () => {
    expect(formatDecimal(231, 3, 1)).toBe('231.0');
    expect(formatDecimal(1, 3, 0)).toBe('001');
    expect(formatDecimal(-40, 3, 0)).toBe('-040');
    expect(formatDecimal(27.6, 3, 1)).toBe('027.6');
    expect(formatDecimal(14239.771, 5, 3)).toBe('14239.771');
    expect(formatDecimal(0.48, 3, 0)).toBe('000.48');
  });
});

describe('control states', () => {
  it('maps 0/1/2 both ways', () => {
    expect(['0', '1', '2'].map(parseControl)).toEqual(['disconnected', 'connected', 'ready']);
    expect(formatControl('ready')).toBe('2');
    expect(formatControl('disconnected')).toBe('0');
  });

  it.each(['3', '', '01', '-1', 'x', '/'])('rejects %j', (s) => {
    expect(parseControl(s)).toBeUndefined();
  });
});
