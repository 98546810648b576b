/**
 * createHostServices: the Electron-free host, composed of rooms that each have one job: the link
 * (which source feeds the port, link-room.ts), the key and pairing (key-room.ts), the staff tools
 * (staff.ts), the port session (session.ts: decoding, health, inbox, frames), the history
 * (history-room.ts, fed by history-feed.ts), costs (costs-room.ts), the integrations
 * (integrations/) and the other meters (other-meters.ts). This file loads
 * what the rooms need from the data directory, wires them together and answers every request
 * channel of the contract. The shells (Electron main, browser-mode server) only validate payloads,
 * call `handle` and forward events.
 */
import type { ApiResult, Channel, HostServices, Payload, PortInfo, Value } from '../../contracts/ipc.ts';
import { createStreamDecoder, fail, ok } from '../../protocol/index.ts';
import type { DecoderEvent } from '../../protocol/types.ts';
import { exportCapture } from './capture-export.ts';
import { type Clock, systemClock } from './clock.ts';
import { createEventHub } from './events.ts';
import { createCostsRoom } from './costs-room.ts';
import { createCounterStore } from './counter-store.ts';
import { historyPath } from './history/index.ts';
import { createHistoryRoom } from './history-room.ts';
import { feedHistory } from './history-feed.ts';
import { createInbox } from './inbox.ts';
import { createKeyRoom } from './key-room.ts';
import { createKeyStore, type KeyProtector } from './key-store.ts';
import { createNotices, type Notices } from './notices.ts';
import { createPlainData, policyFor } from './plain-data.ts';
import { createLinkRoom } from './link-room.ts';
import { dataPaths } from './paths.ts';
import { createSession, type DecoderFactory } from './session.ts';
import { createSettingsStore, loadSettings } from './settings.ts';
import type { DemoHook } from './source-factory.ts';
import { createStaffService, type StaffChannel } from './staff.ts';
import type { IntegrationsSettings } from '../../contracts/integrations.ts';
import { createIntegrationsRoom } from './integrations/integrations-room.ts';
import { createOtherMeters } from './other-meters.ts';

export interface HostServicesOptions {
  dataDir: string;
  /** How the key is kept at rest: the Electron shell passes safeStorage; default a 0600 file. */
  protector?: KeyProtector | 'file' | 'memory';
  demo?: DemoHook;
  /** One-line notices for the console (corrupt settings, unreadable key file). Never key material. */
  log?: (line: string) => void;
  /** Where the load warnings also go, for the user (Snapshot.notices); default: a list of our own. */
  notices?: Notices;
  clock?: Clock;
  createDecoder?: DecoderFactory;
  listPorts?: () => Promise<{ ports: PortInfo[]; warning?: string }>;
  fetch?: typeof fetch;
  backoff?: { initialMs: number; maxMs: number };
  /** Start the stored source (default true). */
  autoStart?: boolean;
  /** Record history in DATA/history.sqlite (default: yes, except with protector 'memory', the tests' throwaway hosts). */
  history?: boolean;
  /** Integrations from `luxp1 serve` flags, replacing the saved ones for this run (issue 12). */
  integrations?: Partial<IntegrationsSettings>;
}

type Handlers = { [C in Channel]: (payload: Payload<C>, client?: string) => Promise<ApiResult<Value<C>>> };

