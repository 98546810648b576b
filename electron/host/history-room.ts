/**
 * The history room: the recorder (history/live-recorder.ts, a writer thread) fed by the host.
 * Every verified telegram (`meter:reading`) is recorded, and the events only the host knows: link
 * losses and restorations, key changes. Answers `history:*`. A database that cannot be opened
 * (damaged, foreign, read-only, full disk) leaves the app running: one notice, and every history
 * request fails with HISTORY_UNAVAILABLE or HISTORY_FULL. Nothing stored is ever rewritten.
 */
import type { HistoryEventKind } from '../../contracts/history.ts';
import type { ApiErrorCode, ApiResult, LinkState, LinkStatus, Payload, ReadingRecord, Value } from '../../contracts/ipc.ts';
import { fail, ok } from '../../protocol/index.ts';
import type { Clock } from './clock.ts';
import { createLiveRecorder, HistoryError, type LiveRecorder } from './history/index.ts';
import { meterIdOf } from './history/reading-fields.ts';
import type { Notices } from './notices.ts';
import type { SettingsStore } from './settings.ts';

export type HistoryChannel = 'history:info' | 'history:series' | 'history:power' | 'history:events' | 'history:retention';
type Handlers = { [C in HistoryChannel]: (payload: Payload<C>) => Promise<ApiResult<Value<C>>> };

export interface HistoryRoomOptions {
  /** The database file (historyPath(dataDir)); null: this host keeps no history (in-memory test hosts). */
  path: string | null;
  settings: SettingsStore;
  notices: Notices;
  clock: Clock;
  maxBytes?: number; // a size cap, for the full-disk tests
}

