/** Staff routes on meters as a whole: list, create, read, change settings. */
import type { ControlState } from '../../protocol/index.ts';
import { resolveFields } from '../fields.ts';
import { fail, json } from '../http.ts';
import { createMeter } from '../provision.ts';
import type { Route } from '../router.ts';
import { checkCreate, checkPage, checkPatch } from '../validate.ts';

export const meterRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/meters',
    staff: true,
    handle({ deps, query }) {
      const p = checkPage(query);
      if (!p.ok) return fail(400, 'BAD_REQUEST', p.error.message);
      return json(200, { meters: deps.store.list(p.value.offset, p.value.limit), total: deps.store.count(), offset: p.value.offset });
    },
  },
  {
    method: 'POST',
    path: '/api/meters',
    staff: true,
    handle({ deps, body, actor }) {
      const c = checkCreate(body);
      if (!c.ok) return fail(400, 'BAD_REQUEST', c.error.message);
      const r = createMeter(deps.store, deps.audit, deps.pairing, c.value, actor);
      if (!r.ok) return fail(409, 'CONFLICT', r.conflict);
      return json(201, { ...deps.store.view(r.row), pairingCode: r.pairingCode });
    },
  },
  {
    method: 'GET',
    path: '/api/meters/:id',
    staff: true,
    handle: ({ deps, meter }) => json(200, deps.store.view(meter)),
  },
  {
    method: 'PATCH',
    path: '/api/meters/:id',
    staff: true,
    handle({ deps, body, actor, meter }) {
      const c = checkPatch(body);
      if (!c.ok) return fail(400, 'BAD_REQUEST', c.error.message);
      const p = c.value;
      const fields = p.fields === undefined ? null : resolveFields(p.fields);
      if (fields && !fields.ok)
        return fail(400, 'BAD_REQUEST', `unknown field id(s): ${fields.unknown.slice(0, 20).join(', ')}`, {
          unknownFields: fields.unknown,
        });
      const view = deps.audit.change(meter, actor, 'settings changed', () => {
        if (p.encryption !== undefined) meter.encryption = p.encryption ? 1 : 0;
        if (fields) {
          meter.preset = fields.preset;
          meter.fields = fields.fields === null ? null : JSON.stringify(fields.fields);
        }
        if (p.powerLimitKva !== undefined) meter.power_limit_kva = p.powerLimitKva;
        if (p.breaker !== undefined) meter.breaker = p.breaker;
        const relays: { relay1?: ControlState; relay2?: ControlState } = p.relays ?? {};
        if (relays.relay1) meter.relay1 = relays.relay1;
        if (relays.relay2) meter.relay2 = relays.relay2;
        deps.store.save(meter);
      });
      return json(200, view);
    },
  },
];
