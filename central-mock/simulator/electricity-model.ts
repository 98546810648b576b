/**
 * The electricity side of a simulated Smarty: net power from the household load curve minus PV,
 * split over three phases, and energy registers that integrate that power exactly. Registers are
 * kept as integer Wh plus an integer remainder in W·ms, so they never drift, never go backwards,
 * and one telegram's step equals power × elapsed time to the watt-hour.
 */
import type { ControlState, PhaseValues } from '../../protocol/types.ts';
import { householdLoadW, noise01, pvProductionW } from './load-curve.ts';

const WH_IN_WMS = 3_600_000; // 1 Wh = 3 600 000 W·ms

/** One register: whole units plus the part of the next one, both integers. */
interface Register {
  whole: number;
  remainderWms: number;
}

/** What one telegram's electricity objects hold (before the field selection). */
export interface ElectricityReading {
  importPowerW: number;
  exportPowerW: number;
  importReactivePowerVar: number;
  exportReactivePowerVar: number;
  importApparentPowerVa: number;
  exportApparentPowerVa: number;
  importEnergyWh: number;
  exportEnergyWh: number;
  importReactiveVarh: number;
  exportReactiveVarh: number;
  phases: { l1: PhaseValues; l2: PhaseValues; l3: PhaseValues };
}

function advance(r: Register, power: number, dtMs: number): void {
  const total = r.remainderWms + power * dtMs;
  r.whole += Math.floor(total / WH_IN_WMS);
  r.remainderWms = total % WH_IN_WMS;
}

/** Splits `total` into three integer parts by `shares` so that they add up to `total` exactly. */
function split3(total: number, shares: readonly [number, number, number]): [number, number, number] {
  const a = Math.round(total * shares[0]);
  const b = Math.round(total * shares[1]);
  return [a, b, total - a - b];
}

export const ENERGY_REGISTERS = ['importEnergyWh', 'exportEnergyWh', 'importReactiveVarh', 'exportReactiveVarh'] as const;
export type EnergyRegister = (typeof ENERGY_REGISTERS)[number];

/**
 * Creates the electricity model of one meter; `pvPeakW` 0 means no PV. `start` holds high-water
 * marks from an earlier run (whole Wh / varh): a register starts at the higher of its mark and the
 * seed's value, so a restarted meter never counts backwards.
 */
export function createElectricityModel(seed: number, pvPeakW: number, start: Partial<Record<EnergyRegister, number>> = {}) {
  const r = (n: number) => noise01(seed, n, 300);
  const at = (name: EnergyRegister, seeded: number): Register => ({ whole: Math.max(seeded, start[name] ?? 0), remainderWms: 0 });
  const registers = {
    importEnergyWh: at('importEnergyWh', Math.round(2_000_000 + 6_000_000 * r(1))),
    exportEnergyWh: at('exportEnergyWh', pvPeakW > 0 ? Math.round(500_000 + 2_500_000 * r(2)) : 0),
    importReactiveVarh: at('importReactiveVarh', Math.round(200_000 + 600_000 * r(3))),
    exportReactiveVarh: at('exportReactiveVarh', pvPeakW > 0 ? Math.round(50_000 + 200_000 * r(4)) : 0),
  } satisfies Record<EnergyRegister, Register>;
  let lastAt: number | null = null;

  function powers(at: Date, breaker: ControlState) {
    if (breaker !== 'connected') return { imp: 0, exp: 0 }; // nothing flows through an open breaker
    const net = householdLoadW(seed, at) - pvProductionW(seed, at, pvPeakW);
    return { imp: Math.max(0, net), exp: Math.max(0, -net) };
  }

  /** The reading at `at`; registers advance by this reading's power over the time since the last call. */
  function read(at: Date, breaker: ControlState): ElectricityReading {
    const t = at.getTime();
    const { imp, exp } = powers(at, breaker);
    const slot = Math.floor(t / 10_000);
    const qImp = Math.round(imp * (0.12 + 0.08 * noise01(seed, slot, 7))); // inductive household loads
    const qExp = Math.round(exp * 0.05); // an inverter runs close to cos φ = 1
    if (lastAt !== null && t > lastAt) {
      const dt = t - lastAt;
      advance(registers.importEnergyWh, imp, dt);
      advance(registers.exportEnergyWh, exp, dt);
      advance(registers.importReactiveVarh, qImp, dt);
      advance(registers.exportReactiveVarh, qExp, dt);
    }
    if (lastAt === null || t > lastAt) lastAt = t;

    const day = Math.floor(t / 86_400_000);
    const s1 = 0.36 + 0.16 * noise01(seed, slot, 8);
    const s2 = 0.26 + 0.12 * noise01(seed, day, 9);
    const loadShares = [s1, s2, 1 - s1 - s2] as const;
    const evenShares = [1 / 3, 1 / 3, 1 / 3] as const; // a three-phase inverter feeds all phases alike
    const pImp = split3(imp, loadShares);
    const pExp = split3(exp, evenShares);
    const qImpPh = split3(qImp, loadShares);
    const qExpPh = split3(qExp, evenShares);
    const phase = (i: number): PhaseValues => {
      const wander = 2.5 * Math.sin((2 * Math.PI * t) / 3_600_000 + i * 2.1); // slow grid drift
      const jitter = 2 * (noise01(seed, slot, 20 + i) - 0.5);
      const flowW = pImp[i]! + pExp[i]!;
      const voltageV = Math.round((230.5 + wander + jitter - flowW / 1_000) * 10) / 10;
      return {
        voltageV,
        currentA: Math.round(flowW / voltageV),
        importPowerW: pImp[i]!,
        exportPowerW: pExp[i]!,
        importReactivePowerVar: qImpPh[i]!,
        exportReactivePowerVar: qExpPh[i]!,
      };
    };
    return {
      importPowerW: imp,
      exportPowerW: exp,
      importReactivePowerVar: qImp,
      exportReactivePowerVar: qExp,
      importApparentPowerVa: Math.round(Math.hypot(imp, qImp)),
      exportApparentPowerVa: Math.round(Math.hypot(exp, qExp)),
      importEnergyWh: registers.importEnergyWh.whole,
      exportEnergyWh: registers.exportEnergyWh.whole,
      importReactiveVarh: registers.importReactiveVarh.whole,
      exportReactiveVarh: registers.exportReactiveVarh.whole,
      phases: { l1: phase(0), l2: phase(1), l3: phase(2) },
    };
  }

  /** The registers' current whole values, to persist as high-water marks. */
  function marks(): Record<EnergyRegister, number> {
    return {
      importEnergyWh: registers.importEnergyWh.whole,
      exportEnergyWh: registers.exportEnergyWh.whole,
      importReactiveVarh: registers.importReactiveVarh.whole,
      exportReactiveVarh: registers.exportReactiveVarh.whole,
    };
  }

  return { read, marks };
}