/** Loads settings and key from `opts.dataDir`, starts the stored source, and returns the services. */
export async function createHostServices(opts: HostServicesOptions): Promise<HostServices> {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? ((line: string) => console.warn(line));
  const paths = dataPaths(opts.dataDir);
  const hub = createEventHub((err) => log(`host: an event listener failed: ${(err as Error).message}`));

  // What the rooms need from the data directory; an unreadable file is kept aside and said once.
  const notices = opts.notices ?? createNotices(log);
  const loaded = await loadSettings(paths.settings);
  if (loaded.warning) notices.add(loaded.warning);
  const settings = createSettingsStore(paths.settings, loaded.settings);
  const keys = createKeyStore(paths.key, opts.protector ?? 'file');
  const keyWarning = await keys.load();
  if (keyWarning) notices.add(keyWarning);
  const inbox = createInbox(opts.protector === 'memory' ? null : paths.messages, (record) => hub.emit('meter:message', record));
  const inboxWarning = await inbox.load();
  if (inboxWarning) notices.add(inboxWarning);
  const counters = createCounterStore(opts.protector === 'memory' ? null : paths.counters, (line) => notices.add(line));
  const countersWarning = await counters.load();
  if (countersWarning) notices.add(countersWarning);

  // Everything the session decodes also reaches the staff service, which times changes on it.
  const decoderWatchers: ((event: DecoderEvent, at: number) => void)[] = [];
  let background: Promise<void> = Promise.resolve(); // key-file writes and the demo's pairing; awaited on close
  const inBackground = (what: string, work: () => Promise<unknown>): void => {
    background = background.then(work).then(
      () => {},
      (err: Error) => log(`${what}: ${err.message.split('\n')[0]}`),
    );
  };

  const session = createSession({
    createDecoder: opts.createDecoder ?? ((o) => createStreamDecoder(o)),
    key: keys.key(),
    // Under the same key the counter must go on rising across restarts: a recorded frame stays a replay.
    ...(counters.get(keys.key()) ? { counters: counters.get(keys.key()) } : {}),
    plain: policyFor(settings.get().plainData),
    inbox,
    clock,
    emit: (event, payload) => hub.emit(event, payload),
    onDecoderEvent: (event, at) => {
      for (const watch of decoderWatchers) watch(event, at);
    },
    onKeyVerified: (systemTitle) => {
      if (!keys.status().hasKey || keys.status().systemTitle === systemTitle) return;
      inBackground('key: could not record the system title', async () => {
        await keys.noteSystemTitle(systemTitle);
        hub.emit('key:status', keys.status());
      });
    },
  });
  // The demo's central, once the link room has started it, serves pairing and staff unless one is configured.
  let demoCentral: string | null = null;
  const centralUrl = (): string | null => settings.get().centralUrl ?? demoCentral;

  const keyRoom = createKeyRoom({
    keys,
    session,
    hub,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    centralUrl,
    rememberCentral: async (url) => {
      if (url !== demoCentral) await settings.update({ centralUrl: url });
    },
  });

  const linkRoom = createLinkRoom({
    clock,
    hub,
    session,
    settings,
    ...(opts.demo ? { demo: opts.demo } : {}),
    ...(opts.listPorts ? { listPorts: opts.listPorts } : {}),
    ...(opts.backoff ? { backoff: opts.backoff } : {}),
    onDemo: (demo) => {
      demoCentral = demo?.centralUrl ?? null;
      if (!demo?.pairing || !demo.centralUrl || keys.status().hasKey) return;
      const { meterId, code } = demo.pairing;
      const url = demo.centralUrl;
      inBackground('demo: pairing failed', async () => {
        const r = await keyRoom.handlers['pairing:pair']({ centralUrl: url, meterId, code });
        if (!r.ok || r.value.status !== 'paired') log(`demo: pairing failed: ${r.ok ? r.value.status : r.error.message}`);
      });
    },
  });

  const staff = createStaffService({
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    now: () => clock.now(),
    timers: clock,
    centralUrl,
    getPortView: () => {
      const { health, latest } = session.snapshotPart();
      return {
        systemTitle: health.systemTitle,
        meterId: latest?.telegram.electricity.meterId ?? null,
        lastTelegram: latest?.telegram ?? null,
      };
    },
    onTiming: (timing, client) => hub.emit('staff:timing', timing, client),
    onSession: (state, client) => hub.emit('staff:session', state, client),
  });
  decoderWatchers.push((event, at) => staff.observeTelegram(event, at));
  const plainData = createPlainData({ settings, session, emit: (state) => hub.emit('meter:plain', state) });
  decoderWatchers.push((event) => {
    plainData.observe(event);
    const key = event.type === 'telegram' && event.encrypted ? keys.key() : null;
    if (key) counters.save(key, session.counters());
  });

  // History (issue 10): every verified telegram, link losses and key changes, into DATA/history.sqlite.
  const history = createHistoryRoom({
    path: (opts.history ?? opts.protector !== 'memory') ? historyPath(opts.dataDir) : null,
    settings,
    notices,
    clock,
  });
  feedHistory({ hub, history, key: () => keys.key(), isDemo: () => linkRoom.state().source?.kind === 'demo' });
  // ---- integrations (issue 12): every decoded telegram also goes to MQTT, the re-serve and the API
  const integrations = createIntegrationsRoom({
    dataDir: opts.dataDir,
    settings,
    ...(opts.integrations ? { override: opts.integrations } : {}),
    log,
    now: () => clock.now(),
    emit: (view) => hub.emit('integrations:status', view),
  });
  decoderWatchers.push((event, at) => integrations.observe(event, at));
  await integrations.start();
  // ---- several meters (issue 12): the others each read their own source under their own key
  const otherMeters = createOtherMeters({
    dataDir: opts.dataDir,
    protector: opts.protector ?? 'file',
    settings,
    hub,
    clock,
    record: (reading, id) => history.record(reading, `other:${id}`),
    observe: (event, at) => integrations.observe(event, at),
    notice: (line) => notices.add(line),
    centralUrl,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    ...(opts.createDecoder ? { createDecoder: opts.createDecoder } : {}),
    ...(opts.backoff ? { backoff: opts.backoff } : {}),
  });

  const costs = createCostsRoom({ settings, centralUrl, ...(opts.fetch ? { fetch: opts.fetch } : {}) });

  const handlers: Handlers = {
    ...history.handlers,
    'app:snapshot': async () =>
      ok({
        at: clock.now(),
        link: linkRoom.state(),
        key: keys.status(),
        ...session.snapshotPart(),
        notices: notices.list(),
        plain: plainData.state(),
      }),
    ...linkRoom.handlers,
    ...keyRoom.handlers,
    'plain:answer': async ({ accept }) => ok(plainData.answer(accept)),
    'plain:setting': async ({ setting }) => ok(await plainData.setSetting(setting)),
    'messages:markRead': async ({ channel }) => {
      await inbox.markRead(channel, clock.now());
      return ok(null);
    },
    'capture:export': async ({ redact }) =>
      ok(exportCapture(session.frames.since(clock.now() - settings.get().captureMinutes * 60_000), { redact, now: clock.now() })),
    ...costs.handlers,
    'central:info': async () => ok({ url: centralUrl(), demo: linkRoom.state().source?.kind === 'demo' }),
    'staff:signIn': (p, client) => staff.handle('staff:signIn', p, client),
    'staff:signOut': (p, client) => staff.handle('staff:signOut', p, client),
    'staff:meter': (p, client) => staff.handle('staff:meter', p, client),
    'staff:change': (p, client) => staff.handle('staff:change', p, client),
    'staff:pairingCode': (p, client) => staff.handle('staff:pairingCode', p, client),
    'staff:audit': (p, client) => staff.handle('staff:audit', p, client),
    ...integrations.handlers,
    ...otherMeters.handlers,
  } satisfies Handlers & Record<StaffChannel, unknown>;

  if (opts.autoStart !== false) {
    await linkRoom.resume();
    await otherMeters.start();
  }

  return {
    async handle(channel, payload, client) {
      try {
        return await (handlers[channel] as (p: typeof payload, c?: string) => Promise<ApiResult<Value<typeof channel>>>)(payload, client);
      } catch (err) {
        // Our own messages never carry key material; a system error's first line is safe to show.
        const code = (err as { code?: unknown }).code === 'SAVE_FAILED' ? 'SAVE_FAILED' : 'INTERNAL';
        return fail(code, `${channel}: ${(err as Error).message?.split('\n')[0] ?? String(err)}`);
      }
    },
    on: (event, listener, client) => hub.on(event, listener, client),
    async close() {
      await linkRoom.close();
      await otherMeters.close();
      session.close();
      await integrations.close();
      await background;
      await history.close();
      await inbox.flush();
      await counters.flush();
    },
  };
}
