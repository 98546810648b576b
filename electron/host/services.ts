/**
 * createHostServices: the Electron-free host. Owns the settings, the key store, the link to the
 * port and the session, and answers every request channel of the contract. The shells (Electron
 * main, browser-mode server) only validate payloads, call `handle` and forward events.
 */
import type { ApiResult, Channel, HostServices, LinkState, Payload, PortInfo, SourceConfig, Value } from '../../contracts/ipc.ts';
import { validatePayload } from '../ipc/validate.ts';
import { createStreamDecoder } from '../../protocol/index.ts';
import { exportCapture } from './capture-export.ts';
import { systemClock, type Clock } from './clock.ts';
import { createEventHub } from './events.ts';
import { createInbox } from './inbox.ts';
import { checkMeterKey, createKeyStore, type KeyProtector } from './key-store.ts';
import { createLink, type Link } from './link.ts';
import { requestPairing } from './pairing.ts';
import { dataPaths } from './paths.ts';
import { createSession, type DecoderFactory } from './session.ts';
import { loadSettings, saveSettings, type Settings } from './settings.ts';
import { buildSource, type DemoEndpoint, type DemoHook } from './source-factory.ts';
import { listPortsWithFallback } from './sources/port-scan.ts';
import { pairAndStore } from './pair-flow.ts';
import { createStaffService, type StaffChannel } from './staff.ts';

export interface HostServicesOptions {
  dataDir: string;
  /** How the key is kept at rest: the Electron shell passes safeStorage; default a 0600 file. */
  protector?: KeyProtector | 'file' | 'memory';
  demo?: DemoHook;
  /** One-line notices for the console (corrupt settings, unreadable key file). Never key material. */
  log?: (line: string) => void;
  clock?: Clock;
  createDecoder?: DecoderFactory;
  listPorts?: () => Promise<{ ports: PortInfo[]; warning?: string }>;
  fetch?: typeof fetch;
  backoff?: { initialMs: number; maxMs: number };
  /** Start the stored source (default true). */
  autoStart?: boolean;
}

type Handlers = { [C in Channel]: (payload: Payload<C>) => Promise<ApiResult<Value<C>>> };

const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
const fail = <T>(code: string, message: string): ApiResult<T> => ({ ok: false, error: { code, message } });

async function defaultListPorts(): Promise<{ ports: PortInfo[]; warning?: string }> {
  try {
    return await (await import('./sources/serial.ts')).listSerialPorts();
  } catch (err) {
    return listPortsWithFallback(() => Promise.reject(err));
  }
}

