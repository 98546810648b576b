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

const MBUS_FIELD = /^0-([1-4]):/;

/**
 * The configured fields a meter can actually send: an M-Bus channel's fields only when a device is
 * attached there ("full" lists all four channels). Same rule as electron/host/staff-effects.ts.
 */
export function expectedFields(meter: { fields: readonly string[]; mbus: readonly { channel: number }[] }): string[] {
  const attached = new Set(meter.mbus.map((m) => m.channel));
  return meter.fields.filter((f) => {
    const m = MBUS_FIELD.exec(f);
    return m === null || attached.has(Number(m[1]));
  });
}
