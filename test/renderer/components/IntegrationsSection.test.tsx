// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { IntegrationsView } from '../../../contracts/integrations.ts';
import { IntegrationsSection } from '../../../renderer/components/IntegrationsSection.tsx';
import { fakeApi } from '../fixtures.ts';
import { renderApp } from '../render-app.tsx';

const OFF = { state: 'off' } as const;
const VIEW: IntegrationsView = {
  mqtt: {
    url: 'mqtt://broker.lan',
    username: 'home',
    baseTopic: 'luxp1',
    discovery: true,
    discoveryPrefix: 'homeassistant',
    hasPassword: true,
  },
  reserve: null,
  api: null,
  status: { mqtt: { state: 'connecting', address: 'mqtt://broker.lan' }, reserve: OFF, api: OFF },
  fromFlags: [],
};

const change = (testid: string, value: string) => fireEvent.change(screen.getByTestId(testid), { target: { value } });

describe('IntegrationsSection', () => {
  it('shows each integration with its live status, and never the saved password', async () => {
    const fake = fakeApi({ 'integrations:get': () => ({ ok: true, value: VIEW }) });
    renderApp(<IntegrationsSection />, { api: fake.api });
    expect((await screen.findByTestId('integrations-mqtt-status')).textContent).toBe('Connecting…');
    expect((screen.getByTestId('integrations-mqtt-password') as HTMLInputElement).value).toBe('');
    expect(screen.getByText('A password is saved. Leave this empty to keep it.')).toBeTruthy();
    act(() =>
      fake.emit('integrations:status', {
        ...VIEW,
        status: { ...VIEW.status, mqtt: { state: 'error', message: 'Connection refused: Not authorized; retrying in 4 s' } },
      }),
    );
    expect(screen.getByTestId('integrations-mqtt-status').textContent).toBe('Error: Connection refused: Not authorized; retrying in 4 s');
    act(() =>
      fake.emit('integrations:status', { ...VIEW, status: { ...VIEW.status, mqtt: { state: 'connected', address: 'mqtt://broker.lan' } } }),
    );
    expect(screen.getByTestId('integrations-mqtt-status').textContent).toBe('Connected to mqtt://broker.lan');
  });

  it('warns before re-serving beyond loopback, and sends what the form says (empty password = keep it)', async () => {
    const fake = fakeApi({
      'integrations:get': () => ({ ok: true, value: VIEW }),
      'integrations:set': () => ({
        ok: true,
        value: {
          ...VIEW,
          reserve: { host: '0.0.0.0', port: 2001 },
          status: { ...VIEW.status, reserve: { state: 'listening', address: '0.0.0.0:2001' } },
        },
      }),
    });
    renderApp(<IntegrationsSection />, { api: fake.api });
    fireEvent.click(await screen.findByTestId('integrations-reserveOn'));
    expect(screen.queryByTestId('integrations-reserve-warning')).toBeNull();
    change('integrations-reserve-address', '0.0.0.0:2001');
    expect(screen.getByTestId('integrations-reserve-warning').textContent).toMatch(/every telegram goes out decrypted/);
    await act(async () => fireEvent.click(screen.getByTestId('integrations-save')));
    expect(fake.calls.find((c) => c.channel === 'integrations:set')?.payload).toEqual({
      mqtt: { url: 'mqtt://broker.lan', username: 'home', baseTopic: 'luxp1', discovery: true, discoveryPrefix: 'homeassistant' },
      reserve: { host: '0.0.0.0', port: 2001 },
      api: null,
    });
    expect(screen.getByTestId('integrations-reserve-status').textContent).toBe('Listening on 0.0.0.0:2001');
    expect(screen.getByTestId('integrations-result').textContent).toBe('Applied.');
  });

  it('refuses an address that is not HOST:PORT without sending anything', async () => {
    const fake = fakeApi({ 'integrations:get': () => ({ ok: true, value: VIEW }) });
    renderApp(<IntegrationsSection />, { api: fake.api });
    fireEvent.click(await screen.findByTestId('integrations-apiOn'));
    change('integrations-api-address', 'localhost');
    await act(async () => fireEvent.click(screen.getByTestId('integrations-save')));
    expect(screen.getByTestId('integrations-result').textContent).toBe('Expected an address as HOST:PORT, for example 127.0.0.1:2001.');
    expect(fake.calls.some((c) => c.channel === 'integrations:set')).toBe(false);
  });
});
