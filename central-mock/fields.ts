/**
 * Pushed field sets: the two presets from the protocol catalogue, or a custom list of known OBIS codes.
 * The three objects every telegram carries are always part of the list (API.md, "Field ids").
 */
import { ALWAYS_SENT, PRESET_BASIC, PRESET_FULL, isKnownField } from '../protocol/index.ts';
import type { Preset } from './meter.ts';

/** The field list of a preset. */
export function presetFields(preset: 'basic' | 'full'): string[] {
  return withAlwaysSent(preset === 'basic' ? PRESET_BASIC : PRESET_FULL);
}

function withAlwaysSent(list: readonly string[]): string[] {
  const out = [...ALWAYS_SENT];
  for (const f of list) if (!out.includes(f)) out.push(f);
  return out;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * Resolves a requested field set. Unknown codes are an error value naming each of them;
 * a custom list that equals a preset is stored as that preset.
 */
export function resolveFields(
  req: 'basic' | 'full' | readonly string[],
): { ok: true; preset: Preset; fields: string[] | null } | { ok: false; unknown: string[] } {
  if (req === 'basic' || req === 'full') return { ok: true, preset: req, fields: null };
  const unknown = req.filter((f) => !ALWAYS_SENT.includes(f) && !isKnownField(f));
  if (unknown.length > 0) return { ok: false, unknown };
  const fields = withAlwaysSent(req);
  for (const p of ['basic', 'full'] as const) if (sameSet(fields, presetFields(p))) return { ok: true, preset: p, fields: null };
  return { ok: true, preset: 'custom', fields };
}
