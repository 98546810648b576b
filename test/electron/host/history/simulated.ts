/**
 * Readings and wire frames from the project's own meter simulator (central-mock/simulator) and
 * encoder, for the history tests and the benchmark: the same values a real port session produces.
 */
import { createMeterModel } from '../../../../central-mock/simulator/meter-model.ts';
import type { PortConfig } from '../../../../contracts/central.ts';
import { portConfig as demoPortConfig } from '../../../central-mock/simulator/port-config.ts';
import type { ReadingRecord } from '../../../../contracts/ipc.ts';
import { asciiToBytes, encodeTelegram, encryptFrame, hexToBytes, PRESET_FULL } from '../../../../protocol/index.ts';
import type { Telegram } from '../../../../protocol/types.ts';

export const KEY_HEX = 'AB0123456789ABCDEF0123456789ABCD';
export const SYSTEM_TITLE = '534147677001BD54';
export const METER_ID = 'SAG1030700012701';

export function portConfig(over: Record<string, unknown> = {}): PortConfig {
  return demoPortConfig({
    meterId: METER_ID,
    systemTitle: SYSTEM_TITLE,
    key: KEY_HEX,
    keyVersion: 1,
    encryption: true,
    fields: [...PRESET_FULL],
    mbus: [
      { channel: 1, kind: 'gas', deviceType: 3, equipmentId: 'G0012345678901234', unit: 'm3', valve: 'connected' },
      { channel: 2, kind: 'water', deviceType: 7, equipmentId: 'W0012345678901234', unit: 'm3', valve: 'connected' },
      { channel: 3, kind: 'heat', deviceType: 4, equipmentId: 'H0012345678901234', unit: 'GJ', valve: 'connected' },
    ],
    ...over,
  });
}

/** A simulated meter: `telegram(ms)` for a non-decreasing clock. */
export function simulatedMeter(seed = 7, pvPeakW = 4_000, config: PortConfig = portConfig()) {
  const model = createMeterModel({ seed, pvPeakW });
  return {
    config,
    telegram: (ms: number): Telegram => model.telegram(config, new Date(ms)),
    reading: (ms: number): ReadingRecord => ({
      receivedAt: ms,
      encrypted: true,
      frame: null,
      telegram: model.telegram(config, new Date(ms)),
    }),
  };
}

/** The encrypted wire bytes a Smarty sends for `telegram`. */
export function encryptedFrame(telegram: Telegram, frameCounter: number, config: PortConfig = portConfig()): Uint8Array {
  const plaintext = asciiToBytes(encodeTelegram(telegram, { fields: config.fields }));
  return encryptFrame({ key: hexToBytes(config.key), systemTitle: hexToBytes(config.systemTitle), frameCounter, plaintext });
}
