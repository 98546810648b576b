/**
 * Staff routes on a meter's secrets and history: key rotation, a new pairing code, the port view the
 * simulator reads (the only staff route that carries the key), and the audit and event logs.
 */
import { fail, json } from '../http.ts';
import { newPortKey } from '../keys.ts';
import type { Route } from '../router.ts';
import { checkFrameCounter, checkNoFields } from '../validate.ts';

const HISTORY_LIMIT = 500;

export const keyRoutes: Route[] = [
  {
    method: 'POST',
    path: '/api/meters/:id/rotate-key',
    staff: true,
    handle({ deps, body, actor, meter }) {
      const none = checkNoFields(body);
      if (!none.ok) return fail(400, 'BAD_REQUEST', none.error.message);
      const { store, audit } = deps;
      const view = store.tx(() => {
        const from = meter.key_version;
        const key = newPortKey();
        meter.key_version = from + 1;
        meter.frame_counter = 0;
        store.saveKey(meter, store.keyring.seal(meter.meter_id, key));
        key.fill(0);
        audit.record(meter.id, actor, `key rotated, version ${meter.key_version}`, { keyVersion: from }, { keyVersion: meter.key_version });
        audit.event(meter.id, 'key-rotated', { keyVersion: meter.key_version });
        return store.view(meter);
      });
      return json(200, view);
    },
  },
  {
    method: 'POST',
    path: '/api/meters/:id/pairing-code',
    staff: true,
    handle({ deps, body, actor, meter }) {
      const none = checkNoFields(body);
      if (!none.ok) return fail(400, 'BAD_REQUEST', none.error.message);
      const code = deps.store.tx(() => {
        const c = deps.pairing.issueCode(meter);
        deps.audit.record(meter.id, actor, 'pairing code replaced', null, null);
        return c;
      });
      return json(200, { pairingCode: code });
    },
  },
  {
    method: 'GET',
    path: '/api/meters/:id/port',
    staff: true,
    handle({ deps, meter }) {
      const key = deps.store.keyring.open(meter.meter_id, meter.sealed_key);
      if (key === null) throw new Error(`sealed key of meter ${meter.meter_id} does not open under the master key`);
      const hex = Buffer.from(key).toString('hex').toUpperCase();
      key.fill(0);
      return json(200, { ...deps.store.view(meter), key: hex });
    },
  },
  {
    method: 'PUT',
    path: '/api/meters/:id/port/frame-counter',
    staff: true,
    handle({ deps, body, meter }) {
      const n = checkFrameCounter(body);
      if (!n.ok) return fail(400, 'BAD_REQUEST', n.error.message);
      meter.frame_counter = n.value;
      deps.store.save(meter); // telemetry from the meter, not a configuration change: not audited
      return json(200, { frameCounter: n.value });
    },
  },
  {
    method: 'GET',
    path: '/api/meters/:id/audit',
    staff: true,
    handle: ({ deps, meter }) => json(200, { entries: deps.audit.entries(meter.id, HISTORY_LIMIT) }),
  },
  {
    method: 'GET',
    path: '/api/meters/:id/events',
    staff: true,
    handle: ({ deps, meter }) => json(200, { events: deps.audit.events(meter.id, HISTORY_LIMIT) }),
  },
];
