/**
 * One simulated Smarty pushing its customer port: every interval it asks the central what it holds
 * (`/port`), builds a telegram of believable values, encodes the configured fields, encrypts it when
 * encryption is on and writes it to its sink. Like a real meter it keeps its last config while the
 * central is unreachable, counts frames per key, and restarts its frame counter at 0 on a new key.
 */
import { asciiToBytes, encodeTelegram, encryptFrame, hexToBytes } from '../../protocol/index.ts';
import type { Telegram } from '../../protocol/index.ts';
import { createCentralClient } from '../../contracts/central-client.ts';
import type { PortConfig } from '../../contracts/central.ts';
import { createDurablePort, holdAtMarks } from './durable-port.ts';
import { createMeterModel, seedFromMeterId } from './meter-model.ts';
import { openSink, parseSinkSpec, type Sink, type SinkSpec } from './sinks.ts';

const REPORT_EVERY_MS = 60_000; // how often the counter goes back to the central (and on stop)

/** The config minus the central's copy of our own counter: only real changes count as a new version. */
const configIdentity = (c: PortConfig): string => JSON.stringify({ ...c, frameCounter: null });

/** What one push put on the wire, for tests and the demo to correlate with the central's state. */
export interface SentFrame {
  seq: number; // 1, 2, ... over this simulator's life
  at: Date; // the meter's clock for this telegram
  bytes: Uint8Array; // exactly what went to the sink
  encrypted: boolean;
  frameCounter: number | null; // null for a plain telegram
  keyVersion: number;
  configVersion: number; // +1 each time the config read from the central changed
  configStale: boolean; // true while the central is unreachable and the last config is used
  fields: readonly string[];
  telegram: Telegram; // every value the meter had, before the field selection
}

export interface SimulatorOptions {
  centralUrl: string;
  token: string;
  meterId: string;
  /** A sink, its spec, or `--out` text (`tcp:HOST:PORT`, `file:PATH`, a device path). */
  sink: Sink | SinkSpec | string;
  intervalMs?: number; // default 10 000, the Smarty's push interval
  now?: () => Date;
  seed?: number; // default: derived from the meter id
  pvPeakW?: number; // rooftop PV peak; 0 (default) for none
  onFrame?: (frame: SentFrame) => void;
  log?: (line: string) => void; // default: stderr, prefixed with the meter id
}

export interface RunningSimulator {
  readonly meterId: string;
  readonly sink: Sink;
  /** Frames sent so far. */
  readonly frames: number;
  /** Subscribes to every frame sent; returns the unsubscribe function. */
  onFrame(listener: (frame: SentFrame) => void): () => void;
  stop(): Promise<void>;
}

async function resolveSink(sink: SimulatorOptions['sink']): Promise<Sink> {
  if (typeof sink === 'string') {
    const spec = parseSinkSpec(sink);
    if (!spec.ok) throw new Error(spec.error);
    return openSink(spec.value);
  }
  return 'write' in sink ? sink : openSink(sink);
}

