import { describe, expect, it } from 'vitest';
import { parseCliArgs, parseListen } from '../../../electron/host/serve-cli.ts';

describe('serve options', () => {
  it('parses HOST:PORT, IPv6 in brackets, and refuses the rest', () => {
    expect(parseListen('127.0.0.1:8418')).toEqual({ host: '127.0.0.1', port: 8418 });
    expect(parseListen('[::1]:0')).toEqual({ host: '::1', port: 0 });
    expect(parseListen('0.0.0.0:70000')).toBeNull();
    expect(parseListen('8418')).toBeNull();
  });

  it('defaults to loopback on the default port, and checks flags', () => {
    const r = parseCliArgs(['--data', '/tmp/x', '--fast']);
    expect(r).toMatchObject({ ok: true, args: { listen: { host: '127.0.0.1', port: null }, dataDir: '/tmp/x', fast: true, open: false } });
    expect(parseCliArgs(['--token', 'short'])).toMatchObject({ ok: false, message: expect.stringMatching(/token/) });
    expect(parseCliArgs(['--listen', 'nowhere'])).toMatchObject({ ok: false });
    expect(parseCliArgs(['--bogus'])).toMatchObject({ ok: false });
    expect(parseCliArgs(['--browser'], { browser: { type: 'boolean' } })).toMatchObject({ ok: true, values: { browser: true } });
  });
});
