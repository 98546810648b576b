/**
 * The other meters in the store (issue 12): the host's list, kept current by `meters:state` and
 * `meters:reading`. Pure list updates, so the store's part stays one line each.
 */
import type { Events, MeterState } from '../../contracts/ipc.ts';

/** A meter's new state replaces the old one in place; a meter not yet listed is added at the end. */
export function upsertMeterState(list: readonly MeterState[], state: MeterState): MeterState[] {
  return list.some((m) => m.id === state.id) ? list.map((m) => (m.id === state.id ? state : m)) : [...list, state];
}

/** A verified reading becomes that meter's latest; a reading for a removed meter is dropped. */
export function applyMeterReading(list: readonly MeterState[], { id, reading }: Events['meters:reading']): MeterState[] {
  return list.map((m) => (m.id === id ? { ...m, latest: reading } : m));
}
