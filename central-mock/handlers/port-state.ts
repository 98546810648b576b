/** The simulated meter's durable state: frame-counter blocks and register high-water marks (port-state.ts). */
import { fail, json } from '../http.ts';
import { checkReserve, reserve } from '../port-state.ts';
import type { Route } from '../router.ts';

export const portStateRoutes: Route[] = [
  {
    method: 'POST',
    path: '/api/meters/:id/port/reserve',
    staff: true,
    handle({ deps, body, meter }) {
      const c = checkReserve(body);
      if (!c.ok) return fail(400, 'BAD_REQUEST', c.error.message);
      const r = reserve(deps.store, meter, c.value);
      if (!r.ok)
        return fail(409, 'CONFLICT', `the meter's key is at version ${r.keyVersion}; read /port again`, { keyVersion: r.keyVersion });
      return json(200, r.value);
    },
  },
];
