/**
 * The OBIS catalogue: every object LuxP1 reads or writes, in the order of the Luxembourg readout
 * list (LUX App. A), which is also the order the encoder writes them in. M-Bus objects are expanded
 * per channel 0-1..0-4. Dutch DSMR 5 objects the vectors carry are included with scope 'nl'; they
 * are never part of a Luxembourg preset.
 */

export type FieldGroup = 'meta' | 'energy' | 'power' | 'limits' | 'control' | 'quality' | 'messages' | 'phases' | 'mbus';

/** How a value is written on the wire; decides parsing, formatting and unit checks. */
export type FieldKind =
  | 'version' // S2, kept as sent
  | 'tst' // YYMMDDhhmmssX
  | 'text' // hex octet-string → text
  | 'raw' // string kept as sent (Dutch tariff indicator)
  | 'energy' // F9(3,3) k-unit → integer base unit
  | 'power' // F5(3,3) k-unit → integer base unit
  | 'voltage' // F4(1,1) V
  | 'current' // F3(0,0) A
  | 'kva' // F4(1,1) kVA, kept in kVA
  | 'count' // F5(0,0), no unit
  | 'limits' // (F3 A)(F3 A), signed
  | 'control' // I1 class-70 state
  | 'mbusType' // F3(0,0) device type
  | 'mbusId' // hex equipment id, empty → null
  | 'mbusValue' // (TST)(value*unit)
  | 'mbusLegacy' // DSMR 2.2/3.0 gas: (YYMMDDhhmmss)(00)(60)(1)(0-n:24.2.1)(unit)(value), read only
  | 'peak' // (TST)(F5(3,3) kW): e-MUCS month peak
  | 'peakHistory' // (n)(1-0:1.6.0)(1-0:1.6.0) then n × (month TST)(peak TST)(kW): e-MUCS
  | 'failureLog'; // (n)(0-0:96.7.19) then n × (end TST)(seconds*s): DSMR power-failure log

export interface ObisField {
  readonly obis: string;
  /** Dotted path into Telegram, e.g. 'electricity.importEnergyWh'; M-Bus: 'mbus.<channel>.<property>'. */
  readonly key: string;
  readonly label: string;
  readonly group: FieldGroup;
  /**
   * 'lux': in the Luxembourg list; 'nl': Dutch DSMR 4/5; 'be': Belgian e-MUCS (Fluvius); 'at':
   * Austrian meters. Only 'lux' objects are part of a Luxembourg preset; all are read.
   */
  readonly scope: 'lux' | 'nl' | 'be' | 'at';
}

/** Catalogue entry with what the codec needs. */
export interface FieldDef extends ObisField {
  readonly kind: FieldKind;
  /** Base unit for 'energy'/'power' (the value is in this unit; the wire may say k<unit>). */
  readonly unit?: string;
  readonly path: readonly string[];
  readonly channel?: number;
  /** Position in FIELD_DEFS (aliases share it): the parser's per-telegram bookkeeping is an array. */
  readonly index: number;
}

type Row = [obis: string, key: string, label: string, group: FieldGroup, kind: FieldKind, unit?: string];

