/**
 * The one contract between the host services (Node side) and the renderer, shared by three transports:
 * Electron IPC (main + preload), the browser-mode WebSocket, and tests. The renderer imports types only.
 *
 * Requests are invoke/handle pairs named `domain:verb`; every response is a Result, never a thrown error
 * (Electron serialises only `message` of a thrown error). Events flow host -> renderer only.
 */
import type { ControlState, ErrorCode, FrameHeader, Telegram, WarningCode } from '../protocol/types.ts';

export type ApiError = { code: string; message: string };
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

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
  | 'key-rotated'; // the key that used to work now fails: the operator changed it

export interface PortHealth {
  encrypted: boolean | null; // null until the first frame
  systemTitle: string | null;
  lastFrameCounter: number | null;
  lastTelegramAt: number | null;
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
  channel: '0' | '2' | '3' | '4' | '5'; // 0-0:96.13.0 is '0'
  text: string;
  firstSeenAt: number;
  readAt: number | null; // when its channel was (last) marked read, kept across restarts; null = unread
}

/** Everything the renderer needs to draw itself after a (re)load. */
export interface Snapshot {
  link: LinkState;
  health: PortHealth;
  key: KeyStatus;
  latest: ReadingRecord | null;
  history: { at: number; importPowerW: number | null; exportPowerW: number | null }[]; // last hour
  messages: MessageRecord[]; // newest first, kept across restarts
  problems: ProblemRecord[]; // newest first, capped
  notices?: string[]; // what the user must know about the host's files and the demo, oldest first
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

/** A meter as the central system holds it (central-mock/API.md, "Meter object"); never carries the key. */
export interface CentralMeter {
  meterId: string;
  systemTitle: string;
  encryption: boolean;
  fields: string[]; // OBIS codes the meter is configured to push
  preset: 'basic' | 'full' | 'custom';
  powerLimitKva: number;
  breaker: ControlState;
  relays: { relay1: ControlState; relay2: ControlState };
  messages: Record<'0' | '2' | '3' | '4' | '5', string>;
  mbus: { channel: number; kind: string; deviceType: number; equipmentId: string | null; unit: string; valve: ControlState }[];
  keyVersion: number;
  frameCounter?: number;
  updatedAt: string;
}

export type StaffChange =
  | {
      kind: 'patch';
      body: Partial<Pick<CentralMeter, 'encryption' | 'powerLimitKva' | 'breaker'>> & {
        fields?: 'basic' | 'full' | string[];
        relays?: Partial<CentralMeter['relays']>;
      };
    }
  | { kind: 'message'; channel: '0' | '2' | '3' | '4' | '5'; text: string }
  | { kind: 'mbus-attach'; channel: number; body: { kind: 'gas' | 'water' | 'heat'; equipmentId?: string; unit?: string } }
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
  error?: string;
}

// ---- the contract ----------------------------------------------------------------------------

/** Requests: channel -> [payload, value]. `void` payloads are sent as `null`. */
export interface Requests {
  'app:snapshot': [null, Snapshot];
  'ports:list': [null, { ports: PortInfo[]; warning?: string }];
  'source:get': [null, SourceConfig | null];
  'source:set': [SourceConfig, LinkState];
  'source:stop': [null, LinkState];
  'key:status': [null, KeyStatus];
  'key:set': [{ hex: string }, KeyStatus];
  'key:clear': [null, KeyStatus];
  'messages:markRead': [{ channel: MessageRecord['channel'] }, null];
  'pairing:pair': [{ centralUrl?: string; meterId: string; code: string }, PairingOutcome];
  'capture:export': [{ redact: boolean }, { fileName: string; ndjson: string }];
  'central:info': [null, { url: string | null; demo: boolean }];
  'staff:signIn': [{ centralUrl?: string; token: string }, { meter: CentralMeter | null }]; // meter matched by the port's system title / meter id
  'staff:signOut': [null, null];
  'staff:meter': [null, CentralMeter];
  'staff:change': [StaffChange, ChangeTiming];
}

/** Events host -> renderer. */
export interface Events {
  'meter:reading': ReadingRecord;
  'meter:problem': ProblemRecord;
  'meter:frame': FrameRecord;
  'meter:link': LinkState;
  'meter:health': PortHealth;
  'key:status': KeyStatus;
  'staff:timing': ChangeTiming; // a change's acceptedAt / seenAt filled in
  'meter:message': MessageRecord; // a new message, or one whose readAt changed (same channel + firstSeenAt)
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
  'messages:markRead',
  'pairing:pair',
  'capture:export',
  'central:info',
  'staff:signIn',
  'staff:signOut',
  'staff:meter',
  'staff:change',
] as const satisfies readonly Channel[];

export const EVENTS = [
  'meter:reading',
  'meter:problem',
  'meter:frame',
  'meter:link',
  'meter:health',
  'key:status',
  'staff:timing',
  'meter:message',
] as const satisfies readonly EventName[];

export type { ControlState };

/**
 * What both shells (Electron main, browser-mode server) wrap: the Electron-free host services.
 * A shell validates the payload, calls `handle`, and forwards events; it adds no logic of its own.
 */
export interface HostServices {
  handle<C extends Channel>(channel: C, payload: Payload<C>): Promise<ApiResult<Value<C>>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
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
