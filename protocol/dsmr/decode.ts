/**
 * Value decoding for one catalogued data line, by the object's FieldKind. Returns BAD when the
 * value does not fit the object's format or carries a unit that contradicts it (V on an energy
 * register): the parser then files the line as 'bad-value' and the field stays absent, so a
 * reading is either right or missing, never wrong. Missing units are accepted (2018 firmware sent
 * `(00.000)` and `(77.376)`, smarty-p1.md P7).
 */
import type { FieldDef } from './obis.ts';
import type { MbusReading } from './fields.ts';
import type { MonthPeak, PeakDemand, PowerFailure } from '../types.ts';
import { parseControl, parseDecimal, parseInteger, parseScaled } from './values.ts';
import { parseLocalTimestamp, parseTimestamp } from './time.ts';
import { decodeText } from './text.ts';

export const BAD: unique symbol = Symbol('bad-value');

/** The `(…)` groups after the OBIS code; undefined when the line is not a run of groups. */
function groups(line: string, open: number): string[] | undefined {
  const out: string[] = [];
  let i = open;
  while (i < line.length) {
    if (line.charCodeAt(i) !== 40 /* ( */) return undefined;
    const close = line.indexOf(')', i + 1);
    if (close < 0) return undefined;
    const inner = line.slice(i + 1, close);
    if (inner.indexOf('(') !== -1) return undefined;
    out.push(inner);
    i = close + 1;
  }
  return out;
}

/**
 * True when `g`, a `value[*unit]` group, has no unit or `unit` after its '*' at `star`. Case is
 * ignored (`*kw`, `*kwh`, `*v` from some firmware, issue 13): no two units here differ by case only.
 */
function unitIs(g: string, star: number, unit: string): boolean {
  if (star < 0) return true;
  if (g.length - star - 1 !== unit.length) return false;
  for (let i = 0; i < unit.length; i++) {
    const a = g.charCodeAt(star + 1 + i);
    const b = unit.charCodeAt(i);
    if (a !== b && (a | 0x20) !== (b | 0x20)) return false; // units are letters: OR 0x20 folds case
  }
  return true;
}

/** A decimal with an optional unit that must equal `unit` when present. */
function withUnit(g: string, unit: string): number | typeof BAD {
  const star = g.indexOf('*');
  if (!unitIs(g, star, unit)) return BAD;
  return parseDecimal(star < 0 ? g : g.slice(0, star)) ?? BAD;
}

/** An integer base-unit reading from k<unit> (the default when no unit is sent) or <unit>. */
function scaled(g: string, unit: string): number | typeof BAD {
  const star = g.indexOf('*');
  const k = g.charCodeAt(star + 1);
  const kilo = star < 0 || ((k === 107 /* k */ || k === 75) /* K */ && unitIs(g, star + 1, unit));
  if (!kilo && !unitIs(g, star, unit)) return BAD;
  return parseScaled(g, kilo ? 1000 : 1, star < 0 ? g.length : star) ?? BAD;
}

/** A unitless non-negative integer. */
function plainInt(g: string): number | typeof BAD {
  const n = g.indexOf('*') < 0 ? parseInteger(g) : undefined;
  return n === undefined || n < 0 ? BAD : n;
}

const UNIT = /^[A-Za-z0-9]{1,8}$/;

function reading(at: string | null | undefined, g: string, unit?: string): MbusReading | typeof BAD {
  const star = g.indexOf('*');
  const u = star < 0 ? unit : g.slice(star + 1);
  const value = parseDecimal(star < 0 ? g : g.slice(0, star));
  if (at === undefined || value === undefined || u === '' || (u !== undefined && !UNIT.test(u))) return BAD;
  if (at === null) return { value: null, unit: null, capturedAt: null };
  return { value, unit: u ?? null, capturedAt: at };
}

function mbusReading(gs: string[]): MbusReading | typeof BAD {
  return gs.length === 2 ? reading(parseTimestamp(gs[0]!), gs[1]!) : BAD;
}

/** DSMR 2.2/3.0 gas: (YYMMDDhhmmss)(00)(60)(1)(0-n:24.2.1)(unit)(value), the value on its own line. */
function legacyReading(gs: string[]): MbusReading | typeof BAD {
  if (gs.length !== 7 || !/^0-\d:24\.2\.1$/.test(gs[4]!)) return BAD;
  return reading(parseLocalTimestamp(gs[0]!), gs[6]!, gs[5]!);
}

/** A kW value as integer W; BAD when it is not one. */
function kiloWatts(g: string): number | typeof BAD {
  return scaled(g, 'W');
}

