import { describe, expect, it, vi } from 'vitest';
import type { ApiResult, Events, HostServices } from '../../../contracts/ipc.ts';
import { CHANNELS, EVENTS } from '../../../contracts/ipc.ts';
import type { FrameLike, InvokeEventLike, IpcMainLike, WindowLike } from '../../../electron/ipc/main-ipc.ts';
import { registerIpc } from '../../../electron/ipc/main-ipc.ts';

type Handler = (event: InvokeEventLike, ...args: unknown[]) => unknown;
const APP = 'app://luxp1/';

function fakeServices() {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const services = {
    handle: vi.fn(async (channel: string, payload: unknown) => ({ ok: true, value: { channel, payload } })),
    on: vi.fn((event: string, listener: (p: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(listener));
      return () => void set.delete(listener);
    }),
    close: vi.fn(async () => {}),
  };
  const emit = <E extends keyof Events>(event: E, payload: Events[E]) => listeners.get(event)?.forEach((l) => l(payload));
  return { services: services as unknown as HostServices & typeof services, emit, listeners };
}

function setup() {
  const handlers = new Map<string, Handler>();
  const ipcMain: IpcMainLike = { handle: (c, h) => void handlers.set(c, h), removeHandler: (c) => void handlers.delete(c) };
  const mainFrame: FrameLike = { url: `${APP}index.html` };
  const send = vi.fn();
  const win: WindowLike = { isDestroyed: () => false, webContents: { mainFrame, send } };
  const { services, emit, listeners } = fakeServices();
  const dispose = registerIpc({ ipcMain, services, window: () => win, appUrlPrefix: APP });
  const invoke = (channel: string, payload: unknown, frame: FrameLike | null = mainFrame) =>
    handlers.get(channel)!({ senderFrame: frame }, payload) as Promise<ApiResult<unknown>>;
  return { handlers, services, emit, listeners, send, mainFrame, invoke, dispose };
}

describe('registerIpc', () => {
  it('registers a handler for every channel in CHANNELS and nothing else', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('forwards a valid request from our top frame to the services', async () => {
    const { invoke, services } = setup();
    const r = await invoke('key:set', { hex: 'AB'.repeat(16) });
    expect(r).toEqual({ ok: true, value: { channel: 'key:set', payload: { hex: 'AB'.repeat(16) } } });
    expect(services.handle).toHaveBeenCalledTimes(1);
  });

  it('rejects a foreign frame, a sub-frame, and our frame once it shows another page', async () => {
    const { invoke, services, mainFrame } = setup();
    expect(await invoke('app:snapshot', null, { url: `${APP}index.html` })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await invoke('app:snapshot', null, null)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    mainFrame.url = 'https://evil.example/';
    expect(await invoke('app:snapshot', null)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(services.handle).not.toHaveBeenCalled();
  });

  it('rejects an invalid payload with BAD_PAYLOAD before the services see it', async () => {
    const { invoke, services } = setup();
    expect(await invoke('source:set', { kind: 'tcp', host: 'x', port: -1 })).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
    expect(services.handle).not.toHaveBeenCalled();
  });

  it('turns a throwing service into an INTERNAL error value', async () => {
    const { invoke, services } = setup();
    services.handle.mockRejectedValueOnce(new Error('disk on fire'));
    expect(await invoke('key:status', null)).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'key:status: disk on fire' } });
  });

  it('sends host events to the window, and stops after dispose', () => {
    const { emit, send, dispose, handlers, listeners } = setup();
    expect([...listeners.keys()].sort()).toEqual([...EVENTS].sort());
    const link = { status: 'open', source: null, since: 1, lastDataAt: null } as const;
    emit('meter:link', link);
    expect(send).toHaveBeenCalledWith('meter:link', link);
    dispose();
    emit('meter:link', link);
    expect(send).toHaveBeenCalledTimes(1);
    expect(handlers.size).toBe(0);
  });
});
