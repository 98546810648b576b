/**
 * What a meter holds for its customer port, as the central pushes it (`GET /api/meters/:id/port`,
 * central-mock/API.md), checked field by field: JSON from the network never throws here, a bad
 * answer is an error value, and the simulator then keeps its last good config like a real meter.
 */
import { CONTROL_STATES, MBUS_DEVICE_TYPES } from '../../protocol/index.ts';
import type { ControlState, MbusKind } from '../../protocol/types.ts';

export interface PortMbusDevice {
  channel: number; // 1..4
  kind: MbusKind;
  deviceType: number; // EN 13757-3: 3 gas, 7 water, 4 heat
  equipmentId: string; // '' when unknown
  unit: string; // m3, GJ, kWh
  valve?: ControlState;
}

export interface PortConfig {
  meterId: string;
  systemTitle: string; // 16 hex digits
  key: string; // 32 hex digits
  keyVersion: number;
  encryption: boolean;
  fields: string[];
  powerLimitKva: number;
  breaker: ControlState;
  relays: { relay1: ControlState; relay2: ControlState };
  messages: { '0': string; '2': string; '3': string; '4': string; '5': string };
  mbus: PortMbusDevice[];
  frameCounter: number | null; // the counter the central last heard of, to continue from; null if none
}

export type PortConfigResult = { ok: true; value: PortConfig } | { ok: false; error: { code: 'BAD_PORT_CONFIG'; message: string } };

const STATES: readonly ControlState[] = CONTROL_STATES;
const DEVICE_TYPES: Record<string, number> = Object.fromEntries(Object.entries(MBUS_DEVICE_TYPES).map(([k, v]) => [k, v.deviceType]));
const DEFAULT_UNITS: Record<string, string> = Object.fromEntries(Object.entries(MBUS_DEVICE_TYPES).map(([k, v]) => [k, v.unit]));

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isState = (v: unknown): v is ControlState => typeof v === 'string' && (STATES as readonly string[]).includes(v);
const isCounter = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 0xffffffff;
const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);
const state = (v: unknown, fallback: ControlState): ControlState => (isState(v) ? v : fallback);

function parseMbus(v: unknown): PortMbusDevice[] {
  if (!Array.isArray(v)) return [];
  const out: PortMbusDevice[] = [];
  for (const d of v) {
    if (!isObj(d) || !Number.isInteger(d.channel) || (d.channel as number) < 1 || (d.channel as number) > 4) continue;
    const kind = (typeof d.kind === 'string' && d.kind in DEVICE_TYPES ? d.kind : 'unknown') as MbusKind;
    const device: PortMbusDevice = {
      channel: d.channel as number,
      kind,
      deviceType: Number.isInteger(d.deviceType) ? (d.deviceType as number) : (DEVICE_TYPES[kind] ?? 0),
      equipmentId: str(d.equipmentId, ''),
      unit: str(d.unit, DEFAULT_UNITS[kind] ?? 'm3'),
    };
    if (isState(d.valve)) device.valve = d.valve;
    out.push(device);
  }
  return out.sort((a, b) => a.channel - b.channel);
}

/** Checks a `/port` answer; the identity, key and field list are required, the rest has meter defaults. */
export function parsePortConfig(json: unknown): PortConfigResult {
  const bad = (message: string): PortConfigResult => ({
    ok: false,
    error: { code: 'BAD_PORT_CONFIG', message: `port config: ${message}` },
  });
  if (!isObj(json)) return bad('expected a JSON object');
  const { meterId, systemTitle, key, keyVersion, encryption, fields } = json;
  if (typeof meterId !== 'string' || meterId.length === 0) return bad('expected meterId');
  if (typeof systemTitle !== 'string' || !/^[0-9A-Fa-f]{16}$/.test(systemTitle)) return bad('expected systemTitle as 16 hex digits');
  if (typeof key !== 'string' || !/^[0-9A-Fa-f]{32}$/.test(key)) return bad('expected key as 32 hex digits'); // never echo the value
  if (!Number.isInteger(keyVersion)) return bad('expected keyVersion as an integer');
  if (typeof encryption !== 'boolean') return bad('expected encryption as a boolean');
  if (!Array.isArray(fields) || !fields.every((f) => typeof f === 'string')) return bad('expected fields as a list of OBIS codes');
  const relays = isObj(json.relays) ? json.relays : {};
  const messages = isObj(json.messages) ? json.messages : {};
  const limit = json.powerLimitKva;
  return {
    ok: true,
    value: {
      meterId,
      systemTitle: systemTitle.toUpperCase(),
      key: key.toUpperCase(),
      keyVersion: keyVersion as number,
      encryption,
      fields: fields as string[],
      powerLimitKva: typeof limit === 'number' && limit > 0 && limit < 1000 ? limit : 27.6,
      breaker: state(json.breaker, 'connected'),
      relays: { relay1: state(relays.relay1, 'disconnected'), relay2: state(relays.relay2, 'disconnected') },
      messages: {
        '0': str(messages['0'], ''),
        '2': str(messages['2'], ''),
        '3': str(messages['3'], ''),
        '4': str(messages['4'], ''),
        '5': str(messages['5'], ''),
      },
      mbus: parseMbus(json.mbus),
      frameCounter: isCounter(json.frameCounter) ? json.frameCounter : null,
    },
  };
}
