import { describe, expect, it } from 'vitest';
import { checkIntegrations, checkIntegrationsPatch, DEFAULT_INTEGRATIONS } from '../../contracts/integrations.ts';

describe('integrations setting', () => {
  it('keeps the valid parts, fills defaults and names each unusable field', () => {
    expect(checkIntegrations({ mqtt: { url: 'mqtt://b' } })).toEqual({
      value: { ...DEFAULT_INTEGRATIONS, mqtt: { url: 'mqtt://b', baseTopic: 'luxp1', discovery: true, discoveryPrefix: 'homeassistant' } },
      rejected: [],
    });
    const r = checkIntegrations({
      mqtt: { url: 'mqtt://b', username: 42, baseTopic: 'a/#', passwordFile: '/etc/pw' },
      reserve: { host: '127.0.0.1', port: 70000 },
      api: { host: '0.0.0.0', port: 8419, tokenFile: '/etc/t' },
    });
    expect(r.rejected).toEqual(['integrations.mqtt.username', 'integrations.mqtt.baseTopic', 'integrations.reserve']);
    expect(r.value).toEqual({
      mqtt: { url: 'mqtt://b', passwordFile: '/etc/pw', baseTopic: 'luxp1', discovery: true, discoveryPrefix: 'homeassistant' },
      reserve: null,
      api: { host: '0.0.0.0', port: 8419, tokenFile: '/etc/t' },
    });
    expect(checkIntegrations({ mqtt: { url: 'mqtt://user:secret@b' } })).toMatchObject({
      value: { mqtt: null },
      rejected: ['integrations.mqtt.url'],
    });
    expect(checkIntegrations('nonsense')).toEqual({ value: DEFAULT_INTEGRATIONS, rejected: ['integrations'] });
  });

  it('takes a password from the renderer but never a password file, and refuses a bad patch as a whole', () => {
    const r = checkIntegrationsPatch({
      mqtt: { url: 'mqtts://b', password: 'pw with spaces', passwordFile: '/etc/shadow' },
      reserve: null,
      api: null,
    });
    expect(r).toEqual({
      ok: true,
      value: {
        mqtt: { url: 'mqtts://b', password: 'pw with spaces', baseTopic: 'luxp1', discovery: true, discoveryPrefix: 'homeassistant' },
        reserve: null,
        api: null,
      },
    });
    expect(checkIntegrationsPatch({ mqtt: null, reserve: { host: '', port: 1 }, api: null })).toEqual({
      ok: false,
      message: 'invalid integrations.reserve',
    });
    expect(checkIntegrationsPatch([])).toEqual({ ok: false, message: 'expected an object' });
  });
});
