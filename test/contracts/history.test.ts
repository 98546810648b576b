import { describe, expect, it } from 'vitest';
import { historyCsv } from '../../contracts/history.ts';

describe('history CSV (RFC 4180)', () => {
  it('writes the header and the fixed columns, null as an empty cell, CRLF line ends', () => {
    const csv = historyCsv('electricity', [
      {
        start: '2026-03-29T01:45:00+01:00',
        end: '2026-03-29T03:00:00+02:00',
        importWh: 12,
        exportWh: 0,
        importReactiveVarh: 3,
        exportReactiveVarh: 0,
        peakImportW: null,
        estimated: true,
      },
    ]);
    expect(csv).toBe(
      'start,end,importWh,exportWh,importReactiveVarh,exportReactiveVarh,peakImportW,estimated\r\n' +
        '2026-03-29T01:45:00+01:00,2026-03-29T03:00:00+02:00,12,0,3,0,,true\r\n',
    );
  });

  it('quotes a cell holding a comma, a quote or a line break, doubling the quotes', () => {
    const csv = historyCsv(
      'gas',
      [{ start: 'a', end: 'b', channel: 1, kind: 'gas', consumption: 0.25, unit: 'm3, "normal"\r\n', estimated: false }],
      false,
    );
    expect(csv).toBe('a,b,1,gas,0.25,"m3, ""normal""\r\n",false\r\n');
  });
});
