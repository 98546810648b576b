/**
 * Other meters (issue 12): the meters besides the primary one, e.g. the PV production meter that
 * Luxembourg grid operators put next to the house meter. Each has its own source (link.ts, with the
 * same backoff and silence rules as the primary), its own session and stream decoder under its own
 * key (DATA/meters/<id>.key, same protector as the primary key), replay counters per key in DATA/meters/<id>.counters.json, as the main meter's.
 * Every verified telegram goes to `meters:reading`, the history recorder and the integrations; the
 * link, key and diagnosis go to `meters:state`. Pairing, staff tools and plain-data questions stay
 * with the primary meter. Changes run one at a time and restart only the meter they touch.
 */
import { createCentralClient } from '../../contracts/central-client.ts';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type ApiResult,
  type LinkState,
  MAX_OTHER_METERS,
  type MeterState,
  type OtherMeterConfig,
  type Payload,
  type Value,
} from '../../contracts/ipc.ts';
import { checkMeterKey } from '../../contracts/meter-key.ts';
import { createStreamDecoder, fail, ok } from '../../protocol/index.ts';
import type { DecoderEvent } from '../../protocol/types.ts';
import type { Clock } from './clock.ts';
import { type CounterStore, createCounterStore } from './counter-store.ts';
import type { EventHub } from './events.ts';
import { createInbox } from './inbox.ts';
import { createKeyStore, type KeyProtector, type KeyStore, keyError } from './key-store.ts';
import { createLink, type Link } from './link.ts';
import { createSession, type DecoderFactory, type Session } from './session.ts';
import type { SettingsStore } from './settings.ts';
import { buildSource } from './source-factory.ts';

export type MetersChannel = 'meters:list' | 'meters:save' | 'meters:setKey' | 'meters:pair' | 'meters:remove';
type Handlers = { [C in MetersChannel]: (payload: Payload<C>) => Promise<ApiResult<Value<C>>> };

export interface OtherMetersOptions {
  dataDir: string;
  protector: KeyProtector | 'file' | 'memory';
  settings: SettingsStore;
  hub: EventHub;
  clock: Clock;
  /** A verified telegram of an other meter, for the history recorder (same as the primary's). */
  record: (reading: NonNullable<MeterState['latest']>, id: string) => void;
  /** Every decoder event, for the integrations (MQTT, re-serve, API are per meter id already). */
  observe: (event: DecoderEvent, at: number) => void;
  /** One-line notices (an unreadable key file); never key material. */
  notice: (line: string) => void;
  createDecoder?: DecoderFactory;
  backoff?: { initialMs: number; maxMs: number };
  /** The central system that pairs (the primary meter's, or the demo's); null when none is known. */
  centralUrl?: () => string | null;
  fetch?: typeof fetch;
}

