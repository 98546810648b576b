/**
 * encodeTelegram: a Telegram → the DSMR text a Smarty would push, in the formats of LUX App. A
 * (F9(3,3) `000273.764*kWh`, F5(3,3) `00.897*kW`, F4(1,1) `231.0*V`, F3(0,0) `001*A`, `027.6*kVA`,
 * M-Bus `(260403174542S)(14239.771*m3)`), objects in catalogue order, CRLF lines, `!XXXX` CRC.
 * The meter simulator builds its frames with it; the parser's tests use it for round trips.
 */
import type { ControlState, MonthPeak, PeakDemand, PowerFailure, Telegram } from '../types.ts';
import { crc16Text, formatCrc } from './crc16.ts';
import { ALWAYS_SENT, FIELD_DEFS } from './obis.ts';
import type { FieldDef } from './obis.ts';
import { readField } from './fields.ts';
import type { MbusReading } from './fields.ts';
import { formatControl, formatDecimal, formatKilo } from './values.ts';
import { formatTimestamp, PLACEHOLDER_TST } from './time.ts';
import { encodeText } from './text.ts';

export interface EncodeOptions {
  /** OBIS codes to push (the meter's capture objects); version, time and meter id always go. Default: all present. */
  readonly fields?: readonly string[];
  /** Identification line, e.g. '/Lux5\\253663629_D'; default `t.header`. */
  readonly header?: string;
}

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The `(…)` part of the line for `f` with value `v`; undefined when `v` is not a valid value for it. */
function encodeValue(f: FieldDef, v: unknown): string | undefined {
  switch (f.kind) {
    case 'version':
    case 'raw':
      return typeof v === 'string' ? `(${v})` : undefined;
    case 'tst':
      return typeof v === 'string' || v === null ? `(${formatTimestamp(v)})` : undefined;
    case 'text':
      return typeof v === 'string' ? `(${encodeText(v)})` : undefined;
    case 'energy':
      return num(v) ? `(${formatKilo(v, 6)}*k${f.unit})` : undefined;
    case 'power':
      return num(v) ? `(${formatKilo(v, 2)}*k${f.unit})` : undefined;
    case 'voltage':
      return num(v) ? `(${formatDecimal(v, 3, 1)}*V)` : undefined;
    case 'current':
      return num(v) ? `(${formatDecimal(v, 3, 0)}*A)` : undefined;
    case 'kva':
      return num(v) ? `(${formatDecimal(v, 3, 1)}*kVA)` : undefined;
    case 'count':
      return num(v) ? `(${formatDecimal(v, 5, 0)})` : undefined;
    case 'mbusType':
      return num(v) ? `(${formatDecimal(v, 3, 0)})` : undefined;
    case 'control':
      return typeof v === 'string' ? `(${formatControl(v as ControlState)})` : undefined;
    case 'limits': {
      const l = v as { import?: unknown; export?: unknown } | null;
      return l && num(l.import) && num(l.export) ? `(${formatDecimal(l.import, 3, 0)}*A)(${formatDecimal(l.export, 3, 0)}*A)` : undefined;
    }
    case 'mbusId':
      return v === null ? '()' : typeof v === 'string' ? `(${encodeText(v)})` : undefined;
    case 'peak': {
      const p = v as PeakDemand | null;
      return p && num(p.demandW) ? `(${formatTimestamp(p.at)})(${formatKilo(p.demandW, 2)}*kW)` : undefined;
    }
    case 'peakHistory': {
      if (!Array.isArray(v)) return undefined;
      const entries = (v as MonthPeak[]).filter((p) => num(p.demandW));
      const body = entries.map((p) => `(${formatTimestamp(p.month)})(${formatTimestamp(p.at)})(${formatKilo(p.demandW, 2)}*kW)`);
      return `(${entries.length})(1-0:1.6.0)(1-0:1.6.0)${body.join('')}`;
    }
    case 'failureLog': {
      if (!Array.isArray(v)) return undefined;
      const entries = (v as PowerFailure[]).filter((p) => num(p.durationS) && p.durationS >= 0);
      const body = entries.map((p) => `(${formatTimestamp(p.endedAt)})(${formatDecimal(Math.round(p.durationS), 10, 0)}*s)`);
      return `(${entries.length})(0-0:96.7.19)${body.join('')}`;
    }
    case 'mbusLegacy':
      return undefined; // read only: the encoder writes 0-n:24.2.1
    case 'mbusValue': {
      const r = v as MbusReading;
      if (r.capturedAt === null || !num(r.value)) return `(${PLACEHOLDER_TST})(00000.000)`;
      return `(${formatTimestamp(r.capturedAt)})(${formatDecimal(r.value, 5, 3)}${r.unit ? '*' + r.unit : ''})`;
    }
  }
}

/**
 * Builds the telegram text for `t`: header, blank line, the selected objects, `!CRC` and CRLF.
 * With `fields`, only those objects (plus version, time and meter id) are written, and an object
 * with no value in `t` is skipped (an M-Bus reading that is null is written as the placeholder);
 * without `fields`, every object present in `t` is written, its unknown lines last.
 * @example encodeTelegram(t, { fields: PRESET_BASIC })
 */
export function encodeTelegram(t: Telegram, opts: EncodeOptions = {}): string {
  const selected = opts.fields ? new Set<string>([...ALWAYS_SENT, ...opts.fields]) : null;
  let header = (opts.header ?? t.header).replace(/[\r\n]/g, '');
  if (!header.startsWith('/')) header = '/' + header;
  let out = header + '\r\n\r\n';
  for (const f of FIELD_DEFS) {
    if (selected && !selected.has(f.obis)) continue;
    const v = readField(t, f);
    if (v === undefined) continue;
    const s = encodeValue(f, v);
    if (s !== undefined) out += f.obis + s + '\r\n';
  }
  if (!selected) for (const u of t.unknown) if (!/[\r\n]/.test(u.line)) out += u.line + '\r\n';
  out += '!';
  return out + formatCrc(crc16Text(out)) + '\r\n';
}
