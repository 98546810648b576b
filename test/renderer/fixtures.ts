import { createAppStore, type AppStore } from '../../renderer/state/store.ts';
/** Builders for renderer tests: readings, health, snapshots and a scriptable fake LuxApi. */
import type {
  ApiResult,
  Channel,
  EventName,
  Events,
  KeyStatus,
  LinkState,
  LuxApi,
  Payload,
  PortHealth,
  ReadingRecord,
  Snapshot,
  Value,
} from '../../contracts/ipc.ts';
import { CHANNELS } from '../../contracts/ipc.ts';
import type { Telegram } from '../../protocol/types.ts';

export const T0 = Date.parse('2025-03-12T13:00:00Z');

export function telegram(patch: Partial<Telegram> = {}): Telegram {
  return {
    header: '/Lux5\\253663629_D',
    version: '42',
    timestamp: '2025-03-12T14:00:00+01:00',
    electricity: {
      meterId: 'SAG1030700012701',
      importEnergyWh: 12_345_678,
      exportEnergyWh: 0,
      importPowerW: 2345,
      exportPowerW: 0,
      powerLimitKva: 7,
      breaker: 'connected',
      relays: { relay1: 'connected', relay2: 'disconnected' },
    },
    mbus: [],
    unknown: [],
    crc: 0x1234,
    ...patch,
  };
}

export function reading(at: number, patch: Partial<Telegram> = {}): ReadingRecord {
  return { receivedAt: at, encrypted: true, frame: null, telegram: telegram(patch) };
}

export function health(patch: Partial<PortHealth> = {}): PortHealth {
  return {
    encrypted: true,
    systemTitle: '53414731030700',
    lastFrameCounter: 100,
    lastTelegramAt: T0,
    countingSince: null,
    framesDecoded: 42,
    rejected: { AUTH_FAILED: 0, CRC_MISMATCH: 0, REPLAY: 0, NO_KEY: 0, MALFORMED: 0, PLAIN_REFUSED: 0 },
    counterGaps: 0,
    framesMissed: 0,
    noiseBytes: 0,
    diagnosis: 'key-ok',
    ...patch,
  };
}

export const LINK_OPEN: LinkState = { status: 'open', source: { kind: 'demo' }, since: T0, lastDataAt: T0 };
export const KEY_MANUAL: KeyStatus = { hasKey: true, origin: 'manual', meterId: null, systemTitle: null, storage: 'file' };

export function snapshot(patch: Partial<Snapshot> = {}): Snapshot {
  return {
    at: T0,
    plain: { setting: 'ask', asking: false, accepted: false },
    link: LINK_OPEN,
    health: health(),
    key: KEY_MANUAL,
    latest: null,
    history: [],
    messages: [],
    problems: [],
    frames: [],
    ...patch,
  };
}

type Handler<C extends Channel> = (payload: Payload<C>) => ApiResult<Value<C>> | Promise<ApiResult<Value<C>>>;

/** A LuxApi whose requests are answered by `handlers` (others fail with NOT_IMPLEMENTED) and whose events tests emit. */
export function fakeApi(handlers: { [C in Channel]?: Handler<C> } = {}) {
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  const calls: { channel: Channel; payload: unknown }[] = [];
  const api = Object.fromEntries(
    CHANNELS.map((c) => [
      c,
      async (payload: unknown) => {
        calls.push({ channel: c, payload });
        const h = handlers[c] as ((p: unknown) => unknown) | undefined;
        return h ? h(payload) : { ok: false, error: { code: 'NOT_IMPLEMENTED', message: c } };
      },
    ]),
  ) as unknown as Omit<LuxApi, 'on'>;
  const full: LuxApi = {
    ...api,
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
  };
  const emit = <E extends EventName>(event: E, payload: Events[E]): void => listeners.get(event)?.forEach((l) => l(payload));
  const listenerCount = (): number => [...listeners.values()].reduce((n, s) => n + s.size, 0);
  return { api: full, emit, calls, listenerCount };
}

/**
 * A store that has heard a live port: host reachable, link open, key set, a verified reading just in.
 * Components then show current values unless a test changes one of these facts.
 */
export function liveStore(): AppStore {
  const store = createAppStore();
  store.getState().setHost('open');
  store.getState().loadSnapshot(snapshot({ latest: reading(T0) }));
  return store;
}
