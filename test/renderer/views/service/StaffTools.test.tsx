// @vitest-environment jsdom
/**
 * The staff tools as a DSO tester uses them: the visible per-window session and how it ends, the
 * confirm steps, the encryption switch, superseded changes, relays, field lists, pairing codes, the
 * audit log, named OBIS codes, errors next to the control that caused them, and the export note.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CentralMeter, ChangeTiming, StaffChange } from '../../../../contracts/ipc.ts';
import { ALWAYS_SENT, PRESET_BASIC } from '../../../../protocol/index.ts';
import { bindApi } from '../../../../renderer/state/bind-api.ts';
import { AppProvider } from '../../../../renderer/state/context.tsx';
import { createAppStore } from '../../../../renderer/state/store.ts';
import { ServiceView } from '../../../../renderer/views/service/ServiceView.tsx';
import { snapshot } from '../../fixtures.ts';
import { createFakeApi, type Handlers } from '../fake-api.ts';

afterEach(cleanup);

const URL_ = 'http://127.0.0.1:4000/';
const meter = (patch: Partial<CentralMeter> = {}): CentralMeter => ({
  meterId: 'SAG1030700012701',
  systemTitle: '534147677001BD54',
  frameCounter: 0,
  createdAt: '2026-01-01T00:00:00Z',
  encryption: true,
  fields: [...PRESET_BASIC],
  preset: 'basic',
  powerLimitKva: 27.6,
  breaker: 'connected',
  relays: { relay1: 'connected', relay2: 'connected' },
  messages: { 0: '', 2: '', 3: '', 4: '', 5: '' },
  mbus: [],
  keyVersion: 1,
  updatedAt: '2026-01-01T00:00:00Z',
  ...patch,
});

const timingOf = (change: StaffChange, id: number, extra: Partial<ChangeTiming> = {}): ChangeTiming => ({
  id,
  change,
  requestedAt: 1000,
  acceptedAt: 1010,
  seenAt: null,
  ...extra,
});

/** Renders the service view signed in (unless `signIn` is false) against a fake host. */
async function setup(handlers: Handlers = {}, opts: { signIn?: boolean; meter?: CentralMeter } = {}) {
  const store = createAppStore();
  let nextId = 1;
  const fake = createFakeApi({
    'app:snapshot': () => ({ ok: true, value: snapshot() }),
    'staff:signIn': () => ({ ok: true, value: { meter: opts.meter ?? meter(), centralUrl: URL_, idleMinutes: 15 } }),
    'staff:meter': () => ({ ok: true, value: opts.meter ?? meter() }),
    'staff:change': (c) => ({ ok: true, value: timingOf(c, nextId++) }),
    'staff:signOut': () => ({ ok: true, value: null }),
    ...handlers,
  });
  bindApi(fake.api, store);
  await waitFor(() => expect(store.getState().loaded).toBe(true));
  render(
    <AppProvider store={store} api={fake.api}>
      <ServiceView />
    </AppProvider>,
  );
  if (opts.signIn !== false) {
    fireEvent.change(screen.getByTestId('staff-token'), { target: { value: 'token' } });
    fireEvent.click(screen.getByTestId('staff-signin-submit'));
    await screen.findByTestId('staff-controls');
  }
  const changes = () => fake.calls.filter((c) => c.channel === 'staff:change').map((c) => c.payload);
  return { ...fake, store, changes };
}

