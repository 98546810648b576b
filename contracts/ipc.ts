/**
 * The one contract between the host services (Node side) and the renderer, shared by three transports:
 * Electron IPC (main + preload), the browser-mode WebSocket, and tests. The renderer imports types only.
 *
 * Requests are invoke/handle pairs named `domain:verb`; every response is a Result, never a thrown error
 * (Electron serialises only `message` of a thrown error). Events flow host -> renderer only.
 */
import type { ControlState, ErrorCode, Failure, FrameHeader, MessageChannel, Result, Telegram, WarningCode } from '../protocol/types.ts';
import type { CentralFailureCode } from './central-client.ts';
import type { AuditEntry, CentralMeter, MbusAttach, MeterPatch } from './central.ts';
import type { CostSettings } from './cost-settings.ts';
import type { PeerDaily } from './peers.ts';
import type { HistoryEvent, HistoryInfo, HistoryPower, HistoryPowerRequest, HistorySeries, HistorySeriesRequest } from './history.ts';
import type { IntegrationsPatch, IntegrationsView } from './integrations.ts';

/**
 * Every code a request can fail with. The renderer branches on some of them, so a comparison with a
 * code that does not exist is a compile error.
 */
export type ApiErrorCode =
  | 'BAD_PAYLOAD' // the shell's validator refused the payload
  | 'BAD_CHANNEL' // not a request channel of this contract
  | 'INTERNAL' // a handler failed unexpectedly; the message says where
  | 'BAD_KEY' // not 32 hex digits
  | 'PUBLISHED_AUTH_KEY' // the Luxembourg authentication key typed as the meter key
  | 'NOT_SIGNED_IN'
  | 'NO_CENTRAL' // no central system address known
  | 'SESSION_EXPIRED' // the staff session ended after its idle timeout
  | 'KEY_FAILS' // the key does not open the frames arriving on the port
  | 'PEERS_OFF' // peer figures asked for without the user's opt-in, or for a class the central does not aggregate
  | 'SAVE_FAILED' // the host could not write its data directory (disk full, read-only): nothing was changed
  | 'CLOSED' // transport: the connection to the host is closed
  | 'TIMEOUT' // transport: no reply in time
  | 'DISCONNECTED' // transport: the connection dropped with the request in flight
  | 'IPC_FAILED' // transport: Electron's invoke failed
  | 'HISTORY_UNAVAILABLE' // the history database could not be opened or read (damaged, read-only): the app runs without it
  | 'HISTORY_FULL' // the disk (or size cap) under the history database is full
  | 'NO_SUCH_METER' // meters:*: no other meter has this id
  | 'TOO_MANY_METERS' // meters:save: already MAX_OTHER_METERS other meters
  | CentralFailureCode; // the central system's answer, passed through (UNREACHABLE, UNKNOWN_METER, UNAUTHORIZED, …)

export type ApiError = Failure<ApiErrorCode>;
/** The one Result (protocol/result.ts) with the contract's codes. */
export type ApiResult<T> = Result<T, ApiError>;
export type { AuditEntry, CentralMeter, MeterPatch };

// ---- sources ---------------------------------------------------------------------------------

export interface SerialOptions {
  path: string;
  baudRate?: number; // default 115200
  dataBits?: 7 | 8; // default 8
  parity?: 'none' | 'even' | 'odd'; // default 'none'
  stopBits?: 1 | 2; // default 1
}

export type SourceConfig =
  | ({ kind: 'serial' } & SerialOptions)
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'file'; path: string; speed: number } // speed 1 = recorded pace, 10 = ten times faster, 0 = no pauses
  | { kind: 'demo'; intervalMs?: number }; // bundled central system + simulated meter

export interface PortInfo {
  path: string;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
}

export type LinkStatus = 'idle' | 'connecting' | 'open' | 'silent' | 'reconnecting' | 'error';

export interface LinkState {
  status: LinkStatus;
  source: SourceConfig | null;
  since: number; // epoch ms of the last status change
  lastDataAt: number | null; // epoch ms of the last byte received
  retryAt?: number; // epoch ms of the next reconnect attempt, while reconnecting
  message?: string; // one line, e.g. "ENOENT: /dev/ttyUSB0"
}

// ---- what the port delivers ------------------------------------------------------------------

export interface ReadingRecord {
  receivedAt: number; // epoch ms, host clock
  encrypted: boolean;
  frame: FrameHeader | null;
  telegram: Telegram;
}

