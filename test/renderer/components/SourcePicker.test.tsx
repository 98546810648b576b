// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SourcePicker } from '../../../renderer/components/SourcePicker.tsx';
import { LINK_OPEN, fakeApi } from '../fixtures.ts';
import { renderApp } from '../render-app.tsx';

function picker() {
  const fake = fakeApi({
    'source:get': () => ({ ok: true, value: { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 115200 } }),
    'ports:list': () => ({
      ok: true,
      value: { ports: [{ path: '/dev/ttyUSB0', manufacturer: 'FTDI' }], warning: 'You may need the dialout group.' },
    }),
    'source:set': () => ({ ok: true, value: { ...LINK_OPEN, status: 'connecting' } }),
  });
  const view = renderApp(<SourcePicker />, { api: fake.api });
  return { ...view, calls: fake.calls };
}

describe('SourcePicker', () => {
  it('prefills the running serial source, lists ports with the warning, and applies a typed path', async () => {
    const { calls, store } = picker();
    await expect.poll(() => (screen.queryByTestId('source-path') as HTMLInputElement | null)?.value).toBe('/dev/ttyUSB0');
    await expect.poll(() => screen.queryByTestId('ports-warning')?.textContent).toBe('You may need the dialout group.');
    expect(screen.getByTestId('source-port-list').textContent).toMatch(/FTDI/);

    fireEvent.change(screen.getByTestId('source-path'), { target: { value: '/dev/pts/7' } });
    fireEvent.change(screen.getByTestId('source-baud'), { target: { value: '9600' } });
    fireEvent.click(screen.getByTestId('source-apply'));
    await expect.poll(() => screen.getByTestId('source-result').textContent).toBe('Source set: Connecting');
    expect(calls.at(-1)).toEqual({ channel: 'source:set', payload: { kind: 'serial', path: '/dev/pts/7', baudRate: 9600 } });
    expect(store.getState().link?.status).toBe('connecting');
  });

  it('sends TCP host:port and refuses an incomplete form without calling the host', async () => {
    const { calls } = picker();
    fireEvent.click(screen.getByTestId('source-kind-tcp'));
    fireEvent.change(screen.getByTestId('source-host'), { target: { value: '192.168.1.20' } });
    fireEvent.click(screen.getByTestId('source-apply'));
    await expect.poll(() => screen.getByTestId('source-result').textContent).toMatch(/Fill in every field/);
    expect(calls.some((c) => c.channel === 'source:set')).toBe(false);

    fireEvent.change(screen.getByTestId('source-tcp-port'), { target: { value: '8088' } });
    fireEvent.click(screen.getByTestId('source-apply'));
    await expect.poll(() => calls.at(-1)).toEqual({ channel: 'source:set', payload: { kind: 'tcp', host: '192.168.1.20', port: 8088 } });
  });

  it('sends a capture file with its speed, and the demo', async () => {
    const { calls } = picker();
    fireEvent.click(screen.getByTestId('source-kind-file'));
    fireEvent.change(screen.getByTestId('source-file'), { target: { value: '/tmp/cap.ndjson' } });
    fireEvent.change(screen.getByTestId('source-speed'), { target: { value: '10' } });
    fireEvent.click(screen.getByTestId('source-apply'));
    await expect.poll(() => calls.at(-1)).toEqual({ channel: 'source:set', payload: { kind: 'file', path: '/tmp/cap.ndjson', speed: 10 } });
    fireEvent.click(screen.getByTestId('source-kind-demo'));
    fireEvent.click(screen.getByTestId('source-apply'));
    await expect.poll(() => calls.at(-1)).toEqual({ channel: 'source:set', payload: { kind: 'demo' } });
  });
});
