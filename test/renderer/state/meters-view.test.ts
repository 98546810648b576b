import { describe, expect, it } from 'vitest';
import type { ReadingRecord } from '../../../contracts/ipc.ts';
import { addressOf, idFor, meterRow, netFlow, sourceFromAddress } from '../../../renderer/state/meters-view.ts';

const reading = (receivedAt: number, importPowerW?: number, exportPowerW?: number): ReadingRecord =>
  ({
    receivedAt,
    encrypted: true,
    frame: null,
    telegram: {
      electricity: { ...(importPowerW === undefined ? {} : { importPowerW }), ...(exportPowerW === undefined ? {} : { exportPowerW }) },
    },
  }) as unknown as ReadingRecord;

describe('meters view', () => {
  it('net flow: import − export summed over every meter, old when any value is old', () => {
    const now = 1_000_000;
    const house = meterRow('primary', null, reading(now - 5_000, 1200, 0), 'open', now, 0);
    const pv = meterRow('pv', 'Solar', reading(now - 5_000, 0, 3000), 'open', now, 0);
    expect(netFlow([house, pv])).toEqual({ watts: -1800, old: false });
    const oldPv = meterRow('pv', 'Solar', reading(now - 31_000, 0, 3000), 'open', now, 0);
    expect(oldPv.old).toBe(true);
    expect(netFlow([house, oldPv])).toEqual({ watts: -1800, old: true });
    // Host time is converted to renderer time: with the host 10 s ahead, host time now − 25 s is 35 s ago here.
    expect(meterRow('pv', 'Solar', reading(now - 25_000, 0, 1), 'open', now, -10_000).old).toBe(true);
    expect(meterRow('pv', 'Solar', reading(now - 25_000, 0, 1), 'open', now, 10_000).old).toBe(false);
    expect(meterRow('pv', 'Solar', reading(now, 0, 1), 'reconnecting', now, 0).old).toBe(true);
  });

  it('net flow: meters without a power value are left out; none at all is null', () => {
    const empty = meterRow('pv', 'Solar', null, 'connecting', 0, 0);
    expect(empty).toMatchObject({ importW: null, exportW: null, old: false });
    expect(netFlow([empty])).toBeNull();
    expect(netFlow([empty, meterRow('primary', null, reading(0, 500), 'open', 0, 0)])).toEqual({ watts: 500, old: false });
  });

  it('addresses: host:port is TCP, a device path or COMn is serial, anything else refused', () => {
    expect(sourceFromAddress(' 192.168.1.20:2001 ')).toEqual({ kind: 'tcp', host: '192.168.1.20', port: 2001 });
    expect(sourceFromAddress('[fe80::1]:23')).toEqual({ kind: 'tcp', host: 'fe80::1', port: 23 });
    expect(sourceFromAddress('/dev/ttyUSB1')).toEqual({ kind: 'serial', path: '/dev/ttyUSB1' });
    expect(sourceFromAddress('COM3')).toEqual({ kind: 'serial', path: 'COM3' });
    for (const bad of ['', 'host', 'host:0', 'host:70000', 'ttyUSB0', 'a b:12']) expect(sourceFromAddress(bad)).toBeNull();
    expect(addressOf({ kind: 'tcp', host: 'fe80::1', port: 23 })).toBe('[fe80::1]:23');
  });

  it('ids: from the label, accents dropped, free', () => {
    expect(idFor('Solaranlag Dach', [])).toBe('solaranlag-dach');
    expect(idFor('Compteur de production éolienne très long', [])).toBe('compteur-de-producti');
    expect(idFor('PV', ['pv', 'pv-2'])).toBe('pv-3');
    expect(idFor('☀', [])).toBe('meter');
  });
});
