/**
 * The rows the central system stores. The meter as the API shows it is `CentralMeter` in
 * contracts/central.ts (one type for the central, the app and the simulator); its port key is
 * deliberately absent there: only `/port` and `/api/pair` add it.
 */
import type { MessageChannel } from '../protocol/index.ts';

export type { CentralMeter, MbusDevice, Preset } from '../contracts/central.ts';

/** A meters row as SQLite returns it. */
export interface MeterRow {
  id: number;
  meter_id: string;
  system_title: string;
  sealed_key: Uint8Array;
  key_version: number;
  encryption: number;
  preset: string;
  fields: string | null;
  power_limit_kva: number;
  breaker: string;
  relay1: string;
  relay2: string;
  messages: string | null;
  frame_counter: number;
  created_at: string;
  updated_at: string;
}

export interface MbusRow {
  channel: number;
  kind: string;
  device_type: number;
  equipment_id: string | null;
  unit: string;
  valve: string;
}

/** Empty text on every channel: what a new meter shows. */
export function emptyMessages(): Record<MessageChannel, string> {
  return { '0': '', '2': '', '3': '', '4': '', '5': '' };
}
