// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PairingOutcome, PortHealth } from '../../../../contracts/ipc.ts';
import { PairingView } from '../../../../renderer/views/pairing/PairingView.tsx';
import { describeSystemTitle } from '../../../../renderer/views/pairing/system-title.ts';
import { AppProvider } from '../../../../renderer/state/context.tsx';
import { createAppStore } from '../../../../renderer/state/store.ts';
import { createFakeApi, type Handlers } from '../fake-api.ts';

afterEach(cleanup);

const health = (diagnosis: PortHealth['diagnosis'], systemTitle: string | null = null): PortHealth => ({
  encrypted: systemTitle !== null,
  systemTitle,
  lastFrameCounter: null,
  countingSince: null,
  lastTelegramAt: null,
  framesDecoded: 0,
  rejected: { AUTH_FAILED: 0, CRC_MISMATCH: 0, REPLAY: 0, NO_KEY: 0, MALFORMED: 0, PLAIN_REFUSED: 0 },
  counterGaps: 0,
  framesMissed: 0,
  noiseBytes: 0,
  diagnosis,
});

function setup(handlers: Handlers, diagnosis: PortHealth['diagnosis'], title: string | null = null) {
  const store = createAppStore();
  const fake = createFakeApi(handlers);
  store.getState().setLink({ status: 'open', source: null, since: 0, lastDataAt: null });
  store.getState().setHealth(health(diagnosis, title));
  render(
    <AppProvider store={store} api={fake.api}>
      <PairingView />
    </AppProvider>,
  );
  return { store, fake };
}

async function pairWith(code: string): Promise<HTMLElement> {
  fireEvent.change(screen.getByTestId('pairing-meter-id'), { target: { value: 'SAG1030700012701' } });
  fireEvent.change(screen.getByTestId('pairing-code'), { target: { value: code } });
  fireEvent.click(screen.getByTestId('pairing-submit'));
  return waitFor(() => screen.getByTestId('pairing-outcome'));
}

