/**
 * Keeps a source connected: reconnects with exponential backoff after a failure or a drop, and says
 * "silent" when the meter stops sending frames. Shared by every source, so unplugging a USB cable,
 * a dropped ser2net link and a meter that stops pushing all look alike and none needs a restart.
 * A TCP link that stays silent for a second silence period is reconnected: a dongle that rebooted or
 * a Wi-Fi drop leaves a half-open socket that never reports an error by itself.
 */
import type { LinkState, SourceConfig } from '../../contracts/ipc.ts';
import type { Clock } from './clock.ts';
import type { Source, SourceEvent } from './sources/source.ts';

export interface LinkOptions {
  source: Source;
  config: SourceConfig;
  clock: Clock;
  onBytes(bytes: Uint8Array): void;
  onState(state: LinkState): void;
  /** No frame for this long after opening → "silent". Default 30 s (3 × the 10 s push interval). */
  silenceMs?: number;
  backoffInitialMs?: number; // default 500
  backoffMaxMs?: number; // default 10 000
}

export interface Link {
  start(): void;
  /** The session saw a whole frame (good or bad): the meter is talking. */
  noteFrame(): void;
  state(): LinkState;
  stop(): Promise<void>;
}

/** Creates a link around `source`; nothing happens until `start()`. */
export function createLink(opts: LinkOptions): Link {
  const { source, clock } = opts;
  const silenceMs = opts.silenceMs ?? 30_000;
  const initialMs = opts.backoffInitialMs ?? 500;
  const maxMs = opts.backoffMaxMs ?? 10_000;
  let delay = initialMs;
  let attempt = 0; // callbacks from an older attempt are ignored
  let stopped = false;
  let sawData = false;
  let retryTimer: unknown = null;
  let silenceTimer: unknown = null;
  let staleTimer: unknown = null; // TCP only: silent for a second period → reconnect
  let current: LinkState = { status: 'idle', source: opts.config, since: clock.now(), lastDataAt: null };

  function set(patch: Partial<LinkState> & Pick<LinkState, 'status'>): void {
    const next: LinkState = { status: patch.status, source: opts.config, since: current.since, lastDataAt: current.lastDataAt };
    if (patch.status !== current.status) next.since = clock.now();
    if (patch.retryAt !== undefined) next.retryAt = patch.retryAt;
    if (patch.message !== undefined) next.message = patch.message;
    current = next;
    opts.onState(current);
  }

  function armSilence(): void {
    if (silenceTimer !== null) clock.clearTimeout(silenceTimer);
    if (staleTimer !== null) clock.clearTimeout(staleTimer);
    staleTimer = null;
    silenceTimer = clock.setTimeout(() => {
      silenceTimer = null;
      if (current.status !== 'open') return;
      set({ status: 'silent', message: `no frame for ${Math.round(silenceMs / 1000)} s` });
      if (opts.config.kind === 'tcp') {
        staleTimer = clock.setTimeout(() => {
          staleTimer = null;
          const message = `no frame for ${Math.round((2 * silenceMs) / 1000)} s: the connection may be dead`;
          if (current.status === 'silent') onSourceEvent({ status: 'closed', message });
        }, silenceMs);
      }
    }, silenceMs);
  }

  function clearTimers(): void {
    for (const timer of [retryTimer, silenceTimer, staleTimer]) if (timer !== null) clock.clearTimeout(timer);
    retryTimer = silenceTimer = staleTimer = null;
  }

  function connect(): void {
    const mine = ++attempt;
    sawData = false;
    set({ status: 'connecting' });
    source.open(
      (bytes) => {
        if (mine !== attempt || stopped) return;
        current = { ...current, lastDataAt: clock.now() };
        if (!sawData) {
          sawData = true;
          delay = initialMs; // a connection that delivers data is a good one: start backoff afresh
        }
        opts.onBytes(bytes);
      },
      (event) => {
        if (mine === attempt && !stopped) onSourceEvent(event);
      },
    );
  }

  function onSourceEvent(event: SourceEvent): void {
    if (event.status === 'open') {
      set({ status: 'open' });
      armSilence();
      return;
    }
    clearTimers();
    if (event.status === 'ended' || (event.status === 'failed' && event.fatal)) {
      set({ status: event.status === 'ended' ? 'idle' : 'error', message: event.message });
      return;
    }
    const retryAt = clock.now() + delay;
    retryTimer = clock.setTimeout(() => {
      retryTimer = null;
      void source.close().then(() => {
        if (!stopped) connect();
      });
    }, delay);
    delay = Math.min(delay * 2, maxMs);
    set({ status: 'reconnecting', retryAt, message: event.message });
  }

  return {
    start() {
      if (!stopped && current.status === 'idle') connect();
    },
    noteFrame() {
      if (current.status !== 'open' && current.status !== 'silent') return;
      armSilence();
      if (current.status === 'silent') set({ status: 'open' });
    },
    state: () => current,
    async stop() {
      stopped = true;
      attempt++;
      clearTimers();
      await source.close();
      set({ status: 'idle' });
    },
  };
}
