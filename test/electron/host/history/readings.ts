/** Hand-sized readings for the recorder's property tests: only what the recorder reads. */
import type { ReadingRecord } from '../../../../contracts/ipc.ts';
import { luxIso } from '../../../../electron/host/history/lux-calendar.ts';
import type { MbusChannel, Telegram } from '../../../../protocol/types.ts';

export interface Regs {
  imp: number;
  exp?: number;
  impR?: number;
  expR?: number;
  pImp?: number;
}

export function reading(t: number, r: Regs, extra: Partial<Telegram> & { meterId?: string; mbus?: MbusChannel[] } = {}): ReadingRecord {
  const { meterId = 'M1', electricity, ...rest } = extra;
  const telegram: Telegram = {
    header: '/Lux5\\253663629_D',
    timestamp: luxIso(t),
    electricity: {
      meterId,
      importEnergyWh: r.imp,
      exportEnergyWh: r.exp ?? 0,
      importReactiveVarh: r.impR ?? 0,
      exportReactiveVarh: r.expR ?? 0,
      importPowerW: r.pImp ?? 0,
      exportPowerW: 0,
      ...electricity,
    },
    mbus: [],
    unknown: [],
    crc: 0,
    ...rest,
  };
  return { receivedAt: t * 1000, encrypted: false, frame: null, telegram };
}

/** Epoch seconds of a Luxembourg wall-clock time written with its offset. */
export const at = (iso: string): number => Date.parse(iso) / 1000;
