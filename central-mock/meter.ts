/**
 * The meter as the API shows it (central-mock/API.md, "Meter object") and the rows it is built from.
 * The port key is deliberately absent from `MeterView`: only `/port` and `/api/pair` add it.
 */
import type { ControlState } from '../protocol/index.ts';

export type Preset = 'basic' | 'full' | 'custom';
export type MbusKindName = 'gas' | 'water' | 'heat';
export const CHANNELS = ['0', '2', '3', '4', '5'] as const;
export type MessageChannel = (typeof CHANNELS)[number];
export const CONTROL_STATES: readonly ControlState[] = ['disconnected', 'connected', 'ready'];

/** EN 13757-3 device type and the unit the meter reports, per medium. */
export const MBUS_KINDS: Record<MbusKindName, { deviceType: number; unit: string }> = {
  gas: { deviceType: 3, unit: 'm3' },
  water: { deviceType: 7, unit: 'm3' },
  heat: { deviceType: 4, unit: 'GJ' },
};

export interface MbusDevice {
  channel: number;
  kind: MbusKindName;
  deviceType: number;
  equipmentId: string | null;
  unit: string;
  valve: ControlState;
}

export interface MeterView {
  meterId: string;
  systemTitle: string;
  encryption: boolean;
  fields: string[];
  preset: Preset;
  powerLimitKva: number;
  breaker: ControlState;
  relays: { relay1: ControlState; relay2: ControlState };
  messages: Record<MessageChannel, string>;
  mbus: MbusDevice[];
  keyVersion: number;
  frameCounter: number;
  createdAt: string;
  updatedAt: string;
}

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