export interface HistoryRoom {
  handlers: Handlers;
  /**
   * A verified telegram; returns at once (the writer thread commits it). `port` names the source it
   * came from ('primary', or an other meter's id): that port's events are filed under its meter.
   */
  record(reading: ReadingRecord, port?: string): void;
  /** Telegrams from the past (the demo's simulated months), recorded in batches: hand them over before newer ones. */
  recordPast(readings: readonly ReadingRecord[]): void;
  /** Whether anything is recorded for `meterId` (false too when the history is unavailable). */
  hasMeter(meterId: string): boolean;
  /** A port's link state changed: a loss and the restoration after it become events. */
  linkChanged(link: LinkState, port?: string): void;
  /** The key that decodes a port changed (set, paired, cleared, or the operator's rotation seen). */
  keyChanged(detail: string, port?: string): void;
  /** Resolves when everything handed over so far is committed (tests). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

const RECEIVING: readonly LinkStatus[] = ['open'];
const LOST: readonly LinkStatus[] = ['reconnecting', 'error', 'silent'];
const PENDING_MAX = 10_000; // readings held while the recorder reopens (a retention change): seconds' worth

/** What a failed open or query is called in the contract. */
function apiCode(err: HistoryError): ApiErrorCode {
  if (err.code === 'FULL') return 'HISTORY_FULL';
  if (err.code === 'UNKNOWN_METER') return 'UNKNOWN_METER';
  if (err.code === 'BAD_REQUEST') return 'BAD_PAYLOAD';
  return 'HISTORY_UNAVAILABLE';
}

export function createHistoryRoom(opts: HistoryRoomOptions): HistoryRoom {
  const { settings, notices, clock } = opts;
  let recorder: LiveRecorder | null = null;
  let failure: { code: ApiErrorCode; message: string } | null = null;
  let reopening: Promise<void> | null = null;
  let pending: ReadingRecord[] = [];
  // Per port: the meter its events are filed under (the last one that sent a telegram on it), its link.
  const ports = new Map<string, { meterId: string | null; linkStatus: LinkStatus | null; linkLost: boolean }>();
  const portOf = (port: string) => {
    let p = ports.get(port);
    if (!p) {
      p = { meterId: null, linkStatus: null, linkLost: false };
      ports.set(port, p);
    }
    return p;
  };
  let closed = false;
  const told = new Set<string>(); // runtime failures are noticed once per kind, not once per telegram

  function open(): void {
    if (opts.path === null) {
      failure = { code: 'HISTORY_UNAVAILABLE', message: 'history: this host keeps no history (in-memory test host)' };
      return;
    }
    try {
      recorder = createLiveRecorder({
        path: opts.path,
        clock,
        detailRetentionDays: settings.get().historyRetentionDays,
        ...(opts.maxBytes !== undefined ? { maxBytes: opts.maxBytes } : {}),
        onError: (err) => {
          if (told.has(err.code)) return;
          told.add(err.code);
          notices.add(`history: ${err.message}`);
        },
      });
      failure = null;
    } catch (err) {
      const e = err instanceof HistoryError ? err : new HistoryError('IO', String((err as Error).message ?? err));
      recorder = null;
      failure = { code: apiCode(e), message: `${e.message}; LuxP1 runs on without recording history` };
      notices.add(failure.message);
    }
  }

  function event(port: string, kind: HistoryEventKind, detail: string): void {
    const meterId = portOf(port).meterId;
    if (meterId !== null) recorder?.recordEvent({ meterId, at: clock.now(), kind, detail });
  }

  /** Runs a query on the open recorder; its HistoryError becomes the contract's code, never a throw. */
  async function query<T>(run: (r: LiveRecorder) => T): Promise<ApiResult<T>> {
    if (reopening) await reopening;
    if (!recorder) return fail(failure?.code ?? 'HISTORY_UNAVAILABLE', failure?.message ?? 'history: closed');
    try {
      return ok(run(recorder));
    } catch (err) {
      if (!(err instanceof HistoryError)) throw err;
      return fail(apiCode(err), err.message);
    }
  }

  /** Closes and reopens the recorder (a new retention); telegrams meanwhile are held, then recorded. */
  function reopen(): Promise<void> {
    const previous = recorder;
    reopening = (async () => {
      recorder = null;
      await previous?.close();
      if (!closed) open();
      const held = pending;
      pending = [];
      for (const r of held) (recorder as LiveRecorder | null)?.record(r); // open() may have set it
    })().finally(() => {
      reopening = null;
    });
    return reopening;
  }

  open();

  const handlers: Handlers = {
    'history:info': () => query((r) => r.info()),
    'history:series': (req) => query((r) => r.series(req)),
    'history:power': (req) => query((r) => r.power(req)),
    'history:events': (req) => query((r) => r.events({ ...req, limit: 200 })),
    'history:retention': async ({ days }) => {
      if (!recorder && !reopening) return fail(failure?.code ?? 'HISTORY_UNAVAILABLE', failure?.message ?? 'history: closed');
      await settings.update({ historyRetentionDays: days }); // SAVE_FAILED leaves the running recorder as it was
      await reopen();
      return query((r) => r.info());
    },
  };

  return {
    handlers,
    record(reading, port = 'primary') {
      portOf(port).meterId = meterIdOf(reading);
      if (reopening) {
        if (pending.length < PENDING_MAX) pending.push(reading);
      } else recorder?.record(reading);
    },
    recordPast(readings) {
      recorder?.recordMany(readings);
    },
    hasMeter(meterId) {
      try {
        return recorder?.meters().some((m) => m.meterId === meterId && m.first !== null) ?? false;
      } catch {
        return false;
      }
    },
    linkChanged(link, port = 'primary') {
      const p = portOf(port);
      const before = p.linkStatus;
      p.linkStatus = link.status;
      if (before === link.status) return;
      if (before !== null && RECEIVING.includes(before) && LOST.includes(link.status)) {
        p.linkLost = true;
        event(port, 'link-lost', link.message ? `${link.status}: ${link.message}` : link.status);
      } else if (p.linkLost && RECEIVING.includes(link.status)) {
        p.linkLost = false;
        event(port, 'link-restored', 'receiving again');
      }
    },
    keyChanged(detail, port = 'primary') {
      event(port, 'key-changed', detail);
    },
    async flush() {
      if (reopening) await reopening;
      await recorder?.flush();
    },
    async close() {
      closed = true;
      if (reopening) await reopening;
      const r = recorder;
      recorder = null;
      failure = { code: 'HISTORY_UNAVAILABLE', message: 'history: closed' };
      await r?.close();
    },
  };
}
