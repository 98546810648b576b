import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../contracts/ipc.ts';
import type { LuxApi } from '../../contracts/ipc.ts';

type Listener = (event: unknown, ...args: unknown[]) => void;
const fake = vi.hoisted(() => {
  const listeners = new Map<string, Set<Listener>>();
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    ipcRenderer: {
      send: vi.fn(),
      invoke: vi.fn(async (channel: string, payload: unknown) => ({ ok: true, value: { channel, payload } })),
      on: (channel: string, l: Listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(l)),
      removeListener: (channel: string, l: Listener) => listeners.get(channel)?.delete(l),
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: fake.ipcRenderer,
}));

let api: LuxApi;
beforeAll(async () => {
  await import('../../electron/preload.ts');
  api = fake.exposed.get('luxp1') as LuxApi;
});

describe('preload', () => {
  it('exposes exactly one method per channel plus on, under window.luxp1 only', () => {
    expect([...fake.exposed.keys()]).toEqual(['luxp1', 'luxp1Notify']);
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'on'].sort());
    for (const key of Object.keys(api)) expect(typeof (api as unknown as Record<string, unknown>)[key]).toBe('function');
  });

  it('window.luxp1Notify sends only two strings on app:notify', () => {
    const notify = fake.exposed.get('luxp1Notify') as { show(title: unknown, body: unknown): void };
    expect(Object.keys(notify)).toEqual(['show']);
    notify.show('Supply cut', { toString: () => 'body' });
    expect(fake.ipcRenderer.send).toHaveBeenLastCalledWith('app:notify', { title: 'Supply cut', body: 'body' });
  });

  it('invokes the named channel, sending null for an omitted payload', async () => {
    expect(await api['key:set']({ hex: 'ab' })).toEqual({ ok: true, value: { channel: 'key:set', payload: { hex: 'ab' } } });
    await (api['app:snapshot'] as (p?: null) => Promise<unknown>)();
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith('app:snapshot', null);
  });

  it('turns a rejected invoke into an error value', async () => {
    fake.ipcRenderer.invoke.mockRejectedValueOnce(new Error('no handler'));
    expect(await api['central:info'](null)).toEqual({ ok: false, error: { code: 'IPC_FAILED', message: 'central:info: no handler' } });
  });

  it('hands listeners the payload only, never the IpcRendererEvent, and unsubscribes', () => {
    const seen: unknown[][] = [];
    const off = api.on('meter:problem', (...args: unknown[]) => seen.push(args));
    const ipcEvent = { sender: fake.ipcRenderer };
    const problem = { at: 1, kind: 'error', code: 'CRC_MISMATCH', message: 'm', frameCounter: null };
    fake.listeners.get('meter:problem')!.forEach((l) => l(ipcEvent, problem));
    expect(seen).toEqual([[problem]]);
    off();
    expect(fake.listeners.get('meter:problem')!.size).toBe(0);
  });

  it('ignores subscriptions to names that are not contract events', () => {
    const off = api.on('ipc:anything' as 'meter:link', () => {});
    expect(fake.listeners.has('ipc:anything')).toBe(false);
    expect(typeof off).toBe('function');
  });
});
