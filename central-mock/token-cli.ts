/**
 * `luxp1 central token list | issue LABEL | revoke ID [--data DIR]`: staff tokens managed on the data
 * directory itself, with or without the central running (SQLite serialises the writes, and a running
 * central checks every request against the table, so a revocation takes effect on the next request).
 * A new token is printed once, or written to --out FILE (mode 0600) to keep it out of terminals and logs.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkLabel } from './handlers/staff-tokens.ts';
import { createStaffAuth } from './staff-auth.ts';
import { openStore } from './store.ts';

export const TOKEN_USAGE = `usage: luxp1 central token list [--data DIR]
       luxp1 central token issue LABEL [--data DIR] [--out FILE]
       luxp1 central token revoke ID [--data DIR]

  list    every staff token: id, label, created, revoked (never the tokens themselves)
  issue   a new token for LABEL (e.g. "service desk Anna"), printed once, or written to FILE (0600)
  revoke  token ID stops working at once, also in a running central`;

export async function tokenMain(argv: string[]): Promise<number> {
  let parsed: { values: { data?: string | undefined; out?: string | undefined }; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: { data: { type: 'string' }, out: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    console.error(`central token: ${(err as Error).message}\n${TOKEN_USAGE}`);
    return 2;
  }
  const [command, arg, ...rest] = parsed.positionals;
  const valid =
    (command === 'list' && arg === undefined) || ((command === 'issue' || command === 'revoke') && arg !== undefined && rest.length === 0);
  if (!valid) {
    console.error(TOKEN_USAGE);
    return 2;
  }
  const label = command === 'issue' ? checkLabel(arg) : null;
  if (label && !label.ok) return (console.error(`central token: ${label.error.message}`), 2);
  if (command === 'revoke' && !/^\d{1,15}$/.test(arg!))
    return (console.error(`central token: revoke expects a token id, got ${JSON.stringify(arg)}`), 2);
  if (parsed.values.out !== undefined && existsSync(parsed.values.out))
    return (console.error(`central token: ${parsed.values.out} exists; give a new file for the token`), 2);
  const dir = parsed.values.data ?? join('.luxp1-data', 'central');
  const opened = openStore({ dir, masterKeyEnv: process.env.LUXP1_MASTER_KEY, existingOnly: true });
  if (!opened.ok) return (console.error(opened.error.message), 1);
  const { store } = opened;
  try {
    const staff = createStaffAuth(store);
    if (command === 'list') {
      for (const t of staff.list())
        console.log(
          `${String(t.id).padStart(4)}  ${t.revokedAt === null ? 'active ' : 'revoked'}  ${t.createdAt}  ${t.label}${t.revokedAt ? `  (revoked ${t.revokedAt})` : ''}`,
        );
      return 0;
    }
    if (command === 'issue') {
      const { id, token } = staff.issue(label!.ok ? label!.value : '');
      if (parsed.values.out !== undefined) {
        writeFileSync(parsed.values.out, token + '\n', { mode: 0o600, flag: 'wx' });
        console.log(`central token: issued token ${id} for ${JSON.stringify(arg)}, written to ${parsed.values.out}`);
      } else console.log(`central token: issued token ${id} for ${JSON.stringify(arg)} (shown once): ${token}`);
      return 0;
    }
    const id = Number(arg);
    const known = staff.list().find((t) => t.id === id);
    if (!known) return (console.error(`central token: no staff token ${id} (see: luxp1 central token list)`), 1);
    if (!staff.revoke(id))
      console.log(`central token: token ${id} (${JSON.stringify(known.label)}) was already revoked at ${known.revokedAt}`);
    else console.log(`central token: revoked token ${id} (${JSON.stringify(known.label)})`);
    return 0;
  } catch (err) {
    console.error(`central token: ${(err as Error).message}`);
    return 1;
  } finally {
    store.close();
  }
}
