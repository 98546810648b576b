/** Staff routes on staff tokens themselves: list, issue, revoke (staff-auth.ts). */
import type { Checked } from '../../contracts/central.ts';
import { fail as failure, ok } from '../../protocol/index.ts';
import { fail, json } from '../http.ts';
import type { Route } from '../router.ts';
import { OPERATOR_LABEL } from '../staff-auth.ts';

/** A token's label: 1..60 printable ASCII characters, not the operator's (which staff.token handling revokes). */
export function checkLabel(v: unknown): Checked<string> {
  if (typeof v !== 'string' || !/^[\x20-\x7e]{1,60}$/.test(v) || v.trim() === '')
    return failure('BAD_REQUEST', 'label must be 1..60 printable ASCII characters, e.g. "service desk Anna"');
  if (v.trim() === OPERATOR_LABEL) return failure('BAD_REQUEST', `the label "${OPERATOR_LABEL}" is reserved for DIR/staff.token`);
  return ok(v.trim());
}

export const staffTokenRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/staff/tokens',
    staff: true,
    handle: ({ deps }) => json(200, { tokens: deps.staff.list() }),
  },
  {
    method: 'POST',
    path: '/api/staff/tokens',
    staff: true,
    handle({ deps, body, actor }) {
      const extra = typeof body === 'object' && body !== null ? Object.keys(body).filter((k) => k !== 'label') : [];
      if (typeof body !== 'object' || body === null || Array.isArray(body) || extra.length > 0)
        return fail(400, 'BAD_REQUEST', 'expected {"label": "…"}');
      const label = checkLabel((body as { label?: unknown }).label);
      if (!label.ok) return fail(400, 'BAD_REQUEST', label.error.message);
      const { id, token } = deps.staff.issue(label.value);
      deps.log(`central: staff token ${id} (${JSON.stringify(label.value)}) issued by ${actor}`);
      return json(201, { id, label: label.value, token });
    },
  },
  {
    method: 'DELETE',
    path: '/api/staff/tokens/:tokenId',
    staff: true,
    handle({ deps, params, actor }) {
      const id = /^\d{1,15}$/.test(params.tokenId!) ? Number(params.tokenId) : 0;
      const known = deps.staff.list().find((t) => t.id === id);
      if (!known) return fail(404, 'NOT_FOUND', `no staff token ${JSON.stringify(params.tokenId!.slice(0, 20))}`);
      if (known.revokedAt === null) {
        deps.staff.revoke(id);
        deps.log(`central: staff token ${id} (${JSON.stringify(known.label)}) revoked by ${actor}`);
      }
      const after = deps.staff.list().find((t) => t.id === id)!;
      return json(200, after);
    },
  },
];