const E = 'electricity.';
const LUX: Row[] = [
  ['1-3:0.2.8', 'version', 'P1 version', 'meta', 'version'],
  ['0-0:1.0.0', 'timestamp', 'Meter time', 'meta', 'tst'],
  ['0-0:42.0.0', E + 'meterId', 'Meter id', 'meta', 'text'],
  ['1-0:1.8.0', E + 'importEnergyWh', 'Energy imported (A+)', 'energy', 'energy', 'Wh'],
  ['1-0:2.8.0', E + 'exportEnergyWh', 'Energy exported (A−)', 'energy', 'energy', 'Wh'],
  ['1-0:3.8.0', E + 'importReactiveVarh', 'Reactive energy imported (R+)', 'energy', 'energy', 'varh'],
  ['1-0:4.8.0', E + 'exportReactiveVarh', 'Reactive energy exported (R−)', 'energy', 'energy', 'varh'],
  ['1-0:1.8.1', E + 'tariffRegistersWh.import1', 'Energy imported, tariff 1', 'energy', 'energy', 'Wh'],
  ['1-0:1.8.2', E + 'tariffRegistersWh.import2', 'Energy imported, tariff 2', 'energy', 'energy', 'Wh'],
  ['1-0:2.8.1', E + 'tariffRegistersWh.export1', 'Energy exported, tariff 1', 'energy', 'energy', 'Wh'],
  ['1-0:2.8.2', E + 'tariffRegistersWh.export2', 'Energy exported, tariff 2', 'energy', 'energy', 'Wh'],
  ['1-0:3.8.1', E + 'tariffRegistersVarh.import1', 'Reactive energy imported, tariff 1', 'energy', 'energy', 'varh'],
  ['1-0:3.8.2', E + 'tariffRegistersVarh.import2', 'Reactive energy imported, tariff 2', 'energy', 'energy', 'varh'],
  ['1-0:4.8.1', E + 'tariffRegistersVarh.export1', 'Reactive energy exported, tariff 1', 'energy', 'energy', 'varh'],
  ['1-0:4.8.2', E + 'tariffRegistersVarh.export2', 'Reactive energy exported, tariff 2', 'energy', 'energy', 'varh'],
  ['0-0:96.14.0', E + 'tariff', 'Tariff indicator', 'meta', 'raw'],
  ['0-0:96.1.4', 'interfaceVersion', 'P1 interface version (e-MUCS)', 'meta', 'version'],
  ['1-0:1.4.0', E + 'quarterDemandW', 'Demand, current quarter hour', 'power', 'power', 'W'],
  ['1-0:1.6.0', E + 'monthPeak', 'Peak demand this month', 'power', 'peak'],
  ['0-0:98.1.0', E + 'peakHistory', 'Monthly peak demand, last 13 months', 'power', 'peakHistory'],
  ['1-0:1.7.0', E + 'importPowerW', 'Power imported (P+)', 'power', 'power', 'W'],
  ['1-0:2.7.0', E + 'exportPowerW', 'Power exported (P−)', 'power', 'power', 'W'],
  ['1-0:3.7.0', E + 'importReactivePowerVar', 'Reactive power imported (Q+)', 'power', 'power', 'var'],
  ['1-0:4.7.0', E + 'exportReactivePowerVar', 'Reactive power exported (Q−)', 'power', 'power', 'var'],
  ['0-0:17.0.0', E + 'powerLimitKva', 'Power limit', 'limits', 'kva'],
  ['1-0:9.7.0', E + 'importApparentPowerVa', 'Apparent power imported (S+)', 'power', 'power', 'VA'],
  ['1-0:10.7.0', E + 'exportApparentPowerVa', 'Apparent power exported (S−)', 'power', 'power', 'VA'],
  ['1-1:31.4.0', E + 'currentLimitsA', 'Current limits', 'limits', 'limits'],
  ['1-0:31.4.0', E + 'fuseLimitA', 'Fuse limit', 'limits', 'current'],
  ['0-0:96.3.10', E + 'breaker', 'Breaker', 'control', 'control'],
  ['0-1:96.3.10', E + 'relays.relay1', 'Relay 1', 'control', 'control'],
  ['0-2:96.3.10', E + 'relays.relay2', 'Relay 2', 'control', 'control'],
  ['0-0:96.7.21', E + 'powerFailures', 'Power failures', 'quality', 'count'],
  ['0-0:96.7.9', E + 'longPowerFailures', 'Long power failures', 'quality', 'count'],
  ['1-0:99.97.0', E + 'powerFailureLog', 'Long power failure log', 'quality', 'failureLog'],
  ['1-0:32.32.0', E + 'voltageSags.l1', 'Voltage sags L1', 'quality', 'count'],
  ['1-0:52.32.0', E + 'voltageSags.l2', 'Voltage sags L2', 'quality', 'count'],
  ['1-0:72.32.0', E + 'voltageSags.l3', 'Voltage sags L3', 'quality', 'count'],
  ['1-0:32.36.0', E + 'voltageSwells.l1', 'Voltage swells L1', 'quality', 'count'],
  ['1-0:52.36.0', E + 'voltageSwells.l2', 'Voltage swells L2', 'quality', 'count'],
  ['1-0:72.36.0', E + 'voltageSwells.l3', 'Voltage swells L3', 'quality', 'count'],
  ['0-0:96.13.0', 'message', 'Message', 'messages', 'text'],
  ['0-0:96.13.1', 'messageCode', 'Message code', 'messages', 'text'],
  ['0-0:96.13.2', 'channelMessages.2', 'Message, channel 2', 'messages', 'text'],
  ['0-0:96.13.3', 'channelMessages.3', 'Message, channel 3', 'messages', 'text'],
  ['0-0:96.13.4', 'channelMessages.4', 'Message, channel 4', 'messages', 'text'],
  ['0-0:96.13.5', 'channelMessages.5', 'Message, channel 5', 'messages', 'text'],
];

const SCOPE = new Map<string, ObisField['scope']>([
  ...['1-0:1.8.1', '1-0:1.8.2', '1-0:2.8.1', '1-0:2.8.2', '0-0:96.14.0', '0-0:96.7.9', '1-0:99.97.0', '0-0:96.13.1'].map(
    (o) => [o, 'nl'] as const,
  ),
  ...['0-0:96.1.4', '1-0:1.4.0', '1-0:1.6.0', '0-0:98.1.0', '1-0:31.4.0'].map((o) => [o, 'be'] as const),
  ...['1-0:3.8.1', '1-0:3.8.2', '1-0:4.8.1', '1-0:4.8.2'].map((o) => [o, 'at'] as const),
]);

/** Per-phase objects: C of the OBIS code for L1 (L2 = +20, L3 = +40). */
const PHASE: [c: number, d: number, prop: string, label: string, kind: FieldKind, unit?: string][] = [
  [32, 7, 'voltageV', 'Voltage', 'voltage'],
  [31, 7, 'currentA', 'Current', 'current'],
  [21, 7, 'importPowerW', 'Power imported', 'power', 'W'],
  [22, 7, 'exportPowerW', 'Power exported', 'power', 'W'],
  [23, 7, 'importReactivePowerVar', 'Reactive power imported', 'power', 'var'],
  [24, 7, 'exportReactivePowerVar', 'Reactive power exported', 'power', 'var'],
];

