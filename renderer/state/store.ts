/**
 * The renderer's one store (zustand vanilla, no React): what the host said, plus view state.
 * Components read it through selectors (see context.tsx); only `bindApi` feeds it host data.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  ApiError,
  ChangeTiming,
  StaffSessionState,
  FrameRecord,
  KeyStatus,
  LinkState,
  MessageRecord,
  MeterState,
  PlainDataState,
  PortHealth,
  ProblemRecord,
  ReadingRecord,
  Snapshot,
} from '../../contracts/ipc.ts';
import { markChannelRead, unreadIds, upsertMessage, type MessageChannel } from './messages.ts';
import { createPortLog, mergeTiming, type IntervalPoint } from './port-log.ts';
import { derivePortStatus, type PortStatus } from './port-status.ts';
import { createPowerSeries, type ChartPoint, type PowerPoint } from './power-series.ts';
import { type QuarterTrack, trackQuarter } from './quarter-hour.ts';
import type { CostSettings } from '../../contracts/cost-settings.ts';
import { applyMeterReading, upsertMeterState } from './other-meters.ts';

export { CHART_WINDOW_MS, type ChartPoint, type PowerPoint } from './power-series.ts';
export type { IntervalPoint } from './port-log.ts';

/** The views, one tab each (NavTabs). */
export type View = 'dashboard' | 'history' | 'pairing' | 'service' | 'settings';
/** How far back the dashboard's live chart reaches (PowerChart's range selector). */
export type ChartRange = '5m' | '1h' | '24h';
/** The renderer's own link to the host: always 'open' under Electron, real in browser mode. */
export type HostConnection = 'connecting' | 'open' | 'closed';

const MAX_PROBLEMS = 50;

export interface AppState {
  view: View;
  host: HostConnection;
  loaded: boolean;
  loadError: ApiError | null;
  link: LinkState | null;
  health: PortHealth | null;
  key: KeyStatus | null;
  latest: ReadingRecord | null;
  chart: ChartPoint[]; // oldest first, downsampled to one point per 10 s within the last 24 h (power-series.ts)
  chartRange: ChartRange; // the part of `chart` drawn
  messages: MessageRecord[]; // newest first, read state from the host (kept across restarts)
  unread: string[]; // messageId()s of the messages with readAt null, newest first
  problems: ProblemRecord[]; // newest first
  // The service view's history, fed whether or not the view is shown (port-log.ts bounds each list).
  frames: FrameRecord[]; // newest first
  intervals: IntervalPoint[]; // oldest first, the last hour
  timings: ChangeTiming[]; // staff changes, newest first
  // The renderer's own clock, ticked once a second (startClock), and what it says about the host's data.
  now: number;
  hostOffsetMs: number; // renderer clock minus host clock, measured at the last snapshot
  readingSeenAt: number | null; // renderer time the shown reading arrived (a snapshot's: converted from host time)
  plain: PlainDataState | null; // unencrypted data after encrypted: the setting, and whether the host asks
  staffEnded: StaffSessionState | null; // this window's staff session ended by itself (`staff:session`)
  staffTerms: { centralUrl: string; idleMinutes: number } | null; // this window's staff session, while signed in
  quarter: QuarterTrack | null; // this quarter-hour's energy so far, for the power class (quarter-hour.ts)
  costs: CostSettings | null; // tariff, reference, peer opt-in, once asked of the host (use-costs.ts)
  meters: MeterState[]; // the other meters besides the primary one (issue 12), in the host's order

  setView(view: View): void;
  /** The renderer clock moved on: the port status may change (values grow old without any event). */
  tick(now: number): void;
  setPlain(plain: PlainDataState): void;
  setHost(host: HostConnection): void;
  loadSnapshot(snapshot: Snapshot): void;
  setLoadError(error: ApiError): void;
  applyReading(reading: ReadingRecord): void;
  /** The recorder's power before the live points (history:power on load): older points only, live ones kept. */
  loadPowerHistory(points: PowerPoint[]): void;
  setChartRange(range: ChartRange): void;
  setLink(link: LinkState): void;
  setHealth(health: PortHealth): void;
  setKey(key: KeyStatus): void;
  addProblem(problem: ProblemRecord): void;
  /** A new message, or a known one whose read state changed (`meter:message`). */
  applyMessage(record: MessageRecord): void;
  /** Shows `channel` read at once; the host's `meter:message` then brings its own readAt. */
  markRead(channel: MessageChannel, at?: number): void;
  /** A frame off the port (`meter:frame`). */
  addFrame(frame: FrameRecord): void;
  /** A staff change's timing, from `staff:timing` or the `staff:change` reply, merged by id. */
  applyTiming(timing: ChangeTiming): void;
  /** This window's staff session ended (idle), or null once the view has taken note. */
  setStaffEnded(state: StaffSessionState | null): void;
  /** Where and for how long this window is signed in as staff (kept across tab switches), or null. */
  setStaffTerms(terms: { centralUrl: string; idleMinutes: number } | null): void;
  setCosts(costs: CostSettings): void;
  /** Other meters: the host's whole list (`meters:list` and the meters:* replies), one state, one reading. */
  setMeters(meters: MeterState[]): void;
  applyMeterState(state: MeterState): void;
  applyMeterReading(event: { id: string; reading: ReadingRecord }): void;
}

export type AppStore = StoreApi<AppState>;