export interface OtherMeters {
  handlers: Handlers;
  list(): MeterState[];
  /** Starts every stored other meter. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** One running other meter. */
interface Meter {
  config: OtherMeterConfig;
  keys: KeyStore;
  session: Session;
  link: Link | null;
  idle: LinkState; // the link state while there is no link (not started, or the source could not be built)
  latest: MeterState['latest'];
  diagnosis: MeterState['diagnosis'];
}

/** Where an other meter's key lives: its own file, so removing the meter removes exactly its key. */
export function otherMeterKeyPath(dataDir: string, id: string): string {
  return join(dataDir, 'meters', `${id}.key`);
}

/** Its frame counters per key, as the main meter's (counter-store.ts): a recorded frame stays a replay after a restart. */
export function otherMeterCountersPath(dataDir: string, id: string): string {
  return join(dataDir, 'meters', `${id}.counters.json`);
}

export function createOtherMeters(opts: OtherMetersOptions): OtherMeters {
  const { clock, hub, settings } = opts;
  const meters = new Map<string, Meter>();
  let changes: Promise<unknown> = Promise.resolve();
  let closed = false;

  function oneAtATime<T>(change: () => Promise<T>): Promise<T> {
    const run = changes.then(change);
    changes = run.catch(() => {});
    return run;
  }

  const stateOf = (m: Meter): MeterState => ({
    id: m.config.id,
    label: m.config.label,
    source: m.config.source,
    link: m.link?.state() ?? m.idle,
    hasKey: m.keys.status().hasKey,
    diagnosis: m.diagnosis,
    latest: m.latest,
  });
  const list = (): MeterState[] => settings.get().otherMeters.flatMap((c) => (meters.has(c.id) ? [stateOf(meters.get(c.id)!)] : []));
  const emitState = (m: Meter): void => {
    if (meters.get(m.config.id) === m) hub.emit('meters:state', stateOf(m));
  };

  const counterStores = new Map<string, CounterStore>(); // outlive a meter's restart, as its key store does
  async function countersFor(config: OtherMeterConfig): Promise<CounterStore> {
    let counters = counterStores.get(config.id);
    if (!counters) {
      const path = opts.protector === 'memory' ? null : otherMeterCountersPath(opts.dataDir, config.id);
      counters = createCounterStore(path, (line) => opts.notice(`${config.label}: ${line}`));
      const warning = await counters.load();
      if (warning) opts.notice(`${config.label}: ${warning}`);
      counterStores.set(config.id, counters);
    }
    return counters;
  }

  async function open(config: OtherMeterConfig, keys: KeyStore | null): Promise<Meter> {
    const store = keys ?? createKeyStore(otherMeterKeyPath(opts.dataDir, config.id), opts.protector);
    if (!keys) {
      const warning = await store.load();
      if (warning) opts.notice(`${config.label}: ${warning}`);
    }
    const counters = await countersFor(config);
    const known = counters.get(store.key());
    const m: Meter = {
      config,
      keys: store,
      link: null,
      idle: { status: 'idle', source: config.source, since: clock.now(), lastDataAt: null },
      latest: null,
      diagnosis: 'no-signal',
      session: null as unknown as Session, // set just below: the session's callbacks need `m`
    };
    m.session = createSession({
      createDecoder: opts.createDecoder ?? ((o) => createStreamDecoder(o)),
      key: store.key(),
      ...(known ? { counters: known } : {}),
      plain: 'auto', // plain telegrams after verified encrypted ones are refused; the question is the primary's
      inbox: createInbox(null, () => {}), // text messages are shown for the primary meter only
      clock,
      emit: (event, payload) => {
        if (event === 'meter:reading') {
          const reading = payload as NonNullable<MeterState['latest']>;
          m.latest = reading;
          if (meters.get(config.id) !== m) return;
          hub.emit('meters:reading', { id: config.id, reading });
          opts.record(reading, config.id);
        } else if (event === 'meter:health') {
          const diagnosis = (payload as { diagnosis: MeterState['diagnosis'] }).diagnosis;
          if (diagnosis === m.diagnosis) return;
          m.diagnosis = diagnosis;
          emitState(m);
        }
      },
      onDecoderEvent: (event, at) => {
        if (meters.get(config.id) !== m) return;
        opts.observe(event, at);
        const key = event.type === 'telegram' && event.encrypted ? m.keys.key() : null;
        if (key) counters.save(key, m.session.counters());
      },
    });
    meters.set(config.id, m);
    const built = await buildSource(config.source, clock, undefined);
    if (!built.ok) {
      m.idle = { ...m.idle, status: 'error', message: built.error.message };
      emitState(m);
      return m;
    }
    const link = createLink({
      source: built.value.source,
      config: config.source,
      clock,
      silenceMs: settings.get().silenceMs,
      ...(opts.backoff ? { backoffInitialMs: opts.backoff.initialMs, backoffMaxMs: opts.backoff.maxMs } : {}),
      onBytes: (bytes) => {
        if (m.session.push(bytes) > 0) link.noteFrame();
      },
      onState: (s) => {
        if (s.status === 'open') m.session.resetStream(); // a half frame from before the drop is garbage
        emitState(m);
      },
    });
    m.link = link;
    link.start();
    return m;
  }

  /** Stops the meter's link and session; its key store is handed back for a restart. */
  async function shut(id: string): Promise<KeyStore | null> {
    const m = meters.get(id);
    if (!m) return null;
    meters.delete(id);
    await m.link?.stop();
    m.session.close();
    return m.keys;
  }

  const unknown = (id: string) => fail('NO_SUCH_METER', `meters: no other meter is called ${id}`);

  /** A typed or paired key, tried on the meter's newest encrypted frame first: a typo must not replace a key that works. */
  async function adoptKey(
    m: Meter,
    hex: string,
    how: { origin: 'manual' | 'pairing'; meterId: string | null },
  ): Promise<ApiResult<MeterState>> {
    const checked = checkMeterKey(hex);
    if (!checked.ok) return { ok: false, error: keyError(checked.error) };
    const live = m.session.verifyKey(Uint8Array.from(Buffer.from(checked.value, 'hex')));
    if (live.result === 'fails')
      return fail('KEY_FAILS', `this key does not open the frames arriving from ${m.config.label}; the key in use is kept`);
    await m.keys.set(checked.value, { ...how, systemTitle: live.systemTitle });
    m.session.setKey(m.keys.key());
    m.diagnosis = m.session.health().diagnosis;
    emitState(m);
    return ok(stateOf(m));
  }

  const handlers: Handlers = {
    'meters:list': async () => ok(list()),
    'meters:save': (config) =>
      oneAtATime(async () => {
        const stored = settings.get().otherMeters;
        const exists = stored.some((c) => c.id === config.id);
        if (!exists && stored.length >= MAX_OTHER_METERS)
          return fail('TOO_MANY_METERS', `meters: at most ${MAX_OTHER_METERS} other meters; remove one first`);
        const next = exists ? stored.map((c) => (c.id === config.id ? config : c)) : [...stored, config];
        await settings.update({ otherMeters: next }); // first: a failed save leaves the running meter as it was
        const keys = await shut(config.id);
        if (!closed) emitState(await open(config, keys));
        return ok(list());
      }),
    'meters:setKey': async ({ id, hex }) => {
      const m = meters.get(id);
      if (!m) return unknown(id);
      return adoptKey(m, hex, { origin: 'manual', meterId: null });
    },
    'meters:pair': async ({ id, meterId, code }) => {
      const m = meters.get(id);
      if (!m) return unknown(id);
      const url = opts.centralUrl?.() ?? null;
      if (!url) return fail('NO_CENTRAL', 'no central system is known: pair the main meter first, or type the key');
      const paired = await createCentralClient({ baseUrl: url, ...(opts.fetch ? { fetch: opts.fetch } : {}) }).pair(meterId, code);
      if (!paired.ok) return paired;
      return adoptKey(m, paired.value.key, { origin: 'pairing', meterId: paired.value.meterId });
    },
    'meters:remove': ({ id }) =>
      oneAtATime(async () => {
        if (!meters.has(id) && !settings.get().otherMeters.some((c) => c.id === id)) return unknown(id);
        await settings.update({ otherMeters: settings.get().otherMeters.filter((c) => c.id !== id) });
        const keys = await shut(id);
        await keys?.clear(); // the key file goes with the meter, and its counters
        await counterStores.get(id)?.flush();
        counterStores.delete(id);
        await rm(otherMeterCountersPath(opts.dataDir, id), { force: true });
        return ok(list());
      }),
  };

  return {
    handlers,
    list,
    start: () =>
      oneAtATime(async () => {
        for (const config of settings.get().otherMeters) if (!closed && !meters.has(config.id)) await open(config, null);
      }),
    async close() {
      closed = true;
      await oneAtATime(async () => {
        for (const id of [...meters.keys()]) await shut(id);
        for (const counters of counterStores.values()) await counters.flush();
      });
    },
  };
}
