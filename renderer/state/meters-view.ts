/**
 * What Home's "Your meters" tile shows (issue 12), as pure functions: each meter's row, whether its
 * values are old, and the property's net flow (sum over every meter, the primary included, of
 * import − export power). Also the Settings form's two conversions: a typed address to a source,
 * a label to a free id.
 */
import type { LinkStatus, MeterState, OtherMeterSource, ReadingRecord } from '../../contracts/ipc.ts';

/** A value older than this (renderer clock) is marked old: three missed 10-s pushes. */
export const OLD_AFTER_MS = 30_000;

export interface MeterRow {
  id: string; // 'primary' for the main meter
  label: string | null; // null: the main meter (the view names it)
  importW: number | null;
  exportW: number | null;
  link: LinkStatus;
  old: boolean; // the values shown are not what the meter says now
}

/** One row from a meter's latest reading and link; `offsetMs` turns host time into renderer time. */
export function meterRow(
  id: string,
  label: string | null,
  latest: ReadingRecord | null,
  link: LinkStatus,
  now: number,
  offsetMs: number,
): MeterRow {
  const e = latest?.telegram.electricity;
  const age = latest ? now - (latest.receivedAt + offsetMs) : Number.POSITIVE_INFINITY;
  return {
    id,
    label,
    importW: e?.importPowerW ?? null,
    exportW: e?.exportPowerW ?? null,
    link,
    old: latest !== null && (link !== 'open' || age > OLD_AFTER_MS),
  };
}

/** The property's net flow in W (positive: from the grid), or null when no meter has a power value. */
export function netFlow(rows: readonly MeterRow[]): { watts: number; old: boolean } | null {
  let watts = 0;
  let any = false;
  let old = false;
  for (const r of rows) {
    if (r.importW === null && r.exportW === null) continue;
    any = true;
    watts += (r.importW ?? 0) - (r.exportW ?? 0);
    old ||= r.old;
  }
  return any ? { watts, old } : null;
}

/** "192.168.1.20:2001" → TCP, "/dev/ttyUSB1" or "COM3" → serial; anything else null. */
export function sourceFromAddress(text: string): OtherMeterSource | null {
  const s = text.trim();
  const tcp = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(s);
  if (tcp) {
    const port = Number(tcp[2]);
    const host = tcp[1]!.replace(/^\[|\]$/g, '');
    return port >= 1 && port <= 65535 ? { kind: 'tcp', host, port } : null;
  }
  if (/^\/[^\s]{1,4095}$/.test(s) || /^COM\d{1,3}$/i.test(s)) return { kind: 'serial', path: s };
  return null;
}

/** How a meter's source is written in the form (the inverse of sourceFromAddress). */
export function addressOf(source: OtherMeterSource): string {
  if (source.kind === 'tcp') return `${source.host.includes(':') ? `[${source.host}]` : source.host}:${source.port}`;
  return source.path;
}

/** A free id from the label ("Solar roof" → "solar-roof"), [a-z0-9-]{1,24}, not one of `taken`. */
export function idFor(label: string, taken: readonly MeterState['id'][]): string {
  const base =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 20) || 'meter';
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}
