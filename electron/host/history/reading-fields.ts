/**
 * What the history takes from a verified reading: the meter's own time, the meter id, and the
 * registers and powers as whole Wh/varh/W. Gas, water and heat are kept (hot water as water).
 */
import type { ReadingRecord } from '../../../contracts/ipc.ts';
import type { Telegram } from '../../../protocol/types.ts';
import type { Sample } from './block-codec.ts';

export const MBUS_KINDS: Record<string, 'gas' | 'water' | 'heat'> = { gas: 'gas', water: 'water', hotWater: 'water', heat: 'heat' };
const count = (n: number | undefined): number => (n === undefined ? 0 : Math.max(0, Math.round(n)));
const power = (w: number | undefined): number | null => (w === undefined || !Number.isFinite(w) || w < 0 ? null : Math.round(w));

/** The meter's own time of a telegram, epoch seconds; the host's receive time when it sent none. */
export function telegramTime(reading: ReadingRecord): number {
  const ms = reading.telegram.timestamp ? Date.parse(reading.telegram.timestamp) : reading.receivedAt;
  return Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : Number.NaN;
}

export function meterIdOf(reading: ReadingRecord): string {
  return reading.telegram.electricity.meterId || (reading.frame ? `title:${reading.frame.systemTitle}` : 'unknown');
}

export function sampleOf(t: number, telegram: Telegram): Sample | null {
  const e = telegram.electricity;
  if (e.importEnergyWh === undefined) return null;
  return {
    t,
    imp: count(e.importEnergyWh),
    exp: count(e.exportEnergyWh),
    impR: count(e.importReactiveVarh),
    expR: count(e.exportReactiveVarh),
    pImp: power(e.importPowerW),
    pExp: power(e.exportPowerW),
  };
}