/** Starts a simulated meter; resolves after its first frame, rejects if the central never answered. */
export async function startSimulator(opts: SimulatorOptions): Promise<RunningSimulator> {
  const intervalMs = opts.intervalMs ?? 10_000;
  const now = opts.now ?? (() => new Date());
  const log = opts.log ?? ((line: string) => process.stderr.write(`simulate ${opts.meterId}: ${line}\n`));
  const listeners = new Set<(f: SentFrame) => void>();
  if (opts.onFrame) listeners.add(opts.onFrame);

  // One client for every call this meter makes; a config read waits at most one interval (≥ 1 s).
  const central = createCentralClient({ baseUrl: opts.centralUrl, token: opts.token, timeoutMs: Math.max(1_000, intervalMs) });
  const first = await central.port(opts.meterId);
  if (!first.ok) throw new Error(first.error.message);
  // Counters and register marks come from the central's disk, so a restart never reuses or goes back.
  const durable = createDurablePort({ central, meterId: opts.meterId, intervalMs });
  const stored = await durable.start(first.value.keyVersion);
  const model = createMeterModel({ seed: opts.seed ?? seedFromMeterId(opts.meterId), pvPeakW: opts.pvPeakW ?? 0, registers: stored });
  const sink = await resolveSink(opts.sink);

  let config: PortConfig = first.value;
  let configKey = configIdentity(config);
  let configVersion = 1;
  let stale = false;
  let reportedCounter = durable.nextCounter;
  let reportedAt = Date.now();
  let keyVersion = config.keyVersion;
  let keyHex = config.key;
  let frames = 0;
  let writeFailing = false;
  let holdSaid = '';

  async function refresh(): Promise<void> {
    const got = await central.port(opts.meterId);
    if (!got.ok) {
      if (!stale) log(`${got.error.message}; keeping the last known config`);
      stale = true;
      return;
    }
    if (stale) log('central reachable again');
    stale = false;
    const nextKey = configIdentity(got.value);
    if (nextKey === configKey) return;
    config = got.value;
    configKey = nextKey;
    configVersion++;
    if (config.keyVersion !== keyVersion || config.key !== keyHex) {
      keyVersion = config.keyVersion; // a new key is a new security context: counting restarts at 0
      keyHex = config.key;
      durable.forgetKey();
      holdSaid = '';
    }
  }

  async function push(at: Date): Promise<void> {
    const telegram = model.telegram(config, at);
    const encrypted = config.encryption;
    const lease = await durable.take(keyVersion, encrypted, model.marks());
    if (lease.kind !== 'ok') {
      const why =
        lease.kind === 'key-changed'
          ? 'the key changed at the central; sending again once the new key is read'
          : lease.reason === 'exhausted'
            ? 'frame counter exhausted: the meter stops sending until its key changes'
            : `cannot reserve frame counters or register marks (${durable.lastError}): not sending rather than risk reusing a counter`;
      if (holdSaid !== why) log(why);
      holdSaid = why;
      return;
    }
    if (holdSaid !== '') log('sending again');
    holdSaid = '';
    holdAtMarks(telegram, lease.marks);
    const plaintext = asciiToBytes(encodeTelegram(telegram, { fields: config.fields }));
    const counter = lease.counter;
    const bytes =
      counter === null
        ? plaintext
        : encryptFrame({ key: hexToBytes(config.key), systemTitle: hexToBytes(config.systemTitle), frameCounter: counter, plaintext });
    try {
      await sink.write(bytes);
      if (writeFailing) log(`writing to ${sink.description} works again`);
      writeFailing = false;
    } catch (e) {
      if (!writeFailing) log(`cannot write to ${sink.description}: ${(e as Error).message}`);
      writeFailing = true;
      return; // like a meter pushing into a dead line: the frame (and its counter value) is simply gone
    }
    frames++;
    const frame: SentFrame = {
      seq: frames,
      at,
      bytes,
      encrypted,
      frameCounter: counter,
      keyVersion,
      configVersion,
      configStale: stale,
      fields: config.fields,
      telegram,
    };
    for (const l of listeners) l(frame);
  }

  async function report(force: boolean): Promise<void> {
    const sent = durable.nextCounter;
    if (sent === reportedCounter || (!force && Date.now() - reportedAt < REPORT_EVERY_MS)) return;
    reportedAt = Date.now();
    if ((await central.reportFrameCounter(opts.meterId, sent)).ok) reportedCounter = sent;
  }

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = push(now());
  try {
    await running;
  } catch (e) {
    await sink.close();
    throw e;
  }
  const startedAt = Date.now();
  let tick = 0;

  function schedule(): void {
    if (stopped) return;
    tick++;
    // Aligned to the start so that slow central answers do not make the interval drift.
    const delay = Math.max(0, startedAt + tick * intervalMs - Date.now());
    timer = setTimeout(() => {
      running = refresh()
        .then(() => (stopped ? undefined : push(now())))
        .then(() => report(false))
        .catch((e: unknown) => log(`tick failed: ${(e as Error).message}`))
        .finally(schedule);
    }, delay);
  }
  schedule();

  return {
    meterId: opts.meterId,
    sink,
    get frames() {
      return frames;
    },
    onFrame(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      await running;
      await Promise.all([sink.close(), report(true)]);
    },
  };
}