describe('the staff session', () => {
  it('shows "signed in as staff" with the central and the idle timeout, and signs out', async () => {
    const fake = await setup(
      { 'staff:meter': () => ({ ok: false, error: { code: 'NOT_SIGNED_IN', message: 'sign in first' } }) },
      {
        signIn: false,
      },
    );
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'staff:meter')).toBe(true));
    expect(screen.getByTestId('service-staff').dataset.signedIn).toBe('false');
    fireEvent.change(screen.getByTestId('staff-token'), { target: { value: 'token' } });
    fireEvent.click(screen.getByTestId('staff-signin-submit'));
    expect((await screen.findByTestId('staff-signed-in')).textContent).toBe(
      `Signed in as staff on ${URL_}. This window only; you are signed out after 15 minutes without activity.`,
    );
    fireEvent.click(screen.getByTestId('staff-signout'));
    await waitFor(() => expect(screen.getByTestId('service-staff').dataset.signedIn).toBe('false'));
    expect(fake.calls.at(-1)).toEqual({ channel: 'staff:signOut', payload: null });
    expect(screen.queryByTestId('staff-ended')).toBeNull();
  });

  it('says so when the host ends the session after the idle timeout', async () => {
    const fake = await setup();
    act(() => fake.emit('staff:session', { signedIn: false, reason: 'idle', idleMinutes: 15 }));
    const ended = await screen.findByTestId('staff-ended');
    expect(ended.dataset.reason).toBe('idle');
    expect(ended.textContent).toBe('You were signed out after 15 minutes without activity. Sign in again to continue.');
    expect(screen.queryByTestId('staff-controls')).toBeNull();
  });

  it('says the session has ended when the host no longer has it (another connection)', async () => {
    const fake = await setup({ 'staff:change': () => ({ ok: false, error: { code: 'NOT_SIGNED_IN', message: 'sign in first' } }) });
    fireEvent.click(screen.getByTestId('staff-encryption'));
    expect((await screen.findByTestId('staff-ended')).dataset.reason).toBe('lost');
    expect(fake.store.getState().staffEnded).toBeNull();
  });

  it('says the session has ended when the connection to the host dropped and came back', async () => {
    const fake = await setup();
    act(() => fake.store.getState().setHost('closed'));
    expect(screen.getByTestId('service-staff').dataset.signedIn).toBe('true');
    act(() => fake.store.getState().setHost('open'));
    expect((await screen.findByTestId('staff-ended')).textContent).toMatch(/ends when the connection to LuxP1 drops/);
  });

  it('stays signed in and says the central does not answer when it goes away', async () => {
    await setup({
      'staff:meter': () => ({ ok: false, error: { code: 'UNREACHABLE', message: 'central system unreachable: ECONNREFUSED' } }),
    });
    fireEvent.click(screen.getByTestId('staff-refresh'));
    expect((await screen.findByTestId('staff-unreachable')).textContent).toMatch(/does not answer\. You are still signed in/);
    expect(screen.getByTestId('service-staff').dataset.signedIn).toBe('true');
  });
});

describe('changes that cannot be taken back ask first', () => {
  it('rotating the key: nothing is sent until confirmed; Cancel is focused and gives focus back', async () => {
    const { changes } = await setup();
    fireEvent.click(screen.getByTestId('staff-rotate-key'));
    expect(changes()).toEqual([]);
    const ask = screen.getByTestId('staff-rotate-key-confirm');
    expect(ask.tagName).toBe('FIELDSET'); // a group named by its question
    expect(ask.textContent).toMatch(/Rotate the key of meter SAG1030700012701\?.*must pair again/);
    expect(document.activeElement).toBe(screen.getByTestId('staff-rotate-key-cancel'));
    fireEvent.keyDown(ask, { key: 'Escape' });
    expect(screen.queryByTestId('staff-rotate-key-confirm')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('staff-rotate-key'));
    expect(changes()).toEqual([]);
    fireEvent.click(screen.getByTestId('staff-rotate-key'));
    fireEvent.click(screen.getByTestId('staff-rotate-key-yes'));
    await waitFor(() => expect(changes()).toEqual([{ kind: 'rotate-key' }]));
  });

  it('disconnecting the breaker asks; reconnecting does not', async () => {
    const { changes } = await setup({}, { meter: meter({ breaker: 'disconnected' }) });
    expect((screen.getByTestId('staff-breaker') as HTMLSelectElement).value).toBe('disconnected');
    fireEvent.change(screen.getByTestId('staff-breaker'), { target: { value: 'connected' } });
    fireEvent.click(screen.getByTestId('staff-breaker-apply'));
    await waitFor(() => expect(changes()).toEqual([{ kind: 'patch', body: { breaker: 'connected' } }]));
    fireEvent.change(screen.getByTestId('staff-breaker'), { target: { value: 'disconnected' } });
    fireEvent.click(screen.getByTestId('staff-breaker-apply'));
    expect(screen.getByTestId('staff-breaker-apply-confirm').textContent).toMatch(/loses power/);
    expect(changes()).toHaveLength(1);
    fireEvent.click(screen.getByTestId('staff-breaker-apply-yes'));
    await waitFor(() => expect(changes().at(-1)).toEqual({ kind: 'patch', body: { breaker: 'disconnected' } }));
  });
});