export interface ProblemRecord {
  at: number;
  kind: 'error' | 'warning';
  code: ErrorCode | WarningCode;
  message: string;
  frameCounter: number | null;
}

/** One frame as the service view shows it: raw bytes, header fields, decrypted text, status. */
export interface FrameRecord {
  at: number;
  rawHex: string; // the bytes off the wire
  frame: FrameHeader | null; // null for plain telegrams and noise
  text: string | null; // decrypted / plain telegram text; null when it could not be read
  status: 'ok' | ErrorCode;
}

export type KeyDiagnosis =
  | 'no-signal' // no bytes at all
  | 'noise' // bytes, but no frame start: cable, inversion, baud rate
  | 'plain' // plain telegrams: no key needed
  | 'encrypted-no-key'
  | 'key-ok'
  | 'wrong-key' // tag fails on every frame
  | 'key-rotated' // the key that used to work now fails: the operator changed it
  | 'plain-refused'; // plain telegrams after verified encrypted ones: refused (an injection, or encryption switched off)

export interface PortHealth {
  encrypted: boolean | null; // null until the first frame
  systemTitle: string | null;
  lastFrameCounter: number | null;
  lastTelegramAt: number | null;
  // The counts start afresh when the key or the source changes: they describe the situation now.
  countingSince: number | null; // host time of that change; null: since the app started
  framesDecoded: number;
  rejected: Record<ErrorCode, number>;
  counterGaps: number;
  framesMissed: number;
  noiseBytes: number;
  diagnosis: KeyDiagnosis;
}

export interface KeyStatus {
  hasKey: boolean;
  origin: 'manual' | 'pairing' | null;
  meterId: string | null;
  systemTitle: string | null;
  storage: 'safeStorage' | 'file' | 'memory'; // where the key lives at rest
}

export interface MessageRecord {
  channel: MessageChannel; // 0-0:96.13.0 is '0'
  text: string;
  firstSeenAt: number;
  readAt: number | null; // when its channel was (last) marked read, kept across restarts; null = unread
}

/** Everything the renderer needs to draw itself after a (re)load. */
export interface Snapshot {
  at: number; // the host's clock when it took the snapshot: the renderer's clock may differ (browser mode)
  link: LinkState;
  health: PortHealth;
  key: KeyStatus;
  latest: ReadingRecord | null;
  history: { at: number; importPowerW: number | null; exportPowerW: number | null }[]; // last hour
  messages: MessageRecord[]; // newest first, kept across restarts
  problems: ProblemRecord[]; // newest first, capped
  frames: FrameRecord[]; // newest first, the last 200: a page opened later shows the port's recent past too
  plain: PlainDataState;
  notices?: string[]; // what the user must know about the host's files and the demo, oldest first
}

// ---- unencrypted data after encrypted (issue 9: downgrade) -------------------------------------

/**
 * What LuxP1 does with plain telegrams once encrypted frames have verified under the key: `ask`
 * (refuse them, and ask the user once: an injection looks exactly like the operator switching
 * encryption off), `accept` or `refuse` (for integrators). Kept in the settings.
 */
export type PlainDataSetting = 'ask' | 'accept' | 'refuse';

export interface PlainDataState {
  setting: PlainDataSetting;
  /** Plain telegrams are being refused and the user has not answered yet (setting 'ask'). */
  asking: boolean;
  /** The user agreed: plain telegrams are readings until an encrypted frame verifies again. */
  accepted: boolean;
}

// ---- pairing and the central system (issue 5) ---------------------------------------------------

export type PairingOutcome =
  | { status: 'paired'; meterId: string; systemTitle: string | null; verified: boolean }
  | { status: 'bad-code'; attemptsLeft: number }
  | { status: 'locked'; until: string }
  | { status: 'unknown-meter' }
  | { status: 'unreachable'; message: string }
  | { status: 'key-fails'; message: string } // fetched, but live frames do not verify with it
  | { status: 'published-auth-key' }; // the user typed 00112233...EEFF as the meter key

// ---- DSO staff: the central system's view of the meter on this port (issue 5) -----------------

export type StaffChange =
  | { kind: 'patch'; body: MeterPatch }
  | { kind: 'message'; channel: MessageChannel; text: string }
  | { kind: 'mbus-attach'; channel: number; body: MbusAttach }
  | { kind: 'mbus-detach'; channel: number }
  | { kind: 'valve'; channel: number; valve: ControlState }
  | { kind: 'rotate-key' };

