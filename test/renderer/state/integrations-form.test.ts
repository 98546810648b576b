import { describe, expect, it } from 'vitest';
import type { IntegrationsView } from '../../../contracts/integrations.ts';
import { formOf, patchOf } from '../../../renderer/state/integrations-form.ts';

const OFF = { state: 'off' } as const;
const view: IntegrationsView = {
  mqtt: {
    url: 'mqtts://b.lan:8883',
    baseTopic: 'home/p1',
    discovery: false,
    discoveryPrefix: 'ha',
    caFile: '/etc/ca.pem',
    hasPassword: true,
  },
  reserve: { host: '::1', port: 2001 },
  api: null,
  status: { mqtt: OFF, reserve: OFF, api: OFF },
  fromFlags: [],
};

describe('integrations form', () => {
  it('round-trips the host view; an empty password field keeps the saved password, a typed one is sent as typed', () => {
    const form = formOf(view);
    expect(form).toMatchObject({ password: '', reserve: '[::1]:2001', apiOn: false, api: '127.0.0.1:8419' });
    expect(patchOf(form)).toEqual({
      mqtt: { url: 'mqtts://b.lan:8883', baseTopic: 'home/p1', discovery: false, discoveryPrefix: 'ha', caFile: '/etc/ca.pem' },
      reserve: { host: '::1', port: 2001 },
      api: null,
    });
    expect(patchOf({ ...form, password: ' two words ' })?.mqtt).toMatchObject({ password: ' two words ' });
  });

  it('turns parts off, and refuses an address that is not HOST:PORT', () => {
    expect(patchOf({ ...formOf(view), mqttOn: false, reserveOn: false })).toEqual({ mqtt: null, reserve: null, api: null });
    expect(patchOf({ ...formOf(view), apiOn: true, api: 'localhost' })).toBeNull();
  });
});