/** Loads settings and key from `opts.dataDir`, starts the stored source, and returns the services. */
export async function createHostServices(opts: HostServicesOptions): Promise<HostServices> {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? ((line: string) => console.warn(line));
  // plain 'accept' keeps today's behaviour until the host's accept/ask/refuse flow (issue 9) uses the
  // decoder's default 'auto', which refuses plain telegrams after verified encrypted frames.
  const createDecoder: DecoderFactory = opts.createDecoder ?? ((o) => createStreamDecoder({ key: o.key, plain: 'accept' }));
  const paths = dataPaths(opts.dataDir);
  const hub = createEventHub((err) => log(`host: an event listener failed: ${(err as Error).message}`));

  const loaded = await loadSettings(paths.settings);
  let settings: Settings = loaded.settings;
  if (loaded.warning) log(loaded.warning);
  const keys = createKeyStore(paths.key, opts.protector ?? 'file');
  const keyWarning = await keys.load();
  if (keyWarning) log(keyWarning);
  const inbox = createInbox(opts.protector === 'memory' ? null : paths.messages, (record) => hub.emit('meter:message', record));
  const inboxWarning = await inbox.load();
  if (inboxWarning) log(inboxWarning);

  let link: Link | null = null;
  let background: Promise<void> = Promise.resolve(); // key-file writes the session triggers; awaited on close
  let demoEndpoint: DemoEndpoint | null = null;
  let idle: LinkState = { status: 'idle', source: null, since: clock.now(), lastDataAt: null };
  const linkState = (): LinkState => link?.state() ?? idle;

  const staff = createStaffService({
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    now: () => clock.now(),
    centralUrl: () => settings.centralUrl ?? demoEndpoint?.centralUrl ?? null,
    getPortView: () => {
      const { health, latest } = session.snapshotPart();
      return {
        systemTitle: health.systemTitle,
        meterId: latest?.telegram.electricity.meterId ?? null,
        lastTelegram: latest?.telegram ?? null,
      };
    },
    onTiming: (timing) => hub.emit('staff:timing', timing),
  });

  const session = createSession({
    createDecoder,
    key: keys.key(),
    inbox,
    clock,
    emit: (event, payload) => hub.emit(event, payload),
    onFrame: () => link?.noteFrame(),
    onDecoderEvent: (event, at) => staff.observeTelegram(event, at),
    onKeyVerified: (systemTitle) => {
      if (!keys.status().hasKey || keys.status().systemTitle === systemTitle) return;
      background = background
        .then(() => keys.noteSystemTitle(systemTitle))
        .then(() => hub.emit('key:status', keys.status()))
        .catch((err: Error) => log(`key: could not record the system title: ${err.message.split('\n')[0]}`));
    },
  });

  async function updateSettings(patch: Partial<Settings>): Promise<void> {
    settings = { ...settings, ...patch };
    await saveSettings(paths.settings, settings);
  }

  // Source changes run one at a time, in the order they were asked for: while a slow start (the
  // demo's central) is awaited, a second source:set or close() would otherwise see no link to stop
  // and leave the first one running.
  let linkChanges: Promise<unknown> = Promise.resolve();
  let closed = false; // after close(), a source:set that was still on its way starts nothing
  function oneAtATime<T>(change: () => Promise<T>): Promise<T> {
    const run = linkChanges.then(change);
    linkChanges = run.catch(() => {});
    return run;
  }

  async function stopLink(): Promise<void> {
    const old = link;
    link = null;
    demoEndpoint = null;
    if (old) await old.stop();
    session.resetStream();
  }

  async function startLink(config: SourceConfig): Promise<LinkState> {
    await stopLink();
    if (closed) return linkState();
    const built = await buildSource(config, clock, opts.demo);
    if (!built.ok) {
      idle = { status: 'error', source: config, since: clock.now(), lastDataAt: null, message: built.message };
      hub.emit('meter:link', idle);
      return idle;
    }
    demoEndpoint = built.demo;
    const mine = createLink({
      source: built.source,
      config,
      clock,
      silenceMs: settings.silenceMs,
      ...(opts.backoff ? { backoffInitialMs: opts.backoff.initialMs, backoffMaxMs: opts.backoff.maxMs } : {}),
      onBytes: (bytes) => session.push(bytes),
      onState: (state) => {
        if (state.status === 'open') session.resetStream(); // a half frame from before the drop is garbage
        hub.emit('meter:link', state);
      },
    });
    link = mine;
    mine.start();
    if (built.demo?.pairing && built.demo.centralUrl && !keys.status().hasKey) {
      const { meterId, code } = built.demo.pairing;
      const centralUrl = built.demo.centralUrl;
      background = background
        .then(() => pair({ centralUrl, meterId, code }))
        .then((r) => {
          if (!r.ok || r.value.status !== 'paired') log(`demo: pairing failed: ${r.ok ? r.value.status : r.error.message}`);
        })
        .catch((err: Error) => log(`demo: pairing failed: ${err.message.split('\n')[0]}`));
    }
    return mine.state();
  }

  const pair = (payload: Payload<'pairing:pair'>) =>
    pairAndStore(payload, {
      centralUrl: payload.centralUrl ?? settings.centralUrl ?? demoEndpoint?.centralUrl ?? null,
      request: (url, meterId, code) => requestPairing(url, meterId, code, opts.fetch ?? fetch),
      session,
      keys,
      rememberCentral: async (url) => {
        if (payload.centralUrl && url !== demoEndpoint?.centralUrl) await updateSettings({ centralUrl: url });
      },
      emitKey: () => hub.emit('key:status', keys.status()),
    });

  const handlers: Handlers = {
    'app:snapshot': async () => ok({ link: linkState(), key: keys.status(), ...session.snapshotPart() }),
    'ports:list': async () => ok(await (opts.listPorts ?? defaultListPorts)()),
    'source:get': async () => ok(settings.source),
    'source:set': async (config) => {
      const checked = validatePayload('source:set', config);
      if (!checked.ok) return { ok: false, error: checked.error };
      // Saved and started in the order the requests came: the settings write is I/O, and two
      // overlapping source:set calls must not swap places on their way to startLink.
      return oneAtATime(async () => {
        await updateSettings({ source: checked.value });
        return ok(await startLink(checked.value));
      });
    },
    'source:stop': () =>
      oneAtATime(async () => {
        await stopLink();
        await updateSettings({ source: null });
        idle = { status: 'idle', source: null, since: clock.now(), lastDataAt: null };
        hub.emit('meter:link', idle);
        return ok(idle);
      }),
    'key:status': async () => ok(keys.status()),
    'key:set': async ({ hex }) => {
      const checked = checkMeterKey(typeof hex === 'string' ? hex : '');
      if (!checked.ok) return fail(checked.code, checked.message);
      await keys.set(checked.hex, { origin: 'manual', meterId: null, systemTitle: null });
      session.setKey(keys.key());
      hub.emit('key:status', keys.status());
      return ok(keys.status());
    },
    'key:clear': async () => {
      const status = await keys.clear();
      session.setKey(null);
      hub.emit('key:status', status);
      return ok(status);
    },
    'messages:markRead': async ({ channel }) => {
      await inbox.markRead(channel, clock.now());
      return ok(null);
    },
    'pairing:pair': pair,
    'capture:export': async ({ redact }) =>
      ok(exportCapture(session.frames.since(clock.now() - settings.captureMinutes * 60_000), { redact, now: clock.now() })),
    'central:info': async () =>
      ok({ url: settings.centralUrl ?? demoEndpoint?.centralUrl ?? null, demo: linkState().source?.kind === 'demo' }),
    'staff:signIn': (p) => staff.handle('staff:signIn', p),
    'staff:signOut': (p) => staff.handle('staff:signOut', p),
    'staff:meter': (p) => staff.handle('staff:meter', p),
    'staff:change': (p) => staff.handle('staff:change', p),
  } satisfies Handlers & Record<StaffChannel, unknown>;

  const stored = settings.source;
  if (stored && opts.autoStart !== false) await oneAtATime(() => startLink(stored));

  return {
    async handle(channel, payload) {
      try {
        return await (handlers[channel] as (p: typeof payload) => Promise<ApiResult<Value<typeof channel>>>)(payload);
      } catch (err) {
        // Our own messages never carry key material; a system error's first line is safe to show.
        return fail('INTERNAL', `${channel}: ${(err as Error).message?.split('\n')[0] ?? String(err)}`);
      }
    },
    on: (event, listener) => hub.on(event, listener),
    async close() {
      closed = true;
      await oneAtATime(stopLink);
      session.close();
      await background;
      await inbox.flush();
    },
  };
}
