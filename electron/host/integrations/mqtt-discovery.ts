/**
 * Home Assistant MQTT discovery (https://www.home-assistant.io/integrations/mqtt/#mqtt-discovery):
 * one retained `<prefix>/sensor/<unique_id>/config` per field, one device per meter and one per
 * M-Bus device (linked to its meter by `via_device`). Device class, state class and unit are the
 * ones the Energy dashboard takes without configuration: import/export energy (energy, Wh,
 * total_increasing), power (power, W, measurement), gas and water (m³, total_increasing). The
 * breaker, relays and valves are enum sensors with their options. Fields without an entry here
 * (version, peak histories, …) are published on their topics but get no entity.
 */
import { CONTROL_STATES } from '../../../protocol/index.ts';
import type { FieldValue } from './mqtt-fields.ts';

export interface EntitySpec {
  name: string;
  device_class?: string;
  state_class?: 'measurement' | 'total_increasing';
  unit_of_measurement?: string;
  options?: readonly string[];
  entity_category?: 'diagnostic';
  value_template?: string;
}

const energy = (name: string): EntitySpec => ({ name, device_class: 'energy', state_class: 'total_increasing', unit_of_measurement: 'Wh' });
const measured = (name: string, device_class: string, unit: string): EntitySpec => ({
  name,
  device_class,
  state_class: 'measurement',
  unit_of_measurement: unit,
});
const count = (name: string): EntitySpec => ({ name, state_class: 'total_increasing', entity_category: 'diagnostic' });
const control = (name: string): EntitySpec => ({ name, device_class: 'enum', options: CONTROL_STATES });
const text = (name: string): EntitySpec => ({ name, value_template: '{{ value[:255] }}' }); // a state holds 255 characters

const DIRECTION: Record<string, string> = { import: 'Import', export: 'Export' };
const PHASE_QUANTITY: Record<string, (p: string) => EntitySpec> = {
  voltageV: (p) => measured(`Voltage ${p}`, 'voltage', 'V'),
  currentA: (p) => measured(`Current ${p}`, 'current', 'A'),
  importPowerW: (p) => measured(`Import power ${p}`, 'power', 'W'),
  exportPowerW: (p) => measured(`Export power ${p}`, 'power', 'W'),
  importReactivePowerVar: (p) => measured(`Import reactive power ${p}`, 'reactive_power', 'var'),
  exportReactivePowerVar: (p) => measured(`Export reactive power ${p}`, 'reactive_power', 'var'),
};

/** Units as Home Assistant writes them, from the units meters send. */
const HA_UNIT: Record<string, string> = { m3: 'm³', kwh: 'kWh', mwh: 'MWh', gj: 'GJ', wh: 'Wh' };

/** The entity of an M-Bus value: the Energy dashboard's gas and water, heat as energy. */
function mbusValue(kind: string, unit: string | null | undefined): EntitySpec | null {
  const u = unit ? (HA_UNIT[unit.toLowerCase()] ?? unit) : undefined;
  if (kind === 'gas') return { name: 'Gas', device_class: 'gas', state_class: 'total_increasing', unit_of_measurement: u ?? 'm³' };
  if (kind === 'water') return { name: 'Water', device_class: 'water', state_class: 'total_increasing', unit_of_measurement: u ?? 'm³' };
  if (kind === 'heat' && u && ['kWh', 'MWh', 'GJ', 'Wh'].includes(u))
    return { name: 'Heat', device_class: 'energy', state_class: 'total_increasing', unit_of_measurement: u };
  return u ? { name: 'Reading', state_class: 'total_increasing', unit_of_measurement: u } : null;
}

