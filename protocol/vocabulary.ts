/**
 * The meter's vocabulary: the words and limits of the Smarty customer port that every layer speaks
 * (the parser and encoder here, the host, the renderer, the central system and its simulator).
 * Each has this one home; everything else imports it.
 *
 * LUX = Luxmetering E-Meter P1 Specification v1.1.3; DSMR5 = P1 Companion Standard 5.0.2.
 */

/** Class-70 disconnect-control states in wire order (IEC 62056-6-2): 0, 1, 2 on the wire. */
export const CONTROL_STATES = ['disconnected', 'connected', 'ready'] as const;
export type ControlState = (typeof CONTROL_STATES)[number];

/**
 * The five text-message channels: '0' is 0-0:96.13.0 (the DSMR message), '2'..'5' are LUX's
 * 0-0:96.13.2..5. There is no channel 1 (0-0:96.13.1 is the Belgian/Dutch message code).
 */
export const MESSAGE_CHANNELS = ['0', '2', '3', '4', '5'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** DSMR5 §6.5: a text message is an octet string of at most 1024 bytes (UTF-8: é, ü, ë take two). */
export const MESSAGE_MAX_BYTES = 1024;

/** 0-0:17.0.0 is F4(1,1) in kVA: at most 999.9, one decimal on the wire. */
export const POWER_LIMIT_MAX_KVA = 999.9;

/** The M-Bus channels a Smarty has: 0-1 .. 0-4. */
export const MBUS_CHANNELS = [1, 2, 3, 4] as const;

/** EN 13757-3 device types, reduced to what a household shows. */
export type MbusKind = 'gas' | 'water' | 'heat' | 'cooling' | 'hotWater' | 'electricity' | 'unknown';

/** The media a grid operator attaches to a Smarty (the central system's choice). */
export const MBUS_MEDIA = ['gas', 'water', 'heat'] as const;
export type MbusMedium = (typeof MBUS_MEDIA)[number];

/** Each known kind's EN 13757-3 device type (the one a meter sends) and the unit it reports in. */
export const MBUS_DEVICE_TYPES: Readonly<Record<Exclude<MbusKind, 'unknown'>, { deviceType: number; unit: string }>> = {
  gas: { deviceType: 3, unit: 'm3' },
  water: { deviceType: 7, unit: 'm3' },
  heat: { deviceType: 4, unit: 'GJ' },
  hotWater: { deviceType: 6, unit: 'm3' },
  cooling: { deviceType: 10, unit: 'GJ' },
  electricity: { deviceType: 2, unit: 'kWh' },
};

/** EN 13757-3 device type → what a household calls it; other codes of the same medium map too. */
export function mbusKind(deviceType: number): MbusKind {
  switch (deviceType) {
    case 3:
      return 'gas';
    case 7:
      return 'water';
    case 4:
    case 0x0c:
    case 0x0d:
      return 'heat'; // 0x0D heat/cooling meters are read as heat
    case 0x0a:
    case 0x0b:
      return 'cooling';
    case 6:
      return 'hotWater';
    case 2:
      return 'electricity';
    default:
      return 'unknown';
  }
}

/**
 * The authentication key Luxembourg publishes for every meter (LUX §3.4.1): part of the AAD, never a
 * meter's secret key. A user who types it as the meter key has the wrong number.
 */
export const PUBLISHED_AUTH_KEY_HEX = '00112233445566778899AABBCCDDEEFF';
