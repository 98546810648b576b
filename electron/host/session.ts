/**
 * The port session: bytes in, everything the app shows out. Feeds the stream decoder, keeps health
 * and the key diagnosis, the last hour of power, the message inbox, recent problems and raw frames,
 * and emits the meter events. Knows nothing about where the bytes come from.
 */
import type { Events, FrameRecord, PortHealth, ProblemRecord, ReadingRecord, Snapshot } from '../../contracts/ipc.ts';
import type { DecoderEvent, PlainPolicy } from '../../protocol/types.ts';
import { bytesToAscii, bytesToHex } from '../../protocol/index.ts';
import type { Clock } from './clock.ts';
import { createFrameLog, type FrameLog } from './frame-log.ts';
import { createHealthTracker, type KeyVerification } from './health.ts';
import type { Inbox } from './inbox.ts';

/** The stream decoder as the session uses it (protocol/ createStreamDecoder). */
export interface StreamDecoder {
  push(bytes: Uint8Array): DecoderEvent[];
  finish(): DecoderEvent[];
  setKey(key: Uint8Array | null, aad?: Uint8Array): void;
  setPlainPolicy(policy: PlainPolicy): void;
  counters(): Record<string, number>;
  reset(): void;
}
export type DecoderFactory = (opts: {
  key: Uint8Array | null;
  counters?: Readonly<Record<string, number>>;
  plain?: PlainPolicy;
}) => StreamDecoder;

type Emit = <E extends 'meter:reading' | 'meter:problem' | 'meter:frame' | 'meter:health'>(event: E, payload: Events[E]) => void;

export interface SessionOptions {
  createDecoder: DecoderFactory;
  key: Uint8Array | null;
  /** The last frame counter per system title already seen under `key` (persisted by the host). */
  counters?: Readonly<Record<string, number>>;
  /** What happens to plain telegrams; default 'auto' (refused once encrypted frames verified). */
  plain?: PlainPolicy;
  inbox: Inbox;
  clock: Clock;
  emit: Emit;
  /** Every decoder event, after the session has taken it in (the staff service times changes on them). */
  onDecoderEvent?: (event: DecoderEvent, at: number) => void;
  /** The current key decoded a frame from this system title. */
  onKeyVerified?: (systemTitle: string) => void;
  healthIntervalMs?: number; // at most one meter:health per interval; default 250 (≤ 4/s)
}

export interface Session {
  /** Decodes `bytes`; returns how many frames (good or bad) they completed: a link with frames is not silent. */
  push(bytes: Uint8Array): number;
  /** The line was closed or switched: drop half-received frames. */
  resetStream(): void;
  /** Another source now feeds the port: its health starts from nothing. */
  sourceChanged(): void;
  /** Installs a new key (or none) and re-diagnoses on the newest encrypted frame. */
  setKey(key: Uint8Array | null): KeyVerification;
  /** Changes what happens to plain telegrams from now on. */
  setPlainPolicy(policy: PlainPolicy): void;
  /** The last frame counter per system title under the current key. */
  counters(): Record<string, number>;
  /** Tries `key` on the newest encrypted frame without installing it. */
  verifyKey(key: Uint8Array): { result: KeyVerification; systemTitle: string | null };
  health(): PortHealth;
  snapshotPart(): Pick<Snapshot, 'health' | 'latest' | 'history' | 'messages' | 'problems' | 'frames'>;
  frames: FrameLog;
  close(): void;
}

const HISTORY_MS = 60 * 60_000;
const HISTORY_MAX = 3600;
const PROBLEMS_MAX = 200;
const RECENT_FRAMES = 200;

