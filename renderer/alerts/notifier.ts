/**
 * OS notifications, from whichever shell the page runs in: Electron's `Notification` through the
 * preload (`window.luxp1Notify`; the window itself is denied every web permission), else the
 * browser's Notification API. Permission is asked only when the user turns a notification on.
 */

export type NotifyPermission = 'granted' | 'denied' | 'default' | 'unsupported';

export interface Notifier {
  permission(): NotifyPermission;
  /** Asks the user (browser) once; resolves with the answer. */
  request(): Promise<NotifyPermission>;
  show(title: string, body: string, tag: string): void;
}

/** What the Electron preload exposes for notifications: strings in, nothing back. */
export interface DesktopNotify {
  show(title: string, body: string): void;
}

declare global {
  interface Window {
    luxp1Notify?: DesktopNotify;
  }
}

type NotificationCtor = {
  permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  new (title: string, options?: NotificationOptions): unknown;
};

/** The desktop app's notifier: the OS decides, the app never has to ask. */
export function desktopNotifier(bridge: DesktopNotify): Notifier {
  return {
    permission: () => 'granted',
    request: async () => 'granted',
    show: (title, body) => bridge.show(title, body),
  };
}

/** The browser's Notification API; 'unsupported' where there is none (an insecure origin, an old browser). */
export function browserNotifier(ctor: NotificationCtor | undefined): Notifier {
  if (!ctor) return { permission: () => 'unsupported', request: async () => 'unsupported', show: () => {} };
  return {
    permission: () => ctor.permission,
    request: async () => {
      try {
        return await ctor.requestPermission();
      } catch {
        return ctor.permission;
      }
    },
    show: (title, body, tag) => {
      if (ctor.permission !== 'granted') return;
      try {
        new ctor(title, { body, tag });
      } catch {
        // some browsers allow notifications only from a service worker: the banner still shows
      }
    },
  };
}

/** The notifier for this window. */
export function pickNotifier(win: Window): Notifier {
  if (win.luxp1Notify) return desktopNotifier(win.luxp1Notify);
  return browserNotifier((win as unknown as { Notification?: NotificationCtor }).Notification);
}
