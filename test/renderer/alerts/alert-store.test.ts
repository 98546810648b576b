import { describe, expect, it } from 'vitest';
import { createAlertStore, watchAlerts } from '../../../renderer/alerts/alert-store.ts';
import type { Notifier, NotifyPermission } from '../../../renderer/alerts/notifier.ts';
import { defaultAlertPrefs } from '../../../renderer/alerts/prefs.ts';
import { createAppStore } from '../../../renderer/state/store.ts';
import { reading, snapshot, T0, telegram } from '../fixtures.ts';

function fakeNotifier(permission: NotifyPermission = 'granted') {
  const shown: { title: string; body: string; tag: string }[] = [];
  const n: Notifier = {
    permission: () => permission,
    request: async () => permission,
    show: (title, body, tag) => void shown.push({ title, body, tag }),
  };
  return { n, shown };
}

const withBreaker = (at: number, breaker: 'connected' | 'disconnected' | 'ready') =>
  reading(at, { electricity: { ...telegram().electricity, breaker } });

function setup(patchPrefs: (p: ReturnType<typeof defaultAlertPrefs>) => void = () => {}, permission: NotifyPermission = 'granted') {
  let now = T0;
  const app = createAppStore(() => now);
  app.getState().setHost('open');
  app.getState().loadSnapshot(snapshot({ latest: reading(T0) }));
  const prefs = defaultAlertPrefs();
  patchPrefs(prefs);
  const { n, shown } = fakeNotifier(permission);
  const alerts = createAlertStore({ prefs, notifier: n, describe: (a) => ({ title: `T:${a.kind}`, body: `B:${a.count ?? ''}` }) });
  const stop = watchAlerts(app, alerts);
  const step = (ms: number) => {
    now += ms;
    app.getState().tick(now);
  };
  return { app, alerts, shown, stop, step, at: () => now };
}

describe('watchAlerts', () => {
  it('a cut supply shows a banner, which goes when the supply is back', () => {
    const { app, alerts, step, at } = setup();
    step(1000);
    app.getState().applyReading(withBreaker(at(), 'disconnected'));
    expect(alerts.getState().active.map((a) => a.kind)).toEqual(['supply-cut']);
    step(1000);
    app.getState().applyReading(withBreaker(at(), 'connected'));
    expect(alerts.getState().active).toEqual([]);
  });

  it('sends an OS notification only for kinds with notify on, and only with permission', () => {
    const on = setup((p) => {
      p.kinds['supply-cut'].notify = true;
    });
    on.step(1000);
    on.app.getState().applyReading(withBreaker(on.at(), 'disconnected'));
    expect(on.shown).toEqual([{ title: 'T:supply-cut', body: 'B:', tag: 'supply-cut' }]);

    const denied = setup((p) => {
      p.kinds['supply-cut'].notify = true;
    }, 'denied');
    denied.step(1000);
    denied.app.getState().applyReading(withBreaker(denied.at(), 'disconnected'));
    expect(denied.shown).toEqual([]);
    expect(denied.alerts.getState().active).toHaveLength(1);

    const off = setup((p) => {
      p.kinds['supply-cut'] = { banner: false, notify: false };
    });
    off.step(1000);
    off.app.getState().applyReading(withBreaker(off.at(), 'disconnected'));
    expect(off.alerts.getState().active).toEqual([]);
    expect(off.shown).toEqual([]);
  });

  it('no data for N minutes, on the renderer clock alone; gone when a reading arrives', () => {
    const { app, alerts, step, at } = setup((p) => {
      p.noDataMinutes = 2;
    });
    step(119_000);
    expect(alerts.getState().active).toEqual([]);
    step(1_000);
    expect(alerts.getState().active.map((a) => [a.kind, a.count])).toEqual([['no-data', 2]]);
    app.getState().applyReading(reading(at()));
    expect(alerts.getState().active).toEqual([]);
  });

  it('new messages add up in one banner until dismissed', () => {
    const { app, alerts, step, at } = setup();
    const msg = (channel: '2' | '3', firstSeenAt: number) => ({ channel, text: 'Coupure demain 9h–11h', firstSeenAt, readAt: null });
    step(1000);
    app.getState().applyMessage(msg('2', at()));
    step(1000);
    app.getState().applyMessage(msg('3', at()));
    const [banner] = alerts.getState().active;
    expect([banner?.kind, banner?.count]).toEqual(['message', 2]);
    alerts.getState().dismiss(banner!.id);
    expect(alerts.getState().active).toEqual([]);
  });

  it('the power-class hook raises from outside; switching a kind off takes its banner down', () => {
    const { alerts, at } = setup();
    alerts.getState().raise('over-power-class', at(), 7);
    expect(alerts.getState().active.map((a) => a.kind)).toEqual(['over-power-class']);
    const prefs = defaultAlertPrefs();
    prefs.kinds['over-power-class'].banner = false;
    alerts.getState().setPrefs(prefs);
    expect(alerts.getState().active).toEqual([]);
  });

  it('stops following the app store when unsubscribed', () => {
    const { app, alerts, stop, step, at } = setup();
    stop();
    step(1000);
    app.getState().applyReading(withBreaker(at(), 'disconnected'));
    expect(alerts.getState().active).toEqual([]);
  });
});
