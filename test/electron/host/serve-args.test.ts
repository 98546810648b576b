import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../electron/host/serve-args.ts';

describe('serve options', () => {
  it('defaults to loopback on the default port, and checks flags', () => {
    const r = parseCliArgs(['--data', '/tmp/x', '--fast']);
    expect(r).toMatchObject({ ok: true, args: { listen: { host: '127.0.0.1', port: null }, dataDir: '/tmp/x', fast: true, open: false } });
    expect(parseCliArgs(['--token', 'short'])).toMatchObject({ ok: false, message: expect.stringMatching(/token/) });
    expect(parseCliArgs(['--listen', 'nowhere'])).toMatchObject({ ok: false });
    expect(parseCliArgs(['--bogus'])).toMatchObject({ ok: false });
    expect(parseCliArgs(['--browser'], { browser: { type: 'boolean' } })).toMatchObject({ ok: true, values: { browser: true } });
  });
});

describe('where the token comes from', () => {
  it('reads --token-file or $LUXP1_TOKEN (kept out of the process list), --token as a last resort', () => {
    const dir = mkdtempSync(join(tmpdir(), 'luxp1-token-'));
    try {
      const file = join(dir, 'token');
      writeFileSync(file, 'from-a-file-123\n', { mode: 0o600 });
      expect(parseCliArgs(['--token-file', file], {}, {})).toMatchObject({ ok: true, args: { token: 'from-a-file-123' } });
      expect(parseCliArgs([], {}, { LUXP1_TOKEN: 'from-the-env-1' })).toMatchObject({ ok: true, args: { token: 'from-the-env-1' } });
      expect(parseCliArgs(['--token', 'on-the-line-1'], {}, {})).toMatchObject({ ok: true, args: { token: 'on-the-line-1' } });
      const none = parseCliArgs([], {}, {});
      expect(none.ok && none.args.token).toBeUndefined(); // the server makes one per run
      expect(parseCliArgs(['--token-file', join(dir, 'missing')], {}, {})).toMatchObject({
        ok: false,
        message: expect.stringMatching(/--token-file: cannot read .*ENOENT/),
      });
      expect(parseCliArgs(['--token-file', file], {}, { LUXP1_TOKEN: 'from-the-env-1' })).toMatchObject({
        ok: false,
        message: expect.stringMatching(/one way/),
      });
      writeFileSync(file, 'short');
      expect(parseCliArgs(['--token-file', file], {}, {})).toMatchObject({ ok: false, message: expect.stringMatching(/at least 8/) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes public origins for a reverse proxy, normalised, and refuses what is not an origin', () => {
    expect(parseCliArgs(['--origin', 'https://LuxP1.example.org/', '--origin', 'http://10.0.0.2:8080'], {}, {})).toMatchObject({
      ok: true,
      args: { origins: ['https://luxp1.example.org', 'http://10.0.0.2:8080'] },
    });
    for (const bad of ['luxp1.example.org', 'https://x.example/app', 'ftp://x.example', 'https://u:p@x.example'])
      expect(parseCliArgs(['--origin', bad], {}, {})).toMatchObject({ ok: false, message: expect.stringMatching(/--origin/) });
  });
});