describe('PairingView', () => {
  it('names the system title it sees, readable', () => {
    setup({}, 'encrypted-no-key', '534147677001BD54');
    expect(screen.getByTestId('pairing-port').dataset.diagnosis).toBe('encrypted-no-key');
    expect(screen.getByTestId('pairing-port-finding').textContent).toContain('SAG 677001BD54');
    // Named once, inside the sentence, not again on a line of its own.
    expect(screen.getAllByTestId('pairing-system-title')).toHaveLength(1);
    expect(screen.getByTestId('pairing-port-finding').contains(screen.getByTestId('pairing-system-title'))).toBe(true);
    expect(screen.getByTestId('pairing-port').textContent!.split('534147677001BD54')).toHaveLength(2);
    expect(describeSystemTitle('0102030405060708')).toBe('0102030405060708');
  });

  it('gives cable hints when there is no signal', () => {
    setup({}, 'no-signal');
    expect(screen.getByTestId('pairing-hints').textContent).toMatch(/inverted/);
  });

  it('says how many attempts are left after a wrong code, then accepts the right one', async () => {
    const outcomes: PairingOutcome[] = [
      { status: 'bad-code', attemptsLeft: 4 },
      { status: 'paired', meterId: 'SAG1030700012701', systemTitle: null, verified: true },
    ];
    const { fake } = setup({ 'pairing:pair': () => ({ ok: true, value: outcomes.shift()! }) }, 'encrypted-no-key', '534147677001BD54');
    const first = await pairWith('WRONG');
    expect(first.dataset.status).toBe('bad-code');
    expect(first.textContent).toContain('4 attempts left');
    fireEvent.change(screen.getByTestId('pairing-code'), { target: { value: 'RIGHT' } });
    fireEvent.click(screen.getByTestId('pairing-submit'));
    await waitFor(() => expect(screen.getByTestId('pairing-outcome').dataset.status).toBe('paired'));
    expect(fake.calls.filter((c) => c.channel === 'pairing:pair').map((c) => c.payload)).toEqual([
      { meterId: 'SAG1030700012701', code: 'WRONG' },
      { meterId: 'SAG1030700012701', code: 'RIGHT' },
    ]);
  });

  it('offers retry and manual entry when the central is unreachable', async () => {
    setup({ 'pairing:pair': () => ({ ok: true, value: { status: 'unreachable', message: 'ECONNREFUSED' } }) }, 'encrypted-no-key');
    const outcome = await pairWith('X');
    expect(outcome.textContent).toContain('ECONNREFUSED');
    fireEvent.click(screen.getByTestId('pairing-manual-open'));
    expect(screen.getByTestId('pairing-manual')).toBeTruthy();
  });

  it('refuses the published authentication key by hand, and stores a real one', async () => {
    const { fake } = setup(
      {
        'key:set': () => ({
          ok: true,
          value: { hasKey: true, origin: 'manual', meterId: null, systemTitle: null, storage: 'file', check: 'verified' },
        }),
      },
      'encrypted-no-key',
    );
    fireEvent.click(screen.getByTestId('pairing-manual-toggle'));
    fireEvent.change(screen.getByTestId('pairing-manual-key'), { target: { value: '00112233 44556677 8899aabb ccddeeff' } });
    fireEvent.click(screen.getByTestId('pairing-manual-submit'));
    await waitFor(() => expect(screen.getByTestId('pairing-manual-note').dataset.status).toBe('published'));
    expect(fake.calls.some((c) => c.channel === 'key:set')).toBe(false);
    fireEvent.change(screen.getByTestId('pairing-manual-key'), { target: { value: 'AE BD 21 B7 69 A5 0E 5E 2C 1A 7F 3E 4B 5C 6D 7E' } });
    fireEvent.click(screen.getByTestId('pairing-manual-submit'));
    await waitFor(() => expect(screen.getByTestId('pairing-manual-note').dataset.status).toBe('saved'));
    expect(fake.calls.find((c) => c.channel === 'key:set')?.payload).toEqual({ hex: 'AEBD21B769A50E5E2C1A7F3E4B5C6D7E' });
  });

  it('turns a key rotation into a one-click re-pair', async () => {
    const { store } = setup({}, 'key-ok', '534147677001BD54');
    expect(screen.queryByTestId('pairing-repair')).toBeNull();
    act(() => store.getState().setHealth(health('key-rotated', '534147677001BD54')));
    expect(screen.getByTestId('pairing-port-finding').textContent).toMatch(/operator changed the key/);
    expect(screen.getByTestId('pairing-system-title').textContent).toBe('SAG 677001BD54 (534147677001BD54)');
    fireEvent.click(screen.getByTestId('pairing-repair'));
    expect(document.activeElement).toBe(screen.getByTestId('pairing-code'));
  });

  it('re-pairs in one step when the meter id is known: only the new code is asked for', async () => {
    const { store, fake } = setup(
      { 'pairing:pair': (p) => ({ ok: true, value: { status: 'paired', meterId: p.meterId, systemTitle: null, verified: true } }) },
      'key-ok',
      '534147677001BD54',
    );
    store.getState().setKey({ hasKey: true, origin: 'pairing', meterId: 'SAG1030700012701', systemTitle: null, storage: 'file' });
    act(() => store.getState().setHealth(health('key-rotated', '534147677001BD54')));
    const form = screen.getByTestId('pairing-repair-form');
    expect(form.textContent).toContain('New pairing code for meter SAG1030700012701');
    fireEvent.change(screen.getByTestId('pairing-repair-code'), { target: { value: ' 7K3M-Q9TB-2XWC ' } });
    fireEvent.click(screen.getByTestId('pairing-repair'));
    await waitFor(() => expect(form.querySelector('[data-testid="pairing-outcome"]')?.getAttribute('data-status')).toBe('paired'));
    // The new key turns the port to key-ok: the answer stays, the code field goes.
    act(() => store.getState().setHealth(health('key-ok', '534147677001BD54')));
    expect(screen.getByTestId('pairing-repair-form').querySelector('[data-testid="pairing-outcome"]')?.textContent).toMatch(/Key accepted/);
    expect(screen.queryByTestId('pairing-repair-code')).toBeNull();
    // The new key turns the port to key-ok: the answer stays, the code field goes.
    act(() => store.getState().setHealth(health('key-ok', '534147677001BD54')));
    expect(screen.getByTestId('pairing-repair-form').querySelector('[data-testid="pairing-outcome"]')?.textContent).toMatch(/Key accepted/);
    expect(screen.queryByTestId('pairing-repair-code')).toBeNull();
    expect(fake.calls.filter((c) => c.channel === 'pairing:pair').map((c) => c.payload)).toEqual([
      { meterId: 'SAG1030700012701', code: '7K3M-Q9TB-2XWC' },
    ]);
  });

  it('says a typed key does not open the frames and that the working key stays', async () => {
    setup(
      { 'key:set': () => ({ ok: false, error: { code: 'KEY_FAILS', message: 'key:set: does not verify' } }) },
      'key-ok',
      '534147677001BD54',
    );
    fireEvent.click(screen.getByTestId('pairing-manual-toggle'));
    fireEvent.change(screen.getByTestId('pairing-manual-key'), { target: { value: 'AE BD 21 B7 69 A5 0E 5E 2C 1A 7F 3E 4B 5C 6D 7E' } });
    fireEvent.click(screen.getByTestId('pairing-manual-submit'));
    await waitFor(() => expect(screen.getByTestId('pairing-manual-note').dataset.status).toBe('fails'));
    expect(screen.getByTestId('pairing-manual-note').textContent).toBe(
      'This key does not open the frames arriving from 534147677001BD54. Nothing was changed: the key in use stays.',
    );
  });
});