/** The entity for one field, or null when it gets none. `mbus` gives the M-Bus device's kind and unit. */
export function entityFor(field: FieldValue, mbus?: { kind: string; unit?: string | null }): EntitySpec | null {
  const p = field.path.split('/');
  if (p[0] === 'mbus') {
    if (p[2] === 'value') return mbusValue(mbus?.kind ?? 'unknown', mbus?.unit);
    if (p[2] === 'valve') return control('Valve');
    if (p[2] === 'capturedAt') return { name: 'Captured at', device_class: 'timestamp', entity_category: 'diagnostic' };
    return null;
  }
  if (p[0] === 'timestamp') return { name: 'Meter time', device_class: 'timestamp', entity_category: 'diagnostic' };
  if (p[0] === 'message') return text('Message');
  if (p[0] === 'channelMessages' && p[1]) return text(`Message channel ${p[1]}`);
  if (p[0] !== 'electricity') return null;
  const [, a = '', b = '', c = ''] = p;
  // 'Import' / 'Export' when `name` is `import<suffix>` / `export<suffix>`.
  const dir = (name: string, suffix: string): string | undefined => DIRECTION[name.endsWith(suffix) ? name.slice(0, -suffix.length) : ''];
  const tariff = a === 'tariffRegistersWh' ? /^(import|export)([12])$/.exec(b) : null;
  if (dir(a, 'EnergyWh')) return energy(`${dir(a, 'EnergyWh')} energy`);
  if (tariff) return energy(`${DIRECTION[tariff[1]!]} energy tariff ${tariff[2]}`);
  if (dir(a, 'ReactiveVarh'))
    return {
      name: `${dir(a, 'ReactiveVarh')} reactive energy`,
      device_class: 'reactive_energy',
      state_class: 'total_increasing',
      unit_of_measurement: 'varh',
    };
  if (dir(a, 'PowerW')) return measured(`${dir(a, 'PowerW')} power`, 'power', 'W');
  if (dir(a, 'ReactivePowerVar')) return measured(`${dir(a, 'ReactivePowerVar')} reactive power`, 'reactive_power', 'var');
  if (dir(a, 'ApparentPowerVa')) return measured(`${dir(a, 'ApparentPowerVa')} apparent power`, 'apparent_power', 'VA');
  if (a === 'phases' && PHASE_QUANTITY[c]) return PHASE_QUANTITY[c](b.toUpperCase());
  if (a === 'powerLimitKva') return { name: 'Power limit', device_class: 'apparent_power', unit_of_measurement: 'kVA' };
  if (a === 'breaker') return control('Breaker');
  if (a === 'relays' && (b === 'relay1' || b === 'relay2')) return control(`Relay ${b.slice(-1)}`);
  if (a === 'powerFailures') return count('Power failures');
  if (a === 'longPowerFailures') return count('Long power failures');
  if ((a === 'voltageSags' || a === 'voltageSwells') && b)
    return count(`Voltage ${a === 'voltageSags' ? 'sags' : 'swells'} ${b.toUpperCase()}`);
  if (a === 'quarterDemandW') return measured('Quarter-hour demand', 'power', 'W');
  if (a === 'monthPeak' && b === 'demandW') return { name: 'Month peak', device_class: 'power', unit_of_measurement: 'W' };
  if (a === 'fuseLimitA') return { name: 'Fuse limit', device_class: 'current', unit_of_measurement: 'A' };
  return null;
}

export interface DiscoveryContext {
  prefix: string; // 'homeassistant'
  base: string; // our base topic, e.g. 'luxp1'
  meter: string; // meter slug
  header: string; // the telegram's identification line: the model
  version: string; // LuxP1's version, for `origin` ('' when unknown)
}

/** `<prefix>/sensor/<uid>/config` and its payload for one field, or null when the field gets no entity. */
export function discoveryFor(
  field: FieldValue,
  ctx: DiscoveryContext,
  mbus?: { kind: string; unit?: string | null; equipmentId?: string | null },
): { uid: string; topic: string; config: Record<string, unknown> } | null {
  const spec = entityFor(field, mbus);
  if (!spec) return null;
  const uid = `luxp1_${ctx.meter}_${field.path.replace(/\//g, '_')}`;
  const meterDevice = `luxp1_${ctx.meter}`;
  const device =
    field.mbusChannel === undefined
      ? {
          identifiers: [meterDevice],
          name: `Smarty ${ctx.meter}`,
          manufacturer: 'Smart meter (P1)',
          model: ctx.header,
          serial_number: ctx.meter,
        }
      : {
          identifiers: [`${meterDevice}_mbus${field.mbusChannel}`],
          name: `${mbusName(mbus?.kind)} ${ctx.meter} channel ${field.mbusChannel}`,
          model: `M-Bus ${mbus?.kind ?? 'device'}`,
          ...(mbus?.equipmentId ? { serial_number: mbus.equipmentId } : {}),
          via_device: meterDevice,
        };
  const config: Record<string, unknown> = {
    ...spec,
    unique_id: uid,
    default_entity_id: `sensor.${uid}`,
    state_topic: `${ctx.base}/${ctx.meter}/${field.path}`,
    availability_topic: `${ctx.base}/status`,
    payload_available: 'online',
    payload_not_available: 'offline',
    device,
    origin: { name: 'LuxP1', ...(ctx.version ? { sw_version: ctx.version } : {}) },
  };
  return { uid, topic: `${ctx.prefix}/sensor/${uid}/config`, config };
}

function mbusName(kind: string | undefined): string {
  return kind === 'gas' ? 'Gas meter' : kind === 'water' ? 'Water meter' : kind === 'heat' ? 'Heat meter' : 'M-Bus device';
}
