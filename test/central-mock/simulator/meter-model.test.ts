import { describe, expect, it } from 'vitest';
import { createMeterModel } from '../../../central-mock/simulator/meter-model.ts';
import type { PortConfig } from '../../../contracts/central.ts';
import { portConfig as demoPortConfig } from './port-config.ts';
import { householdLoadW, pvProductionW } from '../../../central-mock/simulator/load-curve.ts';

function portConfig(over: Record<string, unknown> = {}): PortConfig {
  return demoPortConfig({
    mbus: [
      { channel: 1, kind: 'gas', deviceType: 3, equipmentId: 'G0012345678901234', unit: 'm3', valve: 'connected' },
      { channel: 2, kind: 'water', deviceType: 7, equipmentId: '', unit: 'm3', valve: 'connected' },
    ],
    ...over,
  });
}

const STEP = 10_000;

describe('meter model: electricity', () => {
  it('integrates power into Wh registers exactly and monotonically over a day', () => {
    const model = createMeterModel({ seed: 11, pvPeakW: 5_000 });
    const cfg = portConfig();
    const t0 = Date.parse('2026-06-21T00:00:00+02:00');
    let prev = model.telegram(cfg, new Date(t0)).electricity;
    const start = prev;
    let importWms = 0;
    let exportWms = 0;
    for (let t = t0 + STEP; t <= t0 + 86_400_000; t += STEP) {
      const e = model.telegram(cfg, new Date(t)).electricity;
      for (const k of ['importEnergyWh', 'exportEnergyWh', 'importReactiveVarh', 'exportReactiveVarh'] as const) {
        expect(e[k]!).toBeGreaterThanOrEqual(prev[k]!);
        expect(Number.isInteger(e[k])).toBe(true);
      }
      importWms += e.importPowerW! * STEP;
      exportWms += e.exportPowerW! * STEP;
      // the register is the floor of the exact integral: never more than 1 Wh behind, never ahead
      const impDelta = e.importEnergyWh! - start.importEnergyWh!;
      expect(impDelta).toBe(Math.floor(importWms / 3_600_000));
      expect(e.exportEnergyWh! - start.exportEnergyWh!).toBe(Math.floor(exportWms / 3_600_000));
      prev = e;
    }
    // a believable household day: several kWh imported, PV exported in June
    expect(prev.importEnergyWh! - start.importEnergyWh!).toBeGreaterThan(5_000);
    expect(prev.exportEnergyWh! - start.exportEnergyWh!).toBeGreaterThan(1_000);
  });

  it('exports only by day and only when production exceeds load; never imports and exports at once', () => {
    const model = createMeterModel({ seed: 3, pvPeakW: 6_000 });
    const cfg = portConfig();
    const t0 = Date.parse('2026-05-01T00:00:00+02:00');
    let exported = 0;
    for (let t = t0; t < t0 + 86_400_000; t += 60_000) {
      const at = new Date(t);
      const e = model.telegram(cfg, at).electricity;
      const net = householdLoadW(3, at) - pvProductionW(3, at, 6_000);
      expect(e.exportPowerW).toBe(Math.max(0, -net));
      expect(e.importPowerW).toBe(Math.max(0, net));
      if (pvProductionW(3, at, 6_000) === 0) expect(e.exportPowerW).toBe(0);
      if (e.exportPowerW! > 0) exported++;
    }
    expect(exported).toBeGreaterThan(0);
    const noPv = createMeterModel({ seed: 3 });
    const noon = noPv.telegram(cfg, new Date('2026-05-01T13:00:00+02:00')).electricity;
    expect(noon.exportPowerW).toBe(0);
    expect(noon.exportEnergyWh).toBe(0);
  });

  it('splits power over three phases with 230 V ± a few V and currents that match', () => {
    const model = createMeterModel({ seed: 9 });
    const cfg = portConfig();
    for (let t = Date.parse('2026-02-02T00:00:00Z'); t < Date.parse('2026-02-03T00:00:00Z'); t += 600_000) {
      const e = model.telegram(cfg, new Date(t)).electricity;
      const ph = [e.phases!.l1!, e.phases!.l2!, e.phases!.l3!];
      expect(ph.reduce((s, p) => s + p.importPowerW!, 0)).toBe(e.importPowerW);
      expect(ph.reduce((s, p) => s + p.importReactivePowerVar!, 0)).toBe(e.importReactivePowerVar);
      for (const p of ph) {
        expect(p.voltageV!).toBeGreaterThan(223);
        expect(p.voltageV!).toBeLessThan(236);
        expect(Math.abs(p.currentA! - p.importPowerW! / p.voltageV!)).toBeLessThanOrEqual(0.5);
      }
      expect(e.importApparentPowerVa!).toBeGreaterThanOrEqual(e.importPowerW!);
      expect(e.importReactivePowerVar!).toBeLessThan(e.importPowerW! * 0.25);
    }
  });

  it('shows no flow while the breaker is open, and config values as configured', () => {
    const model = createMeterModel({ seed: 1, pvPeakW: 4_000 });
    const cfg = portConfig({
      breaker: 'disconnected',
      relays: { relay1: 'ready', relay2: 'disconnected' },
      powerLimitKva: 27.6,
      messages: { '0': 'hi', '2': '', '3': 'gas', '4': '', '5': '' },
    });
    const t = model.telegram(cfg, new Date('2026-06-01T12:00:00Z'));
    expect(t.electricity.importPowerW).toBe(0);
    expect(t.electricity.exportPowerW).toBe(0);
    expect(t.electricity.phases!.l1!.currentA).toBe(0);
    expect(t.electricity.breaker).toBe('disconnected');
    expect(t.electricity.relays).toEqual({ relay1: 'ready', relay2: 'disconnected' });
    expect(t.electricity.currentLimitsA).toEqual({ import: 40, export: -40 });
    expect(t.message).toBe('hi');
    expect(t.channelMessages).toEqual({ '2': '', '3': 'gas', '4': '', '5': '' });
    expect(t.electricity.meterId).toBe('SAG1030700012701');
    expect(t.header).toMatch(/^\/Lux5\\\d{9}_D$/);
  });

  it('is deterministic for a seed and a clock, and differs between seeds', () => {
    const run = (seed: number) => {
      const m = createMeterModel({ seed, pvPeakW: 3_000 });
      const cfg = portConfig();
      const out = [];
      for (let t = Date.parse('2026-04-03T08:00:00Z'); t < Date.parse('2026-04-03T14:00:00Z'); t += 777_000)
        out.push(m.telegram(cfg, new Date(t)));
      return out;
    };
    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));
  });
});

