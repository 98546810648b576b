/**
 * The link room: which source feeds the session, and its life. Answers `ports:list` and `source:*`,
 * starts the stored source, and runs source changes one at a time: while a slow start (the demo's
 * central) is awaited, a second `source:set` or `close()` would otherwise see no link to stop and
 * leave the first one running.
 */
import type { ApiResult, LinkState, Payload, PortInfo, SourceConfig, Value } from '../../contracts/ipc.ts';
import { ok } from '../../protocol/index.ts';
import { validatePayload } from '../ipc/validate.ts';
import type { Clock } from './clock.ts';
import type { EventHub } from './events.ts';
import { createLink, type Link } from './link.ts';
import type { Session } from './session.ts';
import type { SettingsStore } from './settings.ts';
import { buildSource, type DemoEndpoint, type DemoHook } from './source-factory.ts';
import { listPortsWithFallback } from './sources/port-scan.ts';

export type LinkChannel = 'ports:list' | 'source:get' | 'source:set' | 'source:stop';
type Handlers = { [C in LinkChannel]: (payload: Payload<C>) => Promise<ApiResult<Value<C>>> };

export interface LinkRoomOptions {
  clock: Clock;
  hub: EventHub;
  session: Session;
  settings: SettingsStore;
  demo?: DemoHook;
  listPorts?: () => Promise<{ ports: PortInfo[]; warning?: string }>;
  backoff?: { initialMs: number; maxMs: number };
  /** The demo's central and meter are up (the services redeem its pairing code), or gone (null). */
  onDemo?: (endpoint: DemoEndpoint | null) => void;
}

export interface LinkRoom {
  handlers: Handlers;
  state(): LinkState;
  /** Starts the stored source, if any. */
  resume(): Promise<void>;
  close(): Promise<void>;
}

async function defaultListPorts(): Promise<{ ports: PortInfo[]; warning?: string }> {
  try {
    return await (await import('./sources/serial.ts')).listSerialPorts();
  } catch (err) {
    return listPortsWithFallback(() => Promise.reject(err));
  }
}

export function createLinkRoom(opts: LinkRoomOptions): LinkRoom {
  const { clock, hub, session, settings } = opts;
  let link: Link | null = null;
  let idle: LinkState = { status: 'idle', source: null, since: clock.now(), lastDataAt: null };
  let changes: Promise<unknown> = Promise.resolve();
  let closed = false; // after close(), a source:set still on its way starts nothing
  const state = (): LinkState => link?.state() ?? idle;

  function oneAtATime<T>(change: () => Promise<T>): Promise<T> {
    const run = changes.then(change);
    changes = run.catch(() => {});
    return run;
  }

  async function stop(): Promise<void> {
    const old = link;
    link = null;
    if (old) await old.stop();
    opts.onDemo?.(null);
    session.resetStream();
  }

  async function start(config: SourceConfig): Promise<LinkState> {
    await stop();
    if (closed) return state();
    session.sourceChanged();
    const built = await buildSource(config, clock, opts.demo);
    if (!built.ok) {
      idle = { status: 'error', source: config, since: clock.now(), lastDataAt: null, message: built.error.message };
      hub.emit('meter:link', idle);
      return idle;
    }
    const mine = createLink({
      source: built.value.source,
      config,
      clock,
      silenceMs: settings.get().silenceMs,
      ...(opts.backoff ? { backoffInitialMs: opts.backoff.initialMs, backoffMaxMs: opts.backoff.maxMs } : {}),
      onBytes: (bytes) => {
        if (session.push(bytes) > 0) mine.noteFrame();
      },
      onState: (s) => {
        if (s.status === 'open') session.resetStream(); // a half frame from before the drop is garbage
        hub.emit('meter:link', s);
      },
    });
    link = mine;
    mine.start();
    if (built.value.demo) opts.onDemo?.(built.value.demo);
    return mine.state();
  }

  const handlers: Handlers = {
    'ports:list': async () => ok(await (opts.listPorts ?? defaultListPorts)()),
    'source:get': async () => ok(settings.get().source),
    'source:set': async (config) => {
      const checked = validatePayload('source:set', config);
      if (!checked.ok) return checked;
      // Saved and started in the order the requests came: two overlapping source:set calls must
      // not swap places on their way to start().
      return oneAtATime(async () => {
        await settings.update({ source: checked.value });
        return ok(await start(checked.value));
      });
    },
    'source:stop': () =>
      oneAtATime(async () => {
        await settings.update({ source: null }); // first: a failed save must leave the source running
        await stop();
        idle = { status: 'idle', source: null, since: clock.now(), lastDataAt: null };
        hub.emit('meter:link', idle);
        return ok(idle);
      }),
  };

  return {
    handlers,
    state,
    async resume() {
      const stored = settings.get().source;
      if (stored) await oneAtATime(() => start(stored));
    },
    async close() {
      closed = true;
      await oneAtATime(stop);
    },
  };
}
