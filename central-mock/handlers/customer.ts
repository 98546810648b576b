/** Customer routes (no token): pairing and health. */
import { fail, json } from '../http.ts';
import type { Route } from '../router.ts';
import { checkPair } from '../validate.ts';

export const customerRoutes: Route[] = [
  {
    method: 'POST',
    path: '/api/pair',
    staff: false,
    handle({ deps, body }) {
      const c = checkPair(body);
      if (!c.ok) return fail(400, 'BAD_REQUEST', c.error.message);
      const meter = deps.store.find(c.value.ref);
      if (!meter) return fail(404, 'UNKNOWN_METER', `no meter ${c.value.ref}`);
      const r = deps.pairing.attempt(meter, c.value.code);
      switch (r.kind) {
        case 'paired': {
          const key = Buffer.from(r.key).toString('hex').toUpperCase();
          r.key.fill(0);
          return json(200, { meterId: meter.meter_id, systemTitle: meter.system_title, key, keyVersion: r.keyVersion });
        }
        case 'bad-code':
          return fail(401, 'BAD_CODE', `wrong pairing code; ${r.attemptsLeft} attempt(s) left`, { attemptsLeft: r.attemptsLeft });
        case 'locked':
          return fail(429, 'LOCKED', `too many wrong codes; pairing is locked until ${r.lockedUntil}`, {
            lockedUntil: r.lockedUntil,
            attemptsLeft: 0,
          });
        case 'key-unreadable':
          throw new Error(`sealed key of meter ${meter.meter_id} does not open under the master key`);
      }
    },
  },
  {
    method: 'GET',
    path: '/api/health',
    staff: false,
    handle: ({ deps }) => json(200, { ok: true, meters: deps.store.count() }),
  },
];
