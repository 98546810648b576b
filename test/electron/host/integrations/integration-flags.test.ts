import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../../electron/host/serve-args.ts';
import { integrationsFromEnv } from '../../../../electron/host/integrations/integration-flags.ts';

const dir = mkdtempSync(join(tmpdir(), 'luxp1-flags-'));
const secret = join(dir, 'secret');
writeFileSync(secret, 'not-echoed-anywhere\n', { mode: 0o600 });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const parse = (...argv: string[]) => parseCliArgs(argv, {}, {});

describe('luxp1 serve integration flags', () => {
  it('turns the flags into the integrations of this run', () => {
    const r = parse(
      '--mqtt',
      'mqtts://broker.lan:8883',
      '--mqtt-user',
      'home',
      '--mqtt-password-file',
      secret,
      '--reserve',
      '127.0.0.1:2001',
      '--api',
      '[::1]:8419',
    );
    expect(r.ok && r.args.integrations).toEqual({
      mqtt: {
        url: 'mqtts://broker.lan:8883',
        username: 'home',
        passwordFile: secret,
        baseTopic: 'luxp1',
        discovery: true,
        discoveryPrefix: 'homeassistant',
      },
      reserve: { host: '127.0.0.1', port: 2001 },
      api: { host: '::1', port: 8419 },
    });
    const none = parse();
    expect(none.ok && none.args.integrations).toBeUndefined();
    const prefixed = parse('--mqtt', 'mqtt://broker.lan', '--mqtt-discovery-prefix', 'ha');
    expect(prefixed.ok && prefixed.args.integrations?.mqtt?.discoveryPrefix).toBe('ha');
  });

  it('refuses what cannot work, in one line', () => {
    const message = (...argv: string[]) => {
      const r = parse(...argv);
      return r.ok ? null : r.message;
    };
    expect(message('--mqtt', 'http://broker')).toBe('--mqtt: expected mqtt:// or mqtts://, got http://');
    expect(message('--mqtt', 'mqtt://u:pw@broker')).toBe('--mqtt: put no password in the URL; give it in a file');
    expect(message('--mqtt-user', 'home')).toBe('--mqtt-user needs --mqtt URL');
    expect(message('--mqtt-discovery-prefix', 'ha')).toBe('--mqtt-discovery-prefix needs --mqtt URL');
    expect(message('--mqtt', 'mqtt://b', '--mqtt-discovery-prefix', 'home/#')).toBe(
      '--mqtt-discovery-prefix: no wildcards (# +), not starting with /',
    );
    expect(message('--mqtt', 'mqtt://b', '--mqtt-password-file', join(dir, 'missing'))).toMatch(
      /^--mqtt-password-file: cannot read .*missing: ENOENT$/,
    );
    expect(message('--reserve', 'nowhere')).toBe('--reserve expects HOST:PORT, got "nowhere"');
    expect(message('--api', '0.0.0.0:8419')).toBe('--api on 0.0.0.0 (beyond this computer) needs --api-token-file FILE');
    expect(message('--api', '0.0.0.0:8419', '--api-token-file', secret)).toBeNull();
    expect(message('--api-token-file', secret)).toBe('--api-token-file needs --api HOST:PORT');
  });

  it('reach the desktop app through $LUXP1_INTEGRATIONS unchanged, and only the parts the flags named', () => {
    const r = parse('--reserve', '127.0.0.1:2001', '--mqtt', 'mqtt://b', '--mqtt-password-file', secret);
    const flags = r.ok ? r.args.integrations : undefined;
    expect(integrationsFromEnv(JSON.stringify(flags))).toEqual(flags);
    expect(integrationsFromEnv(JSON.stringify(flags))).not.toHaveProperty('api');
    expect(JSON.stringify(flags)).not.toContain('not-echoed-anywhere'); // a path, never the password
    expect(integrationsFromEnv('{not json')).toBeUndefined();
    expect(integrationsFromEnv(undefined)).toBeUndefined();
  });
});
