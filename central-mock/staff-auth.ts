/**
 * Staff bearer tokens. Only an HMAC of each token is stored (keys.ts explains why HMAC);
 * DIR/staff.token (0600) keeps the plain token for the operator who started the server.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newStaffToken } from './keys.ts';
import type { Store } from './store.ts';

export interface StaffAuth {
  /** The staff id a bearer token belongs to, or null. */
  verify(token: string): number | null;
  issue(label: string): string;
}

/** Binds staff tokens to the store. */
export function createStaffAuth(store: Store): StaffAuth {
  const find = store.db.prepare('SELECT id FROM staff_tokens WHERE token_hash = ?');
  const add = store.db.prepare('INSERT INTO staff_tokens (token_hash, label, created_at) VALUES (?, ?, ?)');
  const hash = (t: string) => store.keyring.hashSecret('staff', '', t);
  return {
    verify(token) {
      if (token.length === 0 || token.length > 200) return null;
      const row = find.get(hash(token)) as { id: number } | undefined;
      return row?.id ?? null;
    },
    issue(label) {
      const token = newStaffToken();
      add.run(hash(token), label, store.iso());
      return token;
    },
  };
}

/**
 * The operator's token from DIR/staff.token when it is still valid; otherwise a new one is issued
 * and written there. `created` tells the caller to print it (first start).
 */
export function ensureOperatorToken(store: Store, auth: StaffAuth): { token: string; created: boolean } {
  const file = join(store.dir, 'staff.token');
  if (existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim();
    if (auth.verify(token) !== null) return { token, created: false };
  }
  const token = auth.issue('operator');
  // A fresh file: `mode` applies only on creation, and a stale token file may be wider than 0600.
  rmSync(file, { force: true });
  writeFileSync(file, token + '\n', { mode: 0o600, flag: 'wx' });
  return { token, created: true };
}
