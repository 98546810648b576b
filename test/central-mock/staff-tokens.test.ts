/**
 * Issue 9: staff tokens can be revoked (API and `luxp1 central token`), and a lost or deleted
 * staff.token no longer leaves the old operator token working next to a new one.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: 'demo' });
});
afterAll(() => h.stop());

const DEMO = 'SAG1030700012701';
const canReadKeys = async (token: string) => (await h.call('GET', `/api/meters/${DEMO}/port`, undefined, token)).status === 200;

function cli(...args: string[]) {
  const r = spawnSync('node_modules/.bin/node', ['electron/cli/luxp1.ts', 'central', 'token', ...args, '--data', h.dir], {
    encoding: 'utf8',
    env: { ...process.env, LUXP1_MASTER_KEY: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('staff tokens', () => {
  it('are issued, listed and revoked over the API; a revoked token stops at once', async () => {
    const issued = await h.call('POST', '/api/staff/tokens', { label: 'service desk Anna' });
    expect(issued).toMatchObject({ status: 201, body: { label: 'service desk Anna', token: expect.stringMatching(/^lxs_/) } });
    const anna = issued.body.token as string;
    expect(await canReadKeys(anna)).toBe(true);
    const list = (await h.call('GET', '/api/staff/tokens')).body.tokens;
    expect(list).toEqual([
      { id: 1, label: 'operator', createdAt: expect.any(String), revokedAt: null },
      { id: issued.body.id, label: 'service desk Anna', createdAt: expect.any(String), revokedAt: null },
    ]);
    expect(JSON.stringify(list)).not.toContain(anna);
    const revoked = await h.call('DELETE', `/api/staff/tokens/${issued.body.id}`);
    expect(revoked).toMatchObject({ status: 200, body: { id: issued.body.id, revokedAt: expect.any(String) } });
    expect(await canReadKeys(anna)).toBe(false);
    expect((await h.call('DELETE', '/api/staff/tokens/999')).status).toBe(404);
    expect((await h.call('POST', '/api/staff/tokens', { label: 'operator' })).status).toBe(400);
    expect(h.logs.some((l) => /staff token \d+ \("service desk Anna"\) revoked by staff:1/.test(l))).toBe(true);
  });

  it('are issued, listed and revoked with `luxp1 central token` while the central runs', async () => {
    const issued = cli('issue', 'night shift');
    expect(issued.code, issued.err).toBe(0);
    const [, id, token] = /issued token (\d+) for "night shift" \(shown once\): (\S+)/.exec(issued.out)!;
    expect(await canReadKeys(token!)).toBe(true);
    const out = join(h.dir, 'bob.token');
    expect(cli('issue', 'Bob', '--out', out).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(await canReadKeys(readFileSync(out, 'utf8').trim())).toBe(true);
    const listed = cli('list');
    expect(listed.out).toMatch(new RegExp(`\\n\\s*${id}  active   \\S+  night shift\\n`));
    expect(listed.out).not.toContain(token);
    expect(cli('revoke', id!).out).toBe(`central token: revoked token ${id} ("night shift")\n`);
    expect(await canReadKeys(token!)).toBe(false); // the running central sees it on the next request
    expect(cli('revoke', '999')).toMatchObject({ code: 1, err: 'central token: no staff token 999 (see: luxp1 central token list)\n' });
    expect(cli('frobnicate').code).toBe(2);
  });

  it('deleting staff.token and restarting replaces the operator token and revokes the old one', async () => {
    const old = h.central.staffToken;
    rmSync(join(h.dir, 'staff.token'));
    await h.restart();
    expect(h.central.staffTokenCreated).toBe(true);
    expect(h.central.operatorTokensRevoked).toBe(1);
    expect(h.central.staffToken).not.toBe(old);
    expect(await canReadKeys(old)).toBe(false);
    expect(await canReadKeys(h.central.staffToken)).toBe(true);
    expect(readFileSync(join(h.dir, 'staff.token'), 'utf8').trim()).toBe(h.central.staffToken);
  });
});
