// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CentralMeter, ChangeTiming, FrameRecord } from '../../../../contracts/ipc.ts';
import { fieldsPresent, parseTelegram } from '../../../../protocol/index.ts';
import { ServiceView } from '../../../../renderer/views/service/ServiceView.tsx';
import { AppProvider } from '../../../../renderer/state/context.tsx';
import { bindApi } from '../../../../renderer/state/bind-api.ts';
import { App } from '../../../../renderer/components/App.tsx';
import { snapshot } from '../../fixtures.ts';
import { createAppStore } from '../../../../renderer/state/store.ts';
import { createFakeApi, type Handlers } from '../fake-api.ts';
import { readFileSync } from 'node:fs';

afterEach(cleanup);

// Paths are relative to the repo root, where vitest runs. A real Smarty capture (test/fixtures/vectors/README.md): the view must pick out its header.
const rawHex = readFileSync('test/fixtures/vectors/smarty_nexxtlab_encrypted.hex', 'utf8').replace(/[^0-9a-fA-F]/g, '');
const text = readFileSync('test/fixtures/vectors/smarty_nexxtlab_decrypted.txt', 'latin1');
const parsed = parseTelegram(text);
if (!parsed.ok) throw new Error(parsed.error.message);
const telegram = parsed.value;

const frame = (at: number): FrameRecord => ({
  at,
  rawHex,
  frame: { systemTitle: '534147677001BD54', frameCounter: 370915, length: 634, securityControl: 0x30, tag: '0D7FD80458595408F2850F17' },
  text,
  status: 'ok',
});

const meter = (fields: string[], encryption: boolean): CentralMeter => ({
  meterId: 'SAG1030700114004',
  systemTitle: '534147677001BD54',
  frameCounter: 0,
  createdAt: '2026-01-01T00:00:00Z',
  encryption,
  fields,
  preset: 'custom',
  powerLimitKva: 27.6,
  breaker: 'connected',
  relays: { relay1: 'disconnected', relay2: 'disconnected' },
  messages: { 0: '', 2: '', 3: '', 4: '', 5: '' },
  mbus: [],
  keyVersion: 1,
  updatedAt: '2026-01-01T00:00:00Z',
});

// As the app runs: bindApi feeds the store from the host's events, the view reads the store.
async function setup(handlers: Handlers, ui = <ServiceView />) {
  const store = createAppStore();
  const fake = createFakeApi({ 'app:snapshot': () => ({ ok: true, value: snapshot() }), ...handlers });
  bindApi(fake.api, store);
  await waitFor(() => expect(store.getState().loaded).toBe(true));
  store.getState().applyReading({ receivedAt: 1000, encrypted: true, frame: frame(1000).frame, telegram });
  render(
    <AppProvider store={store} api={fake.api}>
      {ui}
    </AppProvider>,
  );
  return { ...fake, store };
}