/** The power class tracker's next state: only readings with the import register move it. */
const nextQuarter = (prev: QuarterTrack | null, r: ReadingRecord | null): QuarterTrack | null => {
  const wh = r?.telegram.electricity.importEnergyWh;
  return r && wh !== undefined ? trackQuarter(prev, r.receivedAt, wh, r.telegram.electricity.importPowerW ?? null) : prev;
};

const pointOf = (r: ReadingRecord): PowerPoint => ({
  at: r.receivedAt,
  importPowerW: r.telegram.electricity.importPowerW ?? null,
  exportPowerW: r.telegram.electricity.exportPowerW ?? null,
});

/** Create a store with nothing loaded; `clock` is the renderer's (tests pass their own). */
export function createAppStore(clock: () => number = Date.now): AppStore {
  // Only small numeric points outlive a telegram: `latest` is replaced, the series keeps numbers.
  const series = createPowerSeries();
  const portLog = createPortLog();

  return createStore<AppState>()((set, get) => ({
    view: 'dashboard',
    host: 'connecting',
    loaded: false,
    loadError: null,
    link: null,
    health: null,
    key: null,
    latest: null,
    chart: [],
    chartRange: '1h',
    messages: [],
    unread: [],
    problems: [],
    frames: [],
    intervals: [],
    timings: [],
    now: clock(),
    hostOffsetMs: 0,
    readingSeenAt: null,
    plain: null,
    staffEnded: null,
    staffTerms: null,
    quarter: null,
    costs: null,
    meters: [],

    setView: (view) => set({ view }),
    tick: (now) => set({ now }),
    setPlain: (plain) => set({ plain }),
    setHost: (host) => set({ host }),
    setLoadError: (loadError) => set({ loadError }),
    loadSnapshot(s) {
      series.clear();
      portLog.clear();
      let log = { frames: [] as FrameRecord[], intervals: [] as IntervalPoint[] };
      for (const f of [...s.frames].reverse()) log = portLog.addFrame(f);
      const now = clock();
      const hostOffsetMs = now - s.at;
      let chart: ChartPoint[] = [];
      for (const p of [...s.history].sort((a, b) => a.at - b.at)) chart = series.add(p);
      set({
        loaded: true,
        loadError: null,
        link: s.link,
        health: s.health,
        key: s.key,
        latest: s.latest,
        quarter: nextQuarter(null, s.latest),
        chart,
        messages: s.messages,
        unread: unreadIds(s.messages),
        problems: s.problems.slice(0, MAX_PROBLEMS),
        frames: log.frames,
        plain: s.plain,
        intervals: log.intervals,
        now,
        hostOffsetMs,
        readingSeenAt: s.latest ? s.latest.receivedAt + hostOffsetMs : null,
      });
    },
    applyReading(reading) {
      const now = clock();
      set({
        latest: reading,
        quarter: nextQuarter(get().quarter, reading),
        chart: series.add(pointOf(reading)),
        readingSeenAt: now,
        now: Math.max(get().now, now),
      });
    },
    loadPowerHistory(points) {
      const live = get().chart;
      const firstLive = live[0]?.at ?? Number.POSITIVE_INFINITY;
      series.clear();
      let chart: ChartPoint[] = [];
      for (const p of points) if (p.at < firstLive) chart = series.add(p);
      for (const p of live) chart = series.add(p, p.readings);
      set({ chart });
    },
    setChartRange: (chartRange) => set({ chartRange }),
    setLink: (link) => set({ link }),
    setHealth: (health) => set({ health }),
    setKey: (key) => set({ key }),
    addProblem: (problem) => set({ problems: [problem, ...get().problems].slice(0, MAX_PROBLEMS) }),
    applyMessage(record) {
      const messages = upsertMessage(get().messages, record);
      set({ messages, unread: unreadIds(messages) });
    },
    markRead(channel, at = Date.now()) {
      const messages = markChannelRead(get().messages, channel, at);
      set({ messages, unread: unreadIds(messages) });
    },
    addFrame: (frame) => set(portLog.addFrame(frame)),
    applyTiming: (timing) => set({ timings: mergeTiming(get().timings, timing) }),
    setStaffEnded: (staffEnded) => set({ staffEnded }),
    setStaffTerms: (staffTerms) => set({ staffTerms }),
    setCosts: (costs) => set({ costs }),
    setMeters: (meters) => set({ meters }),
    applyMeterState: (state) => set({ meters: upsertMeterState(get().meters, state) }),
    applyMeterReading: (event) => set({ meters: applyMeterReading(get().meters, event) }),
  }));
}

/** The port's one status (port-status.ts), from the store's facts on the renderer's clock. */
export function selectPortStatus(s: AppState): PortStatus {
  const link = s.link && s.link.lastDataAt !== null ? { ...s.link, lastDataAt: s.link.lastDataAt + s.hostOffsetMs } : s.link;
  return derivePortStatus({ host: s.host, link, health: s.health, key: s.key, lastVerifiedAt: s.readingSeenAt, now: s.now });
}

/** True when the key fails on the frames that arrive: no new value can be read. */
export const selectKeyFails = (s: AppState): boolean => {
  const kind = selectPortStatus(s).kind;
  return kind === 'wrong-key' || kind === 'key-rotated';
};

/** True when the shown values are not what the meter says now (port-status.ts, rule 5). */
export const selectStale = (s: AppState): boolean => !selectPortStatus(s).current;
