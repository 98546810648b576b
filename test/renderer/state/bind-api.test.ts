// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { HostConnection } from '../../../renderer/state/store.ts';
import { bindApi } from '../../../renderer/state/bind-api.ts';
import { createAppStore } from '../../../renderer/state/store.ts';
import { T0, fakeApi, health, reading, snapshot } from '../fixtures.ts';

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('bindApi', () => {
  it('loads the snapshot, then applies events to the store', async () => {
    const { api, emit } = fakeApi({ 'app:snapshot': () => ({ ok: true, value: snapshot() }) });
    const store = createAppStore();
    bindApi(api, store);
    await expect.poll(() => store.getState().loaded).toBe(true);
    expect(store.getState().host).toBe('open');

    emit('meter:reading', reading(T0));
    emit('meter:health', health({ diagnosis: 'wrong-key' }));
    emit('meter:link', { status: 'silent', source: null, since: T0, lastDataAt: null });
    expect(store.getState().latest?.receivedAt).toBe(T0);
    expect(store.getState().health?.diagnosis).toBe('wrong-key');
    expect(store.getState().link?.status).toBe('silent');
  });

  it('keeps the service view history: frames and staff change timings, whatever view is shown', async () => {
    const { api, emit } = fakeApi({ 'app:snapshot': () => ({ ok: true, value: snapshot() }) });
    const store = createAppStore();
    bindApi(api, store);
    await expect.poll(() => store.getState().loaded).toBe(true);
    emit('meter:frame', { at: T0, rawHex: '', frame: null, text: 'a', status: 'ok' });
    emit('meter:frame', { at: T0 + 10_000, rawHex: '', frame: null, text: 'b', status: 'ok' });
    emit('staff:timing', { id: 1, change: { kind: 'rotate-key' }, requestedAt: T0, acceptedAt: T0 + 5, seenAt: null });
    emit('staff:timing', { id: 1, change: { kind: 'rotate-key' }, requestedAt: T0, acceptedAt: null, seenAt: T0 + 9 });
    expect(store.getState().frames.map((f) => f.text)).toEqual(['b', 'a']);
    expect(store.getState().intervals).toEqual([{ at: T0 + 10_000, seconds: 10 }]);
    expect(store.getState().timings).toMatchObject([{ id: 1, acceptedAt: T0 + 5, seenAt: T0 + 9 }]);
  });

  it('holds events that arrive while the snapshot loads and applies them after it', async () => {
    const pending = deferred<{ ok: true; value: ReturnType<typeof snapshot> }>();
    const { api, emit } = fakeApi({ 'app:snapshot': () => pending.promise });
    const store = createAppStore();
    bindApi(api, store);
    emit('meter:reading', reading(T0 + 10_000));
    expect(store.getState().latest).toBeNull();
    pending.resolve({ ok: true, value: snapshot({ latest: reading(T0) }) });
    await expect.poll(() => store.getState().latest?.receivedAt).toBe(T0 + 10_000);
  });

  it('records a failed snapshot as a load error, lets events through, and retries until it loads', async () => {
    let calls = 0;
    const { api, emit } = fakeApi({
      'app:snapshot': () =>
        ++calls < 3 ? { ok: false, error: { code: 'INTERNAL', message: 'host down' } } : { ok: true, value: snapshot() },
    });
    const store = createAppStore();
    const off = bindApi(api, store, 5);
    await expect.poll(() => store.getState().loadError?.code).toBe('INTERNAL');
    expect(store.getState().loaded).toBe(false);
    emit('meter:reading', reading(T0));
    expect(store.getState().latest?.receivedAt).toBe(T0);
    await expect.poll(() => store.getState().loaded).toBe(true);
    expect(calls).toBe(3);
    off();
  });

  it('keeps only the newest of two overlapping snapshot loads', async () => {
    const first = deferred<{ ok: true; value: ReturnType<typeof snapshot> }>();
    const second = deferred<{ ok: true; value: ReturnType<typeof snapshot> }>();
    const answers = [first.promise, second.promise];
    const { api } = fakeApi({ 'app:snapshot': () => answers.shift()! });
    const statusListeners = new Set<(s: HostConnection) => void>();
    const store = createAppStore();
    bindApi({ ...api, onHostStatus: (l: (s: HostConnection) => void) => (statusListeners.add(l), () => statusListeners.delete(l)) }, store);
    statusListeners.forEach((l) => l('open'));
    statusListeners.forEach((l) => l('open')); // a quick reconnect: a second load while the first is out
    second.resolve({ ok: true, value: snapshot({ health: health({ framesDecoded: 2 }) }) });
    await expect.poll(() => store.getState().health?.framesDecoded).toBe(2);
    first.resolve({ ok: true, value: snapshot({ health: health({ framesDecoded: 1 }) }) });
    await new Promise((r) => setTimeout(r, 10));
    expect(store.getState().health?.framesDecoded).toBe(2);
  });

  it('reloads the snapshot each time the host connection reopens, and unsubscribes', async () => {
    let loads = 0;
    const { api, listenerCount } = fakeApi({
      'app:snapshot': () => ({ ok: true, value: snapshot({ health: health({ framesDecoded: ++loads }) }) }),
    });
    const statusListeners = new Set<(s: HostConnection) => void>();
    const withStatus = {
      ...api,
      onHostStatus: (l: (s: HostConnection) => void) => (statusListeners.add(l), () => statusListeners.delete(l)),
    };
    const store = createAppStore();
    const off = bindApi(withStatus, store);
    statusListeners.forEach((l) => l('open'));
    await expect.poll(() => store.getState().health?.framesDecoded).toBe(1);
    statusListeners.forEach((l) => l('closed'));
    expect(store.getState().host).toBe('closed');
    statusListeners.forEach((l) => l('open'));
    await expect.poll(() => store.getState().health?.framesDecoded).toBe(2);
    off();
    expect(listenerCount()).toBe(0);
    expect(statusListeners.size).toBe(0);
  });
});

describe('bindApi before the first snapshot', () => {
  it('holds events that arrive before the host link opens, until the snapshot is in', async () => {
    const { api, emit } = fakeApi({ 'app:snapshot': () => ({ ok: true, value: snapshot() }) });
    let open: ((s: HostConnection) => void) | null = null;
    const store = createAppStore();
    const onHostStatus = (l: (s: HostConnection) => void) => {
      open = l;
      return () => {};
    };
    bindApi({ ...api, onHostStatus }, store);
    emit('meter:message', { channel: '0', text: 'early', firstSeenAt: T0, readAt: null });
    emit('meter:reading', reading(T0, { message: 'early' }));
    expect(store.getState().messages).toEqual([]);
    open!('open');
    await expect.poll(() => store.getState().latest?.receivedAt).toBe(T0);
    expect(store.getState().unread).toEqual(['0@' + T0]);
  });
});
