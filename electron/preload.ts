/**
 * The sandboxed preload: exposes `window.luxp1`, one method per request channel plus `on`.
 * With main-ipc.ts, the only file that touches ipcRenderer. Built to CJS by electron/build.ts
 * (sandboxed preloads cannot be ESM) with the contract bundled in.
 *
 * The page never receives the IpcRendererEvent (its `sender` would hand it ipcRenderer itself),
 * nor any generic send/invoke: only the channels the contract names.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiResult, Channel, LuxApi, Payload, Value } from '../contracts/ipc.ts';
import { EVENTS } from '../contracts/ipc.ts';

/** The slice of ipcRenderer the API needs. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

function invoker<C extends Channel>(ipc: IpcRendererLike, channel: C): LuxApi[C] {
  // `LuxApi[C]` is exactly this signature; TypeScript cannot resolve the mapped type for a generic C.
  return (async (payload: Payload<C>): Promise<ApiResult<Value<C>>> => {
    try {
      return (await ipc.invoke(channel, payload ?? null)) as ApiResult<Value<C>>;
    } catch (err) {
      return { ok: false, error: { code: 'IPC_FAILED', message: `${channel}: ${err instanceof Error ? err.message : String(err)}` } };
    }
  }) as LuxApi[C];
}

function subscriber(ipc: IpcRendererLike): LuxApi['on'] {
  return (event, listener) => {
    if (!(EVENTS as readonly string[]).includes(event) || typeof listener !== 'function') return () => {};
    const relay = (_event: unknown, payload: unknown): void => listener(payload as never);
    ipc.on(event, relay);
    return () => void ipc.removeListener(event, relay);
  };
}

/** Builds the renderer API over an ipcRenderer: exactly the contract's channels, plus `on`. */
export function createLuxApi(ipc: IpcRendererLike): LuxApi {
  const api = {
    'app:snapshot': invoker(ipc, 'app:snapshot'),
    'ports:list': invoker(ipc, 'ports:list'),
    'source:get': invoker(ipc, 'source:get'),
    'source:set': invoker(ipc, 'source:set'),
    'source:stop': invoker(ipc, 'source:stop'),
    'key:status': invoker(ipc, 'key:status'),
    'key:set': invoker(ipc, 'key:set'),
    'key:clear': invoker(ipc, 'key:clear'),
    'messages:markRead': invoker(ipc, 'messages:markRead'),
    'pairing:pair': invoker(ipc, 'pairing:pair'),
    'capture:export': invoker(ipc, 'capture:export'),
    'central:info': invoker(ipc, 'central:info'),
    'staff:signIn': invoker(ipc, 'staff:signIn'),
    'staff:signOut': invoker(ipc, 'staff:signOut'),
    'staff:meter': invoker(ipc, 'staff:meter'),
    'staff:change': invoker(ipc, 'staff:change'),
    'staff:pairingCode': invoker(ipc, 'staff:pairingCode'),
    'staff:audit': invoker(ipc, 'staff:audit'),
    'plain:answer': invoker(ipc, 'plain:answer'),
    'plain:setting': invoker(ipc, 'plain:setting'),
    'costs:get': invoker(ipc, 'costs:get'),
    'costs:set': invoker(ipc, 'costs:set'),
    'peers:daily': invoker(ipc, 'peers:daily'),
    'history:info': invoker(ipc, 'history:info'),
    'history:series': invoker(ipc, 'history:series'),
    'history:power': invoker(ipc, 'history:power'),
    'history:events': invoker(ipc, 'history:events'),
    'history:retention': invoker(ipc, 'history:retention'),
    'integrations:get': invoker(ipc, 'integrations:get'),
    'integrations:set': invoker(ipc, 'integrations:set'),
    'meters:list': invoker(ipc, 'meters:list'),
    'meters:save': invoker(ipc, 'meters:save'),
    'meters:setKey': invoker(ipc, 'meters:setKey'),
    'meters:pair': invoker(ipc, 'meters:pair'),
    'meters:remove': invoker(ipc, 'meters:remove'),
    on: subscriber(ipc),
  } satisfies LuxApi;
  return api;
}

/** OS notifications for the renderer's alerts: two strings out, nothing back (notify-ipc.ts checks them). */
export function createNotifyApi(ipc: Pick<typeof ipcRenderer, 'send'>): { show(title: string, body: string): void } {
  return { show: (title, body) => ipc.send('app:notify', { title: String(title), body: String(body) }) };
}

contextBridge.exposeInMainWorld('luxp1', createLuxApi(ipcRenderer as IpcRendererLike));
contextBridge.exposeInMainWorld('luxp1Notify', createNotifyApi(ipcRenderer));
