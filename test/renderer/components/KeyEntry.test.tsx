// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { KeyEntry } from '../../../renderer/components/KeyEntry.tsx';
import { KEY_MANUAL, fakeApi } from '../fixtures.ts';
import { renderApp } from '../render-app.tsx';

const KEY = '0123456789abcdef0123456789ABCDEF';

function type(value: string): HTMLInputElement {
  const input = screen.getByTestId('key-input') as HTMLInputElement;
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
  return input;
}

describe('KeyEntry', () => {
  it('explains a wrong length inline and sends nothing', () => {
    const fake = fakeApi();
    renderApp(<KeyEntry />, { api: fake.api });
    const input = type('0123');
    expect(screen.getByTestId('key-error').textContent).toMatch(/32 hexadecimal digits.*you typed 4/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(screen.getByTestId('key-save'));
    expect(fake.calls).toEqual([]);
  });

  it('refuses the published authentication key with the reason', () => {
    const fake = fakeApi();
    renderApp(<KeyEntry />, { api: fake.api });
    type('00112233 44556677 8899aabb ccddeeff');
    expect(screen.getByTestId('key-error').textContent).toMatch(/public authentication key.*cannot decrypt/);
    fireEvent.click(screen.getByTestId('key-save'));
    expect(fake.calls).toEqual([]);
  });

  it('sends a valid key normalised, then empties the field and never shows the key', async () => {
    const fake = fakeApi({ 'key:set': () => ({ ok: true, value: { ...KEY_MANUAL, check: 'verified' } }) });
    const { container } = renderApp(<KeyEntry />, { api: fake.api });
    type(KEY);
    expect(screen.queryByTestId('key-error')).toBeNull();
    fireEvent.click(screen.getByTestId('key-save'));
    await expect.poll(() => screen.getByTestId('key-result').textContent).toBe('Key saved: it opens the frames arriving on the port.');
    expect(fake.calls).toEqual([{ channel: 'key:set', payload: { hex: KEY.toUpperCase() } }]);
    expect((screen.getByTestId('key-input') as HTMLInputElement).value).toBe('');
    expect(screen.getByTestId('key-status').textContent).toBe('A key is stored (typed in, kept in a local file).');
    expect(container.innerHTML.toUpperCase()).not.toContain(KEY.toUpperCase());
  });

  it('keeps the working key and the typed one when the typed key does not open the frames', async () => {
    const fake = fakeApi({ 'key:set': () => ({ ok: false, error: { code: 'KEY_FAILS', message: 'key:set: does not verify' } }) });
    const { store } = renderApp(<KeyEntry />, { api: fake.api });
    act(() => store.getState().setKey(KEY_MANUAL));
    type(KEY);
    fireEvent.click(screen.getByTestId('key-save'));
    await expect
      .poll(() => screen.getByTestId('key-result').textContent)
      .toMatch(/^This key does not open the frames arriving from .*the key in use stays\.$/);
    expect((screen.getByTestId('key-input') as HTMLInputElement).value).toBe(KEY);
    expect(store.getState().key).toEqual(KEY_MANUAL);
  });

  it('says when a key is stored without a frame to check it on', async () => {
    const fake = fakeApi({ 'key:set': () => ({ ok: true, value: { ...KEY_MANUAL, check: 'unchecked' } }) });
    const { store } = renderApp(<KeyEntry />, { api: fake.api });
    type(KEY);
    fireEvent.click(screen.getByTestId('key-save'));
    await expect.poll(() => screen.getByTestId('key-result').textContent).toMatch(/No encrypted frame has arrived yet/);
    expect(store.getState().key).toEqual(KEY_MANUAL); // the check flag is not part of the key status
  });

  it('shows the host refusing the key', async () => {
    const fake = fakeApi({ 'key:set': () => ({ ok: false, error: { code: 'INTERNAL', message: 'disk full' } }) });
    renderApp(<KeyEntry />, { api: fake.api });
    type(KEY);
    fireEvent.click(screen.getByTestId('key-save'));
    await expect.poll(() => screen.getByTestId('key-result').textContent).toMatch(/disk full/);
  });

  it('asks inline before removing the stored key, and a cancel removes nothing', async () => {
    const NO_KEY = { ...KEY_MANUAL, hasKey: false, origin: null };
    const fake = fakeApi({ 'key:clear': () => ({ ok: true, value: NO_KEY }) });
    const { store } = renderApp(<KeyEntry />, { api: fake.api });
    act(() => store.getState().setKey(KEY_MANUAL));
    fireEvent.click(await screen.findByTestId('key-clear'));
    expect(fake.calls).toEqual([]);
    expect(screen.getByTestId('key-clear-confirm').textContent).toMatch(/Remove the stored key\?/);
    expect(document.activeElement).toBe(screen.getByTestId('key-clear-cancel'));
    fireEvent.click(screen.getByTestId('key-clear-cancel'));
    expect(screen.queryByTestId('key-clear-confirm')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('key-clear'));
    expect(fake.calls).toEqual([]);

    fireEvent.click(screen.getByTestId('key-clear'));
    fireEvent.click(screen.getByTestId('key-clear-yes'));
    await expect.poll(() => screen.getByTestId('key-result').textContent).toBe('Key removed.');
    expect(fake.calls).toEqual([{ channel: 'key:clear', payload: null }]);
    expect(screen.queryByTestId('key-clear')).toBeNull();
    expect(screen.getByTestId('key-status').textContent).toBe('No key is stored.');
  });
});