/** 1-0:1.6.0: (TST)(kW). */
function peak(at: string, g: string): PeakDemand | typeof BAD {
  const when = parseTimestamp(at);
  const demandW = kiloWatts(g);
  return when === undefined || demandW === BAD ? BAD : { at: when, demandW };
}

/** A buffer's entry count: (n) with `n` entries of `width` groups after `head` groups; `()`/`(0)` for none. */
function bufferCount(gs: string[], head: number, width: number): number {
  const n = gs[0] === '' ? 0 : parseInteger(gs[0]!);
  if (n === undefined || n < 0 || n > 100) return -1;
  if (n === 0) return gs.slice(1).every((g, i) => i < head - 1 || g === '') ? 0 : -1;
  return gs.length === head + n * width ? n : -1;
}

/** 0-0:98.1.0: (n)(1-0:1.6.0)(1-0:1.6.0) then n × (month)(peak time)(kW). */
function peakHistory(gs: string[]): MonthPeak[] | typeof BAD {
  const n = bufferCount(gs, 3, 3);
  if (n < 0) return BAD;
  const out: MonthPeak[] = [];
  for (let i = 0; i < n; i++) {
    const month = parseTimestamp(gs[3 + 3 * i]!);
    const p = peak(gs[4 + 3 * i]!, gs[5 + 3 * i]!);
    if (month === undefined || p === BAD) return BAD;
    out.push({ month, at: p.at, demandW: p.demandW });
  }
  return out;
}

/** 1-0:99.97.0: (n)(0-0:96.7.19) then n × (end TST)(duration*s). */
function failureLog(gs: string[]): PowerFailure[] | typeof BAD {
  const n = bufferCount(gs, 2, 2);
  if (n < 0) return BAD;
  const out: PowerFailure[] = [];
  for (let i = 0; i < n; i++) {
    const endedAt = parseTimestamp(gs[2 + 2 * i]!);
    const g = gs[3 + 2 * i]!;
    const star = g.indexOf('*');
    const durationS = unitIs(g, star, 's') ? parseInteger(star < 0 ? g : g.slice(0, star)) : undefined;
    if (endedAt === undefined || durationS === undefined || durationS < 0) return BAD;
    out.push({ endedAt, durationS });
  }
  return out;
}

/** Decodes the value(s) of `line` (whose first '(' is at `open`) for the catalogued object `f`. */
export function decodeValue(f: FieldDef, line: string, open: number): unknown {
  // Octet strings may be plain text on some firmware; take everything between the outer parentheses.
  if (f.kind === 'text') return decodeText(line.slice(open + 1, -1));
  if (f.kind === 'mbusId') return open + 2 === line.length ? null : decodeText(line.slice(open + 1, -1));
  // Fast path: most objects carry exactly one group.
  const close = line.indexOf(')', open);
  if (close === line.length - 1 && line.indexOf('(', open + 1) < 0) return single(f, line.slice(open + 1, close));
  const gs = groups(line, open);
  if (!gs) return BAD;
  if (f.kind === 'mbusValue') return mbusReading(gs);
  if (f.kind === 'mbusLegacy') return legacyReading(gs);
  if (f.kind === 'peak') return gs.length === 2 ? peak(gs[0]!, gs[1]!) : BAD;
  if (f.kind === 'peakHistory') return peakHistory(gs);
  if (f.kind === 'failureLog') return failureLog(gs);
  if (f.kind === 'limits') {
    if (gs.length !== 2) return BAD;
    const imp = withUnit(gs[0]!, 'A');
    const exp = withUnit(gs[1]!, 'A');
    return imp === BAD || exp === BAD ? BAD : { import: imp, export: exp };
  }
  return gs.length === 1 ? single(f, gs[0]!) : BAD;
}

/** Decodes the single group `g` of a one-value object. */
function single(f: FieldDef, g: string): unknown {
  switch (f.kind) {
    case 'version':
    case 'raw':
      return g;
    case 'tst': {
      const at = parseTimestamp(g);
      return at === undefined ? BAD : at;
    }
    case 'energy':
    case 'power':
      return scaled(g, f.unit!);
    case 'voltage':
      return withUnit(g, 'V');
    case 'current':
      return withUnit(g, 'A');
    case 'kva':
      return withUnit(g, 'kVA');
    case 'count':
    case 'mbusType':
      return plainInt(g);
    case 'control':
      return parseControl(g) ?? BAD;
    case 'peakHistory': // an empty buffer: (0) or ()
    case 'failureLog':
      return g === '' || g === '0' ? [] : BAD;
    default: // two-group objects sent with one group
      return BAD;
  }
}
