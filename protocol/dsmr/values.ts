/**
 * Numbers and enumerations of DSMR data lines (DSMR5 §6.4–6.8). Parsers return `undefined` for a
 * value that does not fit its format, so the caller can file the line as 'bad-value' instead of
 * storing a wrong number. Char loops rather than regexes: these run ~60 times per telegram.
 */
import { CONTROL_STATES, type ControlState } from '../vocabulary.ts';

/** True when `s` is `-?digits[.digits]`, the only shape an Fn(x,y) / In value can take. */
function isDecimal(s: string): boolean {
  let i = s.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  const start = i;
  let dot = -1;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 /* . */) {
      if (dot !== -1 || i === start) return false;
      dot = i;
    } else if (c < 48 || c > 57) return false;
  }
  return i > start && dot !== s.length - 1;
}

/** A decimal string as a number (the nearest double, as JSON would carry it); undefined if not a decimal. */
export function parseDecimal(s: string): number | undefined {
  return isDecimal(s) && s.length <= 20 ? Number(s) : undefined;
}

/** A non-negative or signed integer with no decimals (In, F5(0,0)); undefined otherwise. */
export function parseInteger(s: string): number | undefined {
  return isDecimal(s) && s.indexOf('.') === -1 && s.length <= 15 ? Number(s) : undefined;
}

/**
 * The decimal `s[0, end)` times `scale` (1 or 1000) as an integer, computed on the digits so that
 * "000273.764" kWh is exactly 273764 Wh. Digits beyond the scale round half away from zero.
 */
export function parseScaled(s: string, scale: 1 | 1000, end = s.length): number | undefined {
  const neg = s.charCodeAt(0) === 45;
  let i = neg ? 1 : 0;
  let n = 0;
  let digits = 0;
  let places = -1; // decimals seen so far; -1 before the '.'
  let roundUp = false;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 && places < 0 && digits > 0) places = 0;
    else if (c >= 48 && c <= 57) {
      digits++;
      if (places < 0) n = n * 10 + (c - 48);
      else if (places < (scale === 1000 ? 3 : 0)) (n = n * 10 + (c - 48)), places++;
      else if (places++ === (scale === 1000 ? 3 : 0)) roundUp = c >= 53;
    } else return undefined;
  }
  if (digits === 0 || places === 0 || digits > 15 || (places > 0 && s.charCodeAt(end - 1) === 46)) return undefined;
  if (scale === 1000) for (let p = Math.max(places, 0); p < 3; p++) n *= 10;
  if (roundUp) n += 1;
  return neg && n !== 0 ? -n : n;
}

/** `n` written with at least `intDigits` integer digits and exactly `decimals` decimals, '-' first if negative. */
function pad(n: number, intDigits: number, decimals: number): string {
  const body = Math.abs(n).toFixed(decimals);
  const width = intDigits + (decimals ? decimals + 1 : 0);
  return (n < 0 ? '-' : '') + body.padStart(width, '0');
}

/**
 * Formats a number as Fn(x,y): `intDigits` integer digits (zero-padded) and `decimals` decimals.
 * A value that needs more decimals than the format has gets them (up to 6) rather than being
 * rounded into a different reading: the encoder must never invent values.
 */
export function formatDecimal(n: number, intDigits: number, decimals: number): string {
  for (let d = decimals; d < 6; d++) {
    const s = pad(n, intDigits, d);
    if (Number(s) === n) return s;
  }
  return pad(n, intDigits, 6);
}

/** Formats an integer base-unit value (Wh, W, var) in kilo-units with 3 decimals, exactly. */
export function formatKilo(n: number, intDigits: number): string {
  const v = Math.round(Math.abs(n));
  const whole = Math.floor(v / 1000);
  const frac = v - whole * 1000;
  return (n < 0 && v !== 0 ? '-' : '') + String(whole).padStart(intDigits, '0') + '.' + String(frac).padStart(3, '0');
}

/** `0`/`1`/`2` → control state; anything else → undefined. */
export function parseControl(s: string): ControlState | undefined {
  return s.length === 1 ? CONTROL_STATES[s.charCodeAt(0) - 48] : undefined;
}

/** Control state → its wire digit. */
export function formatControl(state: ControlState): string {
  const i = CONTROL_STATES.indexOf(state);
  return String(Math.max(i, 0));
}