/** A staff change and its effect on the port, timed on the host clock. */
export interface ChangeTiming {
  id: number;
  change: StaffChange;
  requestedAt: number; // sent to the central system
  acceptedAt: number | null; // central answered 2xx
  seenAt: number | null; // first telegram on the port that shows it
  error?: ApiError; // the central refused the change (on its merits: the session stays)
  supersededBy?: number; // a later accepted change overrode it before the port showed it
}

/** A staff client's session ended by itself; the view says why. */
export interface StaffSessionState {
  signedIn: false;
  reason: 'idle';
  idleMinutes: number;
}

/** One line of the central's audit log (central-mock/API.md, `GET /api/meters/:id/audit`). */

// ---- the contract ----------------------------------------------------------------------------

// ---- several meters (issue 12): other meters next to the primary one (production meter, …) ------

/** At most this many other meters besides the primary one. */
export const MAX_OTHER_METERS = 4;
/** An other meter's id: its key file's name (`DATA/meters/<id>.key`) and its MQTT/API meter id stays the meter's own. */
export const OTHER_METER_ID = /^[a-z0-9-]{1,24}$/;
/** The sources an other meter may read (the demo belongs to the primary meter). */
export type OtherMeterSource = Extract<SourceConfig, { kind: 'serial' | 'tcp' | 'file' }>;
export interface OtherMeterConfig {
  id: string;
  label: string;
  source: OtherMeterSource;
}
export interface MeterState extends OtherMeterConfig {
  link: LinkState;
  hasKey: boolean;
  diagnosis: KeyDiagnosis;
  latest: ReadingRecord | null;
}

/** Requests: channel -> [payload, value]. `void` payloads are sent as `null`. */
export interface Requests {
  'app:snapshot': [null, Snapshot];
  'ports:list': [null, { ports: PortInfo[]; warning?: string }];
  'source:get': [null, SourceConfig | null];
  'source:set': [SourceConfig, LinkState];
  'source:stop': [null, LinkState];
  'key:status': [null, KeyStatus];
  // verified: it opened the newest encrypted frame; unchecked: no encrypted frame to try it on yet
  'key:set': [{ hex: string }, KeyStatus & { check: 'verified' | 'unchecked' }];
  'key:clear': [null, KeyStatus];
  'plain:answer': [{ accept: boolean }, PlainDataState]; // the user's answer to "your meter now sends unencrypted data"
  'plain:setting': [{ setting: PlainDataSetting }, PlainDataState];
  'messages:markRead': [{ channel: MessageRecord['channel'] }, null];
  'pairing:pair': [{ centralUrl?: string; meterId: string; code: string }, PairingOutcome];
  'capture:export': [{ redact: boolean }, { fileName: string; ndjson: string; frames: number }];
  'central:info': [null, { url: string | null; demo: boolean }];
  // meter matched by the port's system title / meter id; the session ends after idleMinutes without a request
  'staff:signIn': [{ centralUrl?: string; token: string }, { meter: CentralMeter | null; centralUrl: string; idleMinutes: number }];
  'staff:signOut': [null, null];
  'staff:meter': [null, CentralMeter];
  'staff:change': [StaffChange, ChangeTiming];
  'staff:pairingCode': [null, { pairingCode: string }]; // issues a new code for the meter, replacing the old one
  'staff:audit': [null, { entries: AuditEntry[] }]; // newest first
  // tariff, reference household, peer opt-in (contracts/cost-settings.ts), kept in settings.json
  'costs:get': [null, CostSettings];
  'costs:set': [CostSettings, CostSettings];
  // anonymous peer percentiles of one local day for the user's power class, from the central (opt-in)
  'peers:daily': [{ date: string }, PeerDaily];
  // History (issue 10): the recorder's queries; spans are [from, to) epoch ms, bounded per step (validate.ts)
  'history:info': [null, HistoryInfo];
  'history:series': [HistorySeriesRequest, HistorySeries];
  'history:power': [HistoryPowerRequest, HistoryPower];
  // what happened at the meter in [from, to): breaker, relays, power failures, messages, link losses, keys; newest first
  'history:events': [{ meterId: string; from: number; to: number }, HistoryEvent[]];
  'history:retention': [{ days: number }, HistoryInfo]; // 10-s detail kept this many days; saved in settings.json
  // ---- integrations (issue 12): MQTT, DSMR re-serve, local API; applied live, never echoes a password
  'integrations:get': [null, IntegrationsView];
  'integrations:set': [IntegrationsPatch, IntegrationsView];
  // ---- several meters (issue 12): the primary meter stays on source:*/key:*; these are the others
  'meters:list': [null, MeterState[]];
  'meters:save': [OtherMeterConfig, MeterState[]]; // adds, or updates the meter with this id (restarts only it)
  'meters:setKey': [{ id: string; hex: string }, MeterState];
  'meters:pair': [{ id: string; meterId: string; code: string }, MeterState]; // the key from the central, with the customer's code
  'meters:remove': [{ id: string }, MeterState[]]; // its key file is deleted too
}

