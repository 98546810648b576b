/** Customer routes (no token): pairing, anonymous peer figures and health. */
import { setTimeout as sleep } from 'node:timers/promises';
import { fail, json, type Reply } from '../http.ts';
import { normalizeCode } from '../keys.ts';
import type { Gate } from '../pair-throttle.ts';
import type { Route } from '../router.ts';
import { checkPair } from '../validate.ts';
import { isIsoDate, PEER_CLASSES_KW } from '../../contracts/peers.ts';

function refused(gate: Gate & { kind: 'locked' }, now: number): Reply {
  const lockedUntil = new Date(gate.lockedUntil).toISOString();
  return {
    ...fail(429, 'LOCKED', `too many wrong codes from this address; pairing from it is locked until ${lockedUntil}`, {
      lockedUntil,
      attemptsLeft: 0,
    }),
    headers: { 'retry-after': String(Math.max(1, Math.ceil((gate.lockedUntil - now) / 1000))) },
  };
}

export const customerRoutes: Route[] = [
  {
    method: 'POST',
    path: '/api/pair',
    staff: false,
    async handle({ deps, body, client }) {
      const c = checkPair(body);
      if (!c.ok) return fail(400, 'BAD_REQUEST', c.error.message);
      const { store, throttle, audit } = deps;
      const ref = c.value.ref.toUpperCase();
      const gate = throttle.gate(client);
      const meter = store.find(c.value.ref);
      if (gate.kind === 'locked') {
        if (meter) audit.event(meter.id, 'pairing-locked', { lockedUntil: new Date(gate.lockedUntil).toISOString() });
        return refused(gate, store.now());
      }
      const delay = throttle.delayMs(ref);
      // An unknown meter is answered exactly like a wrong code (same status, body, count and delay),
      // so the answers never tell whether a meter id exists; the hash evens out the time too.
      const r = meter
        ? deps.pairing.attempt(meter, c.value.code)
        : (store.keyring.hashSecret('pair', ref, normalizeCode(c.value.code)), null);
      let reply: Reply;
      if (r?.kind === 'paired') {
        throttle.succeeded(client, ref);
        const key = Buffer.from(r.key).toString('hex').toUpperCase();
        r.key.fill(0);
        reply = json(200, { meterId: meter!.meter_id, systemTitle: meter!.system_title, key, keyVersion: r.keyVersion });
      } else if (r?.kind === 'key-unreadable') {
        throw new Error(`sealed key of meter ${meter!.meter_id} does not open under the master key`);
      } else {
        const after = throttle.failed(client, ref);
        if (meter) {
          audit.event(meter.id, 'pairing-failed', { attemptsLeft: after.kind === 'open' ? after.attemptsLeft : 0 });
          if (after.kind === 'locked') audit.event(meter.id, 'pairing-lockout', { lockedUntil: new Date(after.lockedUntil).toISOString() });
        }
        reply =
          after.kind === 'locked'
            ? refused(after, store.now())
            : fail(401, 'BAD_CODE', `wrong pairing code; ${after.attemptsLeft} attempt(s) left`, { attemptsLeft: after.attemptsLeft });
      }
      if (delay > 0) await sleep(delay);
      return reply;
    },
  },
  {
    method: 'GET',
    path: '/api/peers/daily',
    staff: false,
    handle({ deps, query }) {
      const date = query.get('date');
      const classKw = Number(query.get('class'));
      if (!isIsoDate(date)) return fail(400, 'BAD_REQUEST', 'date must be a day as YYYY-MM-DD');
      if (!(PEER_CLASSES_KW as readonly number[]).includes(classKw)) {
        return fail(400, 'BAD_REQUEST', `class must be one of ${PEER_CLASSES_KW.join(', ')} (kW)`);
      }
      return json(200, deps.peers.daily(date, classKw));
    },
  },
  {
    method: 'GET',
    path: '/api/health',
    staff: false,
    handle: ({ deps }) => json(200, { ok: true, meters: deps.store.count() }),
  },
];
