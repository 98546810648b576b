/**
 * Staff bearer tokens. Only an HMAC of each token is stored (keys.ts explains why HMAC);
 * DIR/staff.token (0600) keeps the plain token for the operator who started the server.
 * Tokens are revoked, never deleted, so the list keeps who had access and until when.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newStaffToken } from './keys.ts';
import type { Store } from './store.ts';

export const OPERATOR_LABEL = 'operator'; // the token kept in DIR/staff.token

export interface StaffTokenInfo {
  id: number;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface StaffAuth {
  /** The staff id a bearer token belongs to, or null (unknown or revoked). */
  verify(token: string): number | null;
  issue(label: string): { id: number; token: string };
  list(): StaffTokenInfo[];
  /** Revokes token `id`; false when there is no such token or it was revoked already. */
  revoke(id: number): boolean;
}

/** Binds staff tokens to the store. */
export function createStaffAuth(store: Store): StaffAuth {
  const q = {
    find: store.db.prepare('SELECT id FROM staff_tokens WHERE token_hash = ? AND revoked_at IS NULL'),
    add: store.db.prepare('INSERT INTO staff_tokens (token_hash, label, created_at) VALUES (?, ?, ?)'),
    list: store.db.prepare('SELECT id, label, created_at, revoked_at FROM staff_tokens ORDER BY id'),
    revoke: store.db.prepare('UPDATE staff_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
  };
  const hash = (t: string) => store.keyring.hashSecret('staff', '', t);
  return {
    verify(token) {
      if (token.length === 0 || token.length > 200) return null;
      const row = q.find.get(hash(token)) as { id: number } | undefined;
      return row?.id ?? null;
    },
    issue(label) {
      const token = newStaffToken();
      const { lastInsertRowid } = q.add.run(hash(token), label, store.iso());
      return { id: Number(lastInsertRowid), token };
    },
    list() {
      return (q.list.all() as { id: number; label: string; created_at: string; revoked_at: string | null }[]).map((r) => ({
        id: r.id,
        label: r.label,
        createdAt: r.created_at,
        revokedAt: r.revoked_at,
      }));
    },
    revoke(id) {
      return Number(q.revoke.run(store.iso(), id).changes) > 0;
    },
  };
}

/**
 * The operator's token from DIR/staff.token when it is still valid; otherwise a new one is issued
 * and written there, and every earlier operator token is revoked: deleting staff.token and
 * restarting is how the operator replaces a token that leaked, and the old one must stop working.
 * `created` tells the caller to print the new token; `revoked` how many old ones stopped working.
 */
export function ensureOperatorToken(store: Store, auth: StaffAuth): { token: string; created: boolean; revoked: number } {
  const file = join(store.dir, 'staff.token');
  if (existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim();
    if (auth.verify(token) !== null) return { token, created: false, revoked: 0 };
  }
  const { token, revoked } = store.tx(() => {
    let n = 0;
    for (const t of auth.list()) if (t.label === OPERATOR_LABEL && t.revokedAt === null && auth.revoke(t.id)) n++;
    return { token: auth.issue(OPERATOR_LABEL).token, revoked: n };
  });
  // A fresh file: `mode` applies only on creation, and a stale token file may be wider than 0600.
  rmSync(file, { force: true });
  writeFileSync(file, token + '\n', { mode: 0o600, flag: 'wx' });
  return { token, created: true, revoked };
}