describe('meter model: timestamps and M-Bus', () => {
  it('writes local time with the summer/winter offset', () => {
    const m = createMeterModel({ seed: 1 });
    expect(m.telegram(portConfig(), new Date('2026-01-15T10:00:05Z')).timestamp).toBe('2026-01-15T11:00:05+01:00');
    expect(m.telegram(portConfig(), new Date('2026-07-15T10:00:05Z')).timestamp).toBe('2026-07-15T12:00:05+02:00');
  });

  it('advances gas and water hourly with the capture time of the last full hour, across the DST change', () => {
    const m = createMeterModel({ seed: 4 });
    const cfg = portConfig();
    const t0 = Date.parse('2026-03-28T22:00:00Z');
    let prev = m.telegram(cfg, new Date(t0)).mbus;
    expect(prev.map((c) => c.capturedAt)).toEqual(['2026-03-28T23:00:00+01:00', '2026-03-28T23:00:00+01:00']);
    const seen = new Set<string>();
    for (let t = t0 + 60_000; t <= t0 + 6 * 3_600_000; t += 60_000) {
      const mbus = m.telegram(cfg, new Date(t)).mbus;
      const hourStart = Math.floor(t / 3_600_000) * 3_600_000;
      for (const [i, c] of mbus.entries()) {
        expect(Date.parse(c.capturedAt!)).toBe(hourStart);
        expect(c.value!).toBeGreaterThanOrEqual(prev[i]!.value!);
        if (c.capturedAt === prev[i]!.capturedAt) expect(c.value).toBe(prev[i]!.value);
        seen.add(c.capturedAt!);
      }
      prev = mbus;
    }
    // 01:00 UTC on 29 March: 02:00 winter time is skipped, 03:00 summer time follows
    expect(seen).toContain('2026-03-29T01:00:00+01:00');
    expect(seen).toContain('2026-03-29T03:00:00+02:00');
    expect(seen).not.toContain('2026-03-29T02:00:00+01:00');
    expect(prev[0]).toMatchObject({
      channel: 1,
      kind: 'gas',
      deviceType: 3,
      unit: 'm3',
      equipmentId: 'G0012345678901234',
      valve: 'connected',
    });
    expect(prev[1]).toMatchObject({ channel: 2, kind: 'water', equipmentId: null, valve: 'connected' });
  });

  it('reports a device attached while running as a placeholder until its first full hour', () => {
    const m = createMeterModel({ seed: 4 });
    const t0 = Date.parse('2026-01-10T10:20:00Z');
    m.telegram(portConfig({ mbus: [] }), new Date(t0));
    const heat = { channel: 3, kind: 'heat', deviceType: 4, equipmentId: 'H1', unit: 'GJ', valve: 'connected' };
    const attached = m.telegram(portConfig({ mbus: [heat] }), new Date(t0 + 60_000)).mbus;
    expect(attached).toEqual([
      { channel: 3, kind: 'heat', deviceType: 4, equipmentId: 'H1', value: null, unit: null, capturedAt: null, valve: 'connected' },
    ]);
    const stillPending = m.telegram(portConfig({ mbus: [heat] }), new Date(t0 + 30 * 60_000)).mbus[0]!;
    expect(stillPending.value).toBeNull();
    const later = m.telegram(portConfig({ mbus: [heat] }), new Date(t0 + 45 * 60_000)).mbus[0]!;
    expect(later.capturedAt).toBe('2026-01-10T12:00:00+01:00');
    expect(later.unit).toBe('GJ');
    expect(later.value!).toBeGreaterThan(0);
  });
});