describe('the controls', () => {
  it('encryption is one switch that shows the configured state', async () => {
    const { changes } = await setup({}, { meter: meter({ encryption: false }) });
    const sw = screen.getByTestId('staff-encryption');
    expect(sw.getAttribute('role')).toBe('switch');
    expect(sw.getAttribute('aria-checked')).toBe('false');
    expect(sw.textContent).toBe('Encryption is off');
    fireEvent.click(sw);
    await waitFor(() => expect(changes()).toEqual([{ kind: 'patch', body: { encryption: true } }]));
  });

  it('switches relays, and disconnecting one asks first', async () => {
    const { changes } = await setup();
    fireEvent.change(screen.getByTestId('staff-relay2'), { target: { value: 'ready' } });
    fireEvent.click(screen.getByTestId('staff-relay2-apply'));
    await waitFor(() => expect(changes()).toEqual([{ kind: 'patch', body: { relays: { relay2: 'ready' } } }]));
    fireEvent.change(screen.getByTestId('staff-relay1'), { target: { value: 'disconnected' } });
    fireEvent.click(screen.getByTestId('staff-relay1-apply'));
    fireEvent.click(screen.getByTestId('staff-relay1-apply-yes'));
    await waitFor(() => expect(changes().at(-1)).toEqual({ kind: 'patch', body: { relays: { relay1: 'disconnected' } } }));
  });

  it('sends a chosen field list by name, the always-sent objects fixed', async () => {
    const { changes } = await setup();
    const chooser = screen.getByTestId('staff-field-chooser');
    const box = (obis: string) => chooser.querySelector(`input[data-obis="${obis}"]`) as HTMLInputElement;
    expect(box('0-0:42.0.0').disabled).toBe(true);
    expect(box('1-0:1.8.0').closest('label')!.textContent).toBe('Energy imported (A+) (1-0:1.8.0)');
    expect(box('0-2:24.2.1').closest('label')!.textContent).toBe('M-Bus 2 reading (0-2:24.2.1)');
    fireEvent.click(box('1-0:3.8.0'));
    fireEvent.click(box('0-1:24.2.1'));
    fireEvent.click(screen.getByTestId('staff-fields-apply'));
    await waitFor(() => expect(changes()).toHaveLength(1));
    const sent = (changes()[0] as { body: { fields: string[] } }).body.fields;
    expect(sent).toContain('0-1:24.2.1');
    expect(sent).not.toContain('1-0:3.8.0');
    for (const f of ALWAYS_SENT) expect(sent).toContain(f);
    expect(sent).toHaveLength(PRESET_BASIC.length);
  });

  it('issues a pairing code after asking, and shows the audit log', async () => {
    const fake = await setup({
      'staff:pairingCode': () => ({ ok: true, value: { pairingCode: '7K3M-Q9TB-2XWC' } }),
      'staff:audit': () => ({
        ok: true,
        value: {
          entries: [
            {
              at: '2026-11-21T13:00:00Z',
              actor: 'staff:1',
              action: 'breaker',
              before: { breaker: 'connected' },
              after: { breaker: 'ready' },
            },
          ],
        },
      }),
    });
    fireEvent.click(screen.getByTestId('staff-code-issue'));
    expect(fake.calls.some((c) => c.channel === 'staff:pairingCode')).toBe(false);
    fireEvent.click(screen.getByTestId('staff-code-issue-yes'));
    expect((await screen.findByTestId('staff-code-shown')).textContent).toMatch(/7K3M-Q9TB-2XWC\. It is shown once/);
    fireEvent.click(screen.getByTestId('staff-audit-load'));
    const entry = await screen.findByTestId('staff-audit-entry');
    expect(entry.textContent).toMatch(/14:00:00 · staff:1 · breaker/);
    expect(entry.textContent).toContain('{"breaker":"connected"} → {"breaker":"ready"}');
  });

  it('marks a superseded change instead of leaving it waiting for the port', async () => {
    const fake = await setup();
    const first = timingOf({ kind: 'message', channel: '2', text: 'a' }, 41);
    act(() => fake.emit('staff:timing', first));
    expect(screen.getByTestId('service-timing').textContent).toMatch(/waiting for the port/);
    act(() => fake.emit('staff:timing', { ...first, supersededBy: 42 }));
    const row = screen.getByTestId('service-timing');
    expect(row.dataset.superseded).toBe('true');
    expect(row.textContent).toMatch(/superseded by change 42 before the port showed it/);
    expect(row.textContent).not.toMatch(/waiting for the port/);
  });
});