const MBUS: [cd: string, prop: string, label: string, kind: FieldKind][] = [
  ['24.1.0', 'deviceType', 'device type', 'mbusType'],
  ['96.1.0', 'equipmentId', 'equipment id', 'mbusId'],
  ['24.2.1', 'value', 'reading', 'mbusValue'],
  ['24.4.0', 'valve', 'valve', 'control'],
];

function def(row: Row, channel?: number): Omit<FieldDef, 'index'> {
  const [obis, key, label, group, kind, unit] = row;
  return {
    obis,
    key,
    label,
    group,
    kind,
    scope: SCOPE.get(obis) ?? 'lux',
    path: key.split('.'),
    ...(unit ? { unit } : {}),
    ...(channel ? { channel } : {}),
  };
}

function build(): FieldDef[] {
  const out: Omit<FieldDef, 'index'>[] = LUX.map((r) => def(r));
  for (const [c, d, prop, label, kind, unit] of PHASE) {
    for (let p = 1; p <= 3; p++) {
      out.push(def([`1-0:${c + (p - 1) * 20}.${d}.0`, `${E}phases.l${p}.${prop}`, `${label} L${p}`, 'phases', kind, unit]));
    }
  }
  for (let n = 1; n <= 4; n++) {
    for (const [cd, prop, label, kind] of MBUS) {
      out.push(def([`0-${n}:${cd}`, `mbus.${n}.${prop}`, `M-Bus ${n} ${label}`, 'mbus', kind], n));
    }
  }
  return out.map((f, index) => ({ ...f, index }));
}

/** Every catalogued object, in the order the encoder writes them. */
export const FIELD_DEFS: readonly FieldDef[] = build();

/** The public view of the catalogue (same objects, codec details hidden by the type). */
export const OBIS_FIELDS: readonly ObisField[] = FIELD_DEFS;

/**
 * OBIS → definition, with the aliases other countries use for the same value (read, never
 * written): the Dutch meter id 0-0:96.1.1; e-MUCS M-Bus ids 0-n:96.1.1 and readings 0-n:24.2.3
 * (not temperature-corrected); the DSMR 2.2/3.0 gas reading 0-n:24.3.0.
 */
export const FIELD_BY_OBIS: ReadonlyMap<string, FieldDef> = (() => {
  const m = new Map<string, FieldDef>(FIELD_DEFS.map((f) => [f.obis, f]));
  m.set('0-0:96.1.1', m.get('0-0:42.0.0')!);
  for (let n = 1; n <= 4; n++) {
    m.set(`0-${n}:96.1.1`, m.get(`0-${n}:96.1.0`)!);
    m.set(`0-${n}:24.2.3`, m.get(`0-${n}:24.2.1`)!);
    m.set(`0-${n}:24.3.0`, { ...m.get(`0-${n}:24.2.1`)!, obis: `0-${n}:24.3.0`, kind: 'mbusLegacy' });
  }
  return m;
})();

/** Objects a meter always sends whatever its configured list says (LUX §3.2.4; central-mock API). */
export const ALWAYS_SENT: readonly string[] = ['1-3:0.2.8', '0-0:1.0.0', '0-0:42.0.0'];

const BASIC = new Set([
  '1-3:0.2.8',
  '0-0:1.0.0',
  '0-0:42.0.0',
  '1-0:1.8.0',
  '1-0:2.8.0',
  '1-0:3.8.0',
  '1-0:4.8.0',
  '1-0:1.7.0',
  '1-0:2.7.0',
  '1-0:3.7.0',
  '1-0:4.7.0',
  '0-0:17.0.0',
  '0-0:96.3.10',
  '0-0:96.7.21',
  '1-0:32.32.0',
  '1-0:52.32.0',
  '1-0:72.32.0',
  '1-0:32.36.0',
  '1-0:52.36.0',
  '1-0:72.36.0',
  '0-0:96.13.0',
  '0-0:96.13.2',
  '0-0:96.13.3',
  '0-0:96.13.4',
  '0-0:96.13.5',
  '1-0:31.7.0',
  '1-0:51.7.0',
  '1-0:71.7.0',
]);

/** The factory ("basic") readout list: electricity only, as a 2018 meter sent it (smarty-p1.md §4.1). */
export const PRESET_BASIC: readonly string[] = FIELD_DEFS.filter((f) => BASIC.has(f.obis)).map((f) => f.obis);

/** The complete Luxembourg list, M-Bus channels 1–4 included. */
export const PRESET_FULL: readonly string[] = FIELD_DEFS.filter((f) => f.scope === 'lux').map((f) => f.obis);

/** True when `obis` is a catalogued object (a valid entry of a field list). */
export function isKnownField(obis: string): boolean {
  return KNOWN.has(obis);
}

const KNOWN = new Set(FIELD_DEFS.map((f) => f.obis));
