import { describe, expect, it } from 'vitest';
import type { InvokeEventLike, WindowLike } from '../../../electron/ipc/main-ipc.ts';
import { NOTIFY_CHANNEL, registerNotify, validNotification } from '../../../electron/ipc/notify-ipc.ts';

const APP = 'app://luxp1/';
function setup() {
  const mainFrame = { url: `${APP}index.html` };
  const win: WindowLike = { isDestroyed: () => false, webContents: { mainFrame, send: () => {} } };
  const listeners = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => void>();
  const shown: [string, string][] = [];
  const dispose = registerNotify({
    ipcMain: { on: (c, l) => listeners.set(c, l), removeListener: (c) => listeners.delete(c) },
    window: () => win,
    appUrlPrefix: APP,
    show: (title, body) => void shown.push([title, body]),
  });
  const send = (frame: { url: string } | null, payload: unknown) => listeners.get(NOTIFY_CHANNEL)?.({ senderFrame: frame }, payload);
  return { mainFrame, shown, send, dispose, listeners };
}

describe('app:notify', () => {
  it('shows a notification from our window, with its title and body', () => {
    const { mainFrame, shown, send } = setup();
    send(mainFrame, { title: 'Supply cut', body: 'Your grid operator has cut the supply.' });
    expect(shown).toEqual([['Supply cut', 'Your grid operator has cut the supply.']]);
  });

  it('drops notifications from any other frame, and payloads that are not two short strings', () => {
    const { mainFrame, shown, send } = setup();
    send({ url: `${APP}index.html` }, { title: 'x', body: 'y' }); // a sub-frame: another frame object
    send(null, { title: 'x', body: 'y' });
    for (const bad of [null, 'x', { title: 1, body: 'y' }, { title: ' ', body: 'y' }, { title: 'x'.repeat(201), body: '' }, { title: 'x' }])
      send(mainFrame, bad);
    expect(shown).toEqual([]);
    expect(validNotification({ title: 'ok', body: '' })).toEqual({ title: 'ok', body: '' });
  });

  it('stops listening when disposed', () => {
    const { listeners, dispose } = setup();
    dispose();
    expect(listeners.size).toBe(0);
  });
});
