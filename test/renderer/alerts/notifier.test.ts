import { describe, expect, it } from 'vitest';
import { browserNotifier, desktopNotifier, pickNotifier } from '../../../renderer/alerts/notifier.ts';

function fakeNotification(initial: NotificationPermission, answer: NotificationPermission) {
  const made: { title: string; options?: NotificationOptions }[] = [];
  const ctor = class {
    static permission: NotificationPermission = initial;
    static async requestPermission() {
      ctor.permission = answer;
      return answer;
    }
    constructor(title: string, options?: NotificationOptions) {
      made.push({ title, options });
    }
  };
  return { ctor, made };
}

describe('notifiers', () => {
  it('browser: asks, then shows only once granted', async () => {
    const { ctor, made } = fakeNotification('default', 'granted');
    const n = browserNotifier(ctor);
    n.show('before', 'x', 'k');
    expect(made).toEqual([]);
    expect(await n.request()).toBe('granted');
    n.show('Supply cut', 'body', 'supply-cut');
    expect(made).toEqual([{ title: 'Supply cut', options: { body: 'body', tag: 'supply-cut' } }]);
  });

  it('browser without the API: unsupported, and showing does nothing', async () => {
    const n = browserNotifier(undefined);
    expect(n.permission()).toBe('unsupported');
    expect(await n.request()).toBe('unsupported');
    expect(() => n.show('a', 'b', 'c')).not.toThrow();
  });

  it('desktop: the preload bridge, never a permission prompt; picked when present', async () => {
    const sent: string[][] = [];
    const bridge = { show: (title: string, body: string) => void sent.push([title, body]) };
    const n = desktopNotifier(bridge);
    expect(await n.request()).toBe('granted');
    n.show('Key changed', 'pair again', 'key-rotated');
    expect(sent).toEqual([['Key changed', 'pair again']]);
    const picked = pickNotifier({ luxp1Notify: bridge } as unknown as Window);
    expect(picked.permission()).toBe('granted');
  });
});