/** A session decoding with `opts.key`. */
export function createSession(opts: SessionOptions): Session {
  const { clock, emit } = opts;
  const healthEvery = opts.healthIntervalMs ?? 250;
  const decoder = opts.createDecoder({
    key: opts.key,
    ...(opts.counters ? { counters: opts.counters } : {}),
    ...(opts.plain ? { plain: opts.plain } : {}),
  });
  const tracker = createHealthTracker();
  const frames = createFrameLog();
  const history: Snapshot['history'] = [];
  let problems: ProblemRecord[] = [];
  const recentFrames: FrameRecord[] = []; // oldest first
  let latest: ReadingRecord | null = null;
  let lastHealthAt = -Infinity;
  let healthTimer: unknown = null;

  function emitHealth(): void {
    const wait = lastHealthAt + healthEvery - clock.now();
    if (wait <= 0) {
      lastHealthAt = clock.now();
      emit('meter:health', tracker.health());
    } else if (healthTimer === null) {
      healthTimer = clock.setTimeout(() => {
        healthTimer = null;
        emitHealth();
      }, wait);
    }
  }

  function addProblem(event: Exclude<DecoderEvent, { type: 'telegram' }>, at: number): void {
    const problem: ProblemRecord = {
      at,
      kind: event.type,
      code: event.code,
      message: event.message,
      frameCounter: event.frame?.frameCounter ?? null,
    };
    problems = [problem, ...problems].slice(0, PROBLEMS_MAX);
    emit('meter:problem', problem);
  }

  function onTelegram(event: Extract<DecoderEvent, { type: 'telegram' }>, at: number): void {
    latest = { receivedAt: at, encrypted: event.encrypted, frame: event.frame, telegram: event.telegram };
    const e = event.telegram.electricity;
    history.push({ at, importPowerW: e.importPowerW ?? null, exportPowerW: e.exportPowerW ?? null });
    if (history.length > HISTORY_MAX) history.splice(0, history.length - HISTORY_MAX);
    opts.inbox.onTelegram(event.telegram, at);
    if (event.encrypted && event.frame) opts.onKeyVerified?.(event.frame.systemTitle);
    emit('meter:reading', latest);
  }

  function onEvent(event: DecoderEvent, at: number): void {
    take(event, at);
    opts.onDecoderEvent?.(event, at);
  }

  function take(event: DecoderEvent, at: number): void {
    tracker.onEvent(event, at);
    if (event.type === 'warning') {
      addProblem(event, at);
      return;
    }
    frames.add(at, event);
    const record: FrameRecord = {
      at,
      rawHex: bytesToHex(event.raw),
      frame: event.frame,
      text: event.type === 'telegram' ? event.text : event.frame ? null : bytesToAscii(event.raw),
      status: event.type === 'telegram' ? 'ok' : event.code,
    };
    recentFrames.push(record);
    if (recentFrames.length > RECENT_FRAMES) recentFrames.shift();
    emit('meter:frame', record);
    if (event.type === 'telegram') onTelegram(event, at);
    else addProblem(event, at);
  }

  function verify(key: Uint8Array | null): { result: KeyVerification; systemTitle: string | null } {
    const last = frames.lastEncrypted();
    if (!last || key === null) return { result: 'unknown', systemTitle: null };
    const events = opts.createDecoder({ key }).push(last.event.raw);
    const systemTitle = last.event.frame?.systemTitle ?? null;
    if (events.some((e) => e.type === 'telegram' || (e.type === 'error' && e.code === 'CRC_MISMATCH')))
      return { result: 'ok', systemTitle };
    if (events.some((e) => e.type === 'error' && e.code === 'AUTH_FAILED')) return { result: 'fails', systemTitle };
    return { result: 'unknown', systemTitle };
  }

  return {
    push(bytes) {
      const at = clock.now();
      tracker.onBytes(bytes.length);
      let frames = 0;
      for (const event of decoder.push(bytes)) {
        onEvent(event, at);
        if (event.type !== 'warning') frames++;
      }
      emitHealth();
      return frames;
    },
    resetStream() {
      decoder.reset();
    },
    sourceChanged() {
      decoder.reset();
      tracker.sourceChanged(clock.now());
      emitHealth();
    },
    setKey(key) {
      decoder.setKey(key);
      const { result, systemTitle } = verify(key);
      tracker.keyChanged(key !== null, result, clock.now());
      if (result === 'ok' && systemTitle) opts.onKeyVerified?.(systemTitle);
      emitHealth();
      return result;
    },
    verifyKey: (key) => verify(key),
    setPlainPolicy: (policy) => decoder.setPlainPolicy(policy),
    counters: () => decoder.counters(),
    health: () => tracker.health(),
    snapshotPart() {
      const since = clock.now() - HISTORY_MS;
      return {
        health: tracker.health(),
        latest,
        history: history.filter((p) => p.at >= since),
        messages: opts.inbox.list(),
        problems: [...problems],
        frames: [...recentFrames].reverse(),
      };
    },
    frames,
    close() {
      if (healthTimer !== null) clock.clearTimeout(healthTimer);
      healthTimer = null;
    },
  };
}