describe('errors where the user acted, in words', () => {
  it('a message the central cannot carry is explained next to its text box, and not sent', async () => {
    const { changes } = await setup();
    // Accents are fine (UTF-8); a line break is not, and neither is more than the meter's 1,024 bytes.
    fireEvent.change(screen.getByTestId('staff-message-text'), { target: { value: 'Stroumausfall um 14:00\nEntschëllegt' } });
    fireEvent.click(screen.getByTestId('staff-message-send'));
    const error = screen.getByTestId('staff-error-message');
    expect(error.textContent).toMatch(/1,024 bytes .*no line breaks/);
    const box = screen.getByTestId('staff-message-text');
    expect(box.getAttribute('aria-describedby')).toBe(error.id);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.closest('fieldset')!.contains(error)).toBe(true);
    expect(changes()).toEqual([]);
  });

  it('a refusal by the host or the central shows beside the control, without channel prefixes', async () => {
    await setup({
      'staff:change': (c) =>
        c.kind === 'message'
          ? { ok: false, error: { code: 'BAD_PAYLOAD', message: 'staff:change: staff: text must be ≤ 1024 printable ASCII characters' } }
          : {
              ok: true,
              value: timingOf(c, 9, { acceptedAt: null, error: { code: 'BAD_REQUEST', message: 'powerLimitKva must be 0 < x <= 999.9' } }),
            },
    });
    fireEvent.click(screen.getByTestId('staff-message-send'));
    const msg = await screen.findByTestId('staff-error-message');
    expect(msg.textContent).toBe('Refused: Text must be ≤ 1024 printable ASCII characters');
    fireEvent.change(screen.getByTestId('staff-power-limit'), { target: { value: '500' } });
    fireEvent.click(screen.getByTestId('staff-power-limit-apply'));
    const limit = await screen.findByTestId('staff-error-powerLimit');
    expect(limit.textContent).toBe('Refused: PowerLimitKva must be 0 < x <= 999.9');
    expect(within(screen.getByTestId('service-timings')).getByTestId('service-timing').textContent).toMatch(/Refused: PowerLimitKva/);
    expect(document.body.textContent).not.toMatch(/staff:change:/);
  });
});

describe('the configured-vs-sent comparison and the export', () => {
  it('names the OBIS codes it lists', async () => {
    const store = createAppStore();
    const fake = createFakeApi({ 'app:snapshot': () => ({ ok: true, value: snapshot() }) });
    bindApi(fake.api, store);
    await waitFor(() => expect(store.getState().loaded).toBe(true));
    const { ConfigCompare } = await import('../../../../renderer/views/service/ConfigCompare.tsx');
    const telegram = {
      header: '/X',
      electricity: { meterId: 'x', importEnergyWh: 1 },
      mbus: [],
      unknown: [],
      crc: 0,
      version: '42',
      timestamp: null,
    };
    render(
      <AppProvider store={store} api={fake.api}>
        <ConfigCompare
          meter={meter({
            fields: ['1-3:0.2.8', '0-0:1.0.0', '0-0:42.0.0', '1-0:2.7.0', '0-3:24.2.1', '9-9:9.9.9'],
            mbus: [{ channel: 3, kind: 'water', deviceType: 7, equipmentId: null, unit: 'm3', valve: 'connected' }],
          })}
          latest={{ receivedAt: 0, encrypted: true, frame: null, telegram }}
        />
      </AppProvider>,
    );
    const missing = screen.getByTestId('service-compare-missing');
    expect(missing.querySelector('[data-obis="1-0:2.7.0"]')!.textContent).toBe('Power exported (P−) 1-0:2.7.0');
    expect(missing.querySelector('[data-obis="0-3:24.2.1"]')!.textContent).toBe('M-Bus 3 reading 0-3:24.2.1');
    expect(missing.querySelector('[data-obis="9-9:9.9.9"]')!.textContent).toBe('an object LuxP1 does not know 9-9:9.9.9');
    expect(screen.getByTestId('service-compare-extra').textContent).toBe('Sent but not configuredEnergy imported (A+) 1-0:1.8.0');
  });

  it('counts frames, not lines, and says what redaction keeps and removes', async () => {
    const ndjson = `${['{"type":"luxp1-capture"}', ...Array.from({ length: 14 }, () => '{"type":"redacted"}')].join('\n')}\n`;
    await setup({ 'capture:export': () => ({ ok: true, value: { fileName: 'c.ndjson', ndjson, frames: 14 } }) }, { signIn: false });
    const what = screen.getByTestId('service-export-what');
    expect(screen.getByTestId('service-export-redact').getAttribute('aria-describedby')).toBe(what.id);
    expect(what.textContent).toMatch(/keeps, per frame: its time, status or error, frame counter/);
    expect(what.textContent).toMatch(/removes the raw bytes, every measured value .* the operator’s messages/);
    fireEvent.click(screen.getByTestId('service-export-button'));
    expect((await screen.findByTestId('service-export-note')).textContent).toBe('Saved c.ndjson (14 frames, redacted).');
    fireEvent.click(screen.getByTestId('service-export-redact'));
    expect(screen.getByTestId('service-export-what').textContent).toMatch(/anyone with the meter key can read every value/);
  });
});
