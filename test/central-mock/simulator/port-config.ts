/** A meter's port config as the central sends it (`GET …/port`), for the simulator's model tests. */
import { checkPortConfig, type PortConfig } from '../../../contracts/central.ts';

/** The demo meter with no M-Bus device, as `checkPortConfig` reads it; `over` replaces fields. */
export function portConfig(over: Record<string, unknown> = {}): PortConfig {
  const checked = checkPortConfig({
    meterId: 'SAG1030700012701',
    systemTitle: '534147677001BD54',
    key: '00'.repeat(16),
    keyVersion: 1,
    encryption: true,
    fields: [],
    preset: 'custom',
    powerLimitKva: 27.6,
    breaker: 'connected',
    relays: { relay1: 'disconnected', relay2: 'disconnected' },
    messages: { '0': '', '2': '', '3': '', '4': '', '5': '' },
    mbus: [],
    frameCounter: 0,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...over,
  });
  if (!checked.ok) throw new Error(checked.error.message);
  return checked.value;
}
