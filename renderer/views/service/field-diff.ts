/**
 * The central system's configured field set against what the port actually sends.
 */

export interface FieldDiff {
  missing: string[]; // configured, not in the telegram
  extra: string[]; // in the telegram, not configured
}

/** Both lists sorted; empty lists mean the port sends exactly what is configured. */
export function diffFields(configured: readonly string[], present: readonly string[]): FieldDiff {
  const sent = new Set(present);
  const wanted = new Set(configured);
  return {
    missing: [...wanted].filter((f) => !sent.has(f)).sort(),
    extra: [...sent].filter((f) => !wanted.has(f)).sort(),
  };
}