describe('ServiceView', () => {
  it('shows a frame with its header fields picked out and the interval between telegrams', async () => {
    const fake = await setup({});
    act(() => fake.emit('meter:frame', frame(1000)));
    act(() => fake.emit('meter:frame', frame(11_000)));
    expect(screen.getByTestId('service-header-counter').textContent).toBe('370915');
    const hex = screen.getByTestId('service-frame-hex');
    expect(hex.querySelector('[data-part="system-title"]')?.textContent?.trim()).toBe('53 41 47 67 70 01 BD 54');
    expect(hex.querySelector('[data-part="tag"]')?.textContent?.replace(/\s/g, '')).toBe(rawHex.slice(-24).toUpperCase());
    expect(screen.getByTestId('service-frame-text').textContent).toContain('0-0:42.0.0');
    expect(screen.getByTestId('service-interval').dataset.lastSeconds).toBe('10.000');
  });

  it('a page opened later shows the frames the host already counted, and a plain frame claims no tag', async () => {
    const plain: FrameRecord = { at: 21_000, rawHex: '2f', frame: null, text, status: 'ok' };
    await setup({ 'app:snapshot': () => ({ ok: true, value: snapshot({ frames: [plain, frame(11_000), frame(1000)] }) }) });
    expect(screen.getAllByTestId('service-frame-row')).toHaveLength(3);
    expect(screen.queryByText('No frame yet.')).toBeNull();
    expect(screen.getByTestId('service-frame-status').textContent).toBe('CRC verified (unencrypted: a plain telegram has no tag)');
    expect(screen.getByTestId('service-interval').dataset.lastSeconds).toBe('10.000');
  });

  it('offers staff actions only after a valid sign-in, and compares configured with sent fields', async () => {
    const present = fieldsPresent(telegram);
    let current = meter([...present.slice(1), '1-0:99.99.0'], false);
    const timing: ChangeTiming = {
      id: 1,
      change: { kind: 'patch', body: { encryption: true } },
      requestedAt: 0,
      acceptedAt: 12,
      seenAt: null,
    };
    let signedIn = false; // as the host: it keeps the token, the view does not
    const fake = await setup({
      'staff:signIn': (p) => {
        signedIn = p.token === 'good';
        return signedIn
          ? { ok: true, value: { meter: current, centralUrl: 'http://127.0.0.1:1/', idleMinutes: 15 } }
          : { ok: false, error: { code: 'UNAUTHORIZED', message: 'bad staff token' } };
      },
      'staff:meter': () =>
        signedIn ? { ok: true, value: current } : { ok: false, error: { code: 'NOT_SIGNED_IN', message: 'sign in first' } },
      'staff:change': () => {
        current = meter(present, true);
        return { ok: true, value: timing };
      },
    });
    expect(screen.queryByTestId('staff-controls')).toBeNull();
    fireEvent.change(screen.getByTestId('staff-token'), { target: { value: 'bad' } });
    fireEvent.click(screen.getByTestId('staff-signin-submit'));
    await waitFor(() => expect(screen.getByTestId('staff-error').textContent).toBe('The central system does not accept this staff token.'));
    expect(screen.queryByTestId('staff-controls')).toBeNull();

    fireEvent.change(screen.getByTestId('staff-token'), { target: { value: 'good' } });
    fireEvent.click(screen.getByTestId('staff-signin-submit'));
    await waitFor(() => screen.getByTestId('staff-controls'));
    expect(screen.getByTestId('service-compare').dataset.same).toBe('false');
    expect(screen.getByTestId('service-compare-missing').textContent).toContain('1-0:99.99.0');
    expect(screen.getByTestId('service-compare-extra').textContent).toContain(present[0]);
    expect(screen.getByTestId('service-compare-encryption').dataset.match).toBe('false');

    expect(screen.getByTestId('staff-encryption').getAttribute('aria-checked')).toBe('false');
    fireEvent.click(screen.getByTestId('staff-encryption'));
    await waitFor(() => expect(screen.getByTestId('service-compare').dataset.same).toBe('true'));
    expect(screen.getByTestId('staff-encryption').getAttribute('aria-checked')).toBe('true');
    act(() => fake.emit('staff:timing', { ...timing, seenAt: 5000 }));
    const row = screen.getByTestId('service-timing');
    expect(row.dataset.seen).toBe('true');
    expect(row.textContent).toMatch(/on the port after 5[,.]?000 ms/);

    // Leaving the view and coming back (a tab switch remounts it) keeps the host's staff session and its terms.
    cleanup();
    render(
      <AppProvider store={fake.store} api={fake.api}>
        <ServiceView />
      </AppProvider>,
    );
    await waitFor(() => screen.getByTestId('staff-controls'));
    expect(screen.getByTestId('service-staff').dataset.signedIn).toBe('true');
    expect(screen.getByTestId('staff-signed-in').textContent).toMatch(
      /^Signed in as staff on http:\/\/127\.0\.0\.1:1\/\. This window only/,
    );
    // A page reload starts with an empty store: still signed in if the host says so, terms unknown.
    cleanup();
    render(
      <AppProvider store={createAppStore()} api={fake.api}>
        <ServiceView />
      </AppProvider>,
    );
    await waitFor(() => screen.getByTestId('staff-controls'));
    expect(screen.getByTestId('staff-signed-in').textContent).toBe('Signed in as staff. This window only.');
  });

  it('keeps frames, intervals and change timings across a tab switch, and shows Luxembourg time', async () => {
    const at = Date.parse('2025-03-12T14:55:56Z'); // 15:55:56 in Luxembourg
    const fake = await setup({}, <App />);
    const timing: ChangeTiming = {
      id: 7,
      change: { kind: 'patch', body: { encryption: false } },
      requestedAt: at,
      acceptedAt: at + 20,
      seenAt: at + 900,
    };
    // Fed while the dashboard is shown: the service view has never been mounted.
    act(() => {
      fake.emit('meter:frame', frame(at - 10_000));
      fake.emit('meter:frame', frame(at));
      fake.emit('staff:timing', timing);
    });
    fireEvent.click(screen.getByTestId('tab-service'));
    expect(screen.getAllByTestId('service-frame-row')).toHaveLength(2);
    expect(screen.getAllByTestId('service-frame-row')[0]!.textContent).toContain('15:55:56');
    expect(screen.getAllByTestId('service-frame-row')[0]!.textContent).not.toMatch(/PM|AM/);
    expect(screen.getByTestId('service-interval').dataset.lastSeconds).toBe('10.000');
    expect(fake.store.getState().timings.map((x) => x.id)).toEqual([7]);

    fireEvent.click(screen.getByTestId('tab-dashboard'));
    act(() => fake.emit('meter:frame', frame(at + 10_000)));
    fireEvent.click(screen.getByTestId('tab-service'));
    expect(screen.getAllByTestId('service-frame-row')).toHaveLength(3);
    expect(screen.getByTestId('service-interval').dataset.lastSeconds).toBe('10.000');
  });

  it('lists frames that arrive in the same millisecond as separate rows, and keeps the picked one', async () => {
    const at = Date.parse('2025-03-12T14:55:56Z');
    const fake = await setup({}, <App />);
    act(() => {
      fake.emit('meter:frame', { ...frame(at), status: 'ok' });
      fake.emit('meter:frame', { ...frame(at), status: 'AUTH_FAILED' });
    });
    fireEvent.click(screen.getByTestId('tab-service'));
    const rows = screen.getAllByTestId('service-frame-row');
    expect(rows.map((r) => r.dataset.status)).toEqual(['AUTH_FAILED', 'ok']);
    fireEvent.click(rows[1]!.querySelector('button')!);
    act(() => fake.emit('meter:frame', { ...frame(at), status: 'CRC_MISMATCH' }));
    const after = screen.getAllByTestId('service-frame-row');
    expect(after.map((r) => r.dataset.status)).toEqual(['CRC_MISMATCH', 'AUTH_FAILED', 'ok']);
    expect(after[2]!.querySelector('button')!.getAttribute('aria-pressed')).toBe('true');
  });
});
