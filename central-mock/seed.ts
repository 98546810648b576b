/**
 * `--seed demo`: one meter with a known identity and pairing code, so the app's demo and the docs
 * can pair without staff. Created once; later starts find it and leave it as staff left it.
 */
import type { AuditLog } from './audit.ts';
import type { Pairing } from './pairing.ts';
import { createMeter } from './provision.ts';
import type { Store } from './store.ts';
import { MBUS_DEVICE_TYPES, type MbusMedium } from '../protocol/index.ts';

export const DEMO = {
  meterId: 'SAG1030700012701',
  systemTitle: '534147677001BD54',
  pairingCode: 'DEMO-2701-0001',
} as const;

const DEMO_MBUS: { channel: number; kind: MbusMedium; equipmentId: string }[] = [
  { channel: 1, kind: 'gas', equipmentId: 'G0012345678901234' },
  { channel: 2, kind: 'water', equipmentId: 'W0012345678901234' },
  { channel: 3, kind: 'heat', equipmentId: 'H0012345678901234' },
];

/** Adds the demo meter unless it exists; returns whether it was created. */
export function seedDemo(store: Store, audit: AuditLog, pairing: Pairing): boolean {
  if (store.find(DEMO.meterId)) return false;
  return store.tx(() => {
    const r = createMeter(store, audit, pairing, { ...DEMO, preset: 'full', encryption: true }, 'seed');
    if (!r.ok) throw new Error(`seed: ${r.conflict}`);
    for (const d of DEMO_MBUS) {
      store.putMbus(r.row, {
        ...d,
        deviceType: MBUS_DEVICE_TYPES[d.kind].deviceType,
        unit: MBUS_DEVICE_TYPES[d.kind].unit,
        valve: 'connected',
      });
    }
    audit.record(r.row.id, 'seed', 'M-Bus devices attached', null, { mbus: store.view(r.row).mbus });
    return true;
  });
}

/**
 * `--neighbours N`: N more meters, created once, so that the peer figures (peers.ts) have households
 * to aggregate in the demo. Plain basic meters with random identities; nobody pairs them.
 */
export function seedNeighbours(store: Store, audit: AuditLog, pairing: Pairing, count: number): number {
  const missing = count - (store.count() - (store.find(DEMO.meterId) ? 1 : 0));
  if (missing <= 0) return 0;
  return store.tx(() => {
    for (let i = 0; i < missing; i++) {
      const r = createMeter(store, audit, pairing, { preset: 'basic', encryption: true }, 'seed');
      if (!r.ok) throw new Error(`seed: ${r.conflict}`);
    }
    return missing;
  });
}