/** Events host -> renderer. */
export interface Events {
  'meter:reading': ReadingRecord;
  'meter:problem': ProblemRecord;
  'meter:frame': FrameRecord;
  'meter:link': LinkState;
  'meter:health': PortHealth;
  'key:status': KeyStatus;
  'meter:plain': PlainDataState;
  'staff:timing': ChangeTiming; // a change's acceptedAt / seenAt / supersededBy filled in (to its client only)
  'staff:session': StaffSessionState; // this client's staff session ended by itself (to that client only)
  'meter:message': MessageRecord; // a new message, or one whose readAt changed (same channel + firstSeenAt)
  'integrations:status': IntegrationsView; // an integration connected, failed or changed (issue 12)
  'meters:reading': { id: string; reading: ReadingRecord }; // an other meter's verified telegram
  'meters:state': MeterState; // an other meter's link, key or diagnosis changed
}

export type Channel = keyof Requests;
export type EventName = keyof Events;
export type Payload<C extends Channel> = Requests[C][0];
export type Value<C extends Channel> = Requests[C][1];

/**
 * The API the renderer sees (`window.luxp1` in Electron, a WebSocket client in browser mode):
 * one method per request channel, e.g. `api['key:set']({ hex })`, plus typed event subscription.
 */
export type LuxApi = { [C in Channel]: (payload: Payload<C>) => Promise<ApiResult<Value<C>>> } & {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
};

export const CHANNELS = [
  'app:snapshot',
  'ports:list',
  'source:get',
  'source:set',
  'source:stop',
  'key:status',
  'key:set',
  'key:clear',
  'plain:answer',
  'plain:setting',
  'messages:markRead',
  'pairing:pair',
  'capture:export',
  'central:info',
  'staff:signIn',
  'staff:signOut',
  'staff:meter',
  'staff:change',
  'staff:pairingCode',
  'staff:audit',
  'costs:get',
  'costs:set',
  'peers:daily',
  'history:info',
  'history:series',
  'history:power',
  'history:events',
  'history:retention',
  'integrations:get',
  'integrations:set',
  'meters:list',
  'meters:save',
  'meters:setKey',
  'meters:pair',
  'meters:remove',
] as const satisfies readonly Channel[];

export const EVENTS = [
  'meter:reading',
  'meter:problem',
  'meter:frame',
  'meter:link',
  'meter:health',
  'key:status',
  'meter:plain',
  'staff:timing',
  'staff:session',
  'meter:message',
  'integrations:status',
  'meters:reading',
  'meters:state',
] as const satisfies readonly EventName[];

export type { ControlState };

/**
 * What both shells (Electron main, browser-mode server) wrap: the Electron-free host services.
 * A shell validates the payload, calls `handle`, and forwards events; it adds no logic of its own.
 */
export interface HostServices {
  /** `client` names the window or connection asking (staff sessions are per client); omitted = one local client. */
  handle<C extends Channel>(channel: C, payload: Payload<C>, client?: string): Promise<ApiResult<Value<C>>>;
  /** With `client`, events meant for other clients only (staff timings, session ends) are not delivered. */
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void, client?: string): () => void;
  close(): Promise<void>;
}

/**
 * Browser mode wire format (one JSON text per WebSocket message, path `/api/ws`):
 *   renderer -> host  {"id": 7, "channel": "key:set", "payload": {...}}
 *   host -> renderer  {"id": 7, "result": ApiResult}   (reply)
 *   host -> renderer  {"event": "meter:reading", "payload": {...}}
 * A non-loopback listener requires `?token=` on the WebSocket URL and on the page URL.
 */
export type WsRequest = { id: number; channel: Channel; payload: unknown };
export type WsReply = { id: number; result: ApiResult<unknown> } | { event: EventName; payload: unknown };
