/**
 * MQTT publisher to the user's own broker (mqtt://, mqtts:// with user/password and client
 * certificates). Topics, with `<base>` = `luxp1` by default:
 *
 *   <base>/status                  online / offline, retained; offline is also the last will
 *   <base>/<meter>/state           the `luxp1 decode` record of every telegram (JSON)
 *   <base>/<meter>/<field path>    one topic per pushed field (mqtt-fields.ts); absent fields: no message
 *   <prefix>/sensor/<uid>/config   Home Assistant discovery, retained (mqtt-discovery.ts); an empty
 *                                  retained config removes an entity whose field stopped being pushed
 *
 * Readings are not queued while the broker is away (they would be stale, and memory would grow);
 * the connection comes back by itself, 1 s doubling to 60 s. Log lines name the broker by
 * scheme, host and port only: never a password, never a key.
 */
import { readFileSync } from 'node:fs';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { brokerUrlProblem } from '../../../contracts/integrations.ts';
import { toRecord } from '../../../protocol/index.ts';
import { discoveryFor } from './mqtt-discovery.ts';
import { fieldPayload, flattenRecord, meterSlug } from './mqtt-fields.ts';
import type { TelegramEvent } from './reserve.ts';

export interface MqttConfig {
  url: string; // mqtt://host[:1883] or mqtts://host[:8883]
  username?: string;
  password?: string; // from a file (--mqtt-password-file, or the one the app keeps); never logged
  caFile?: string; // PEM files for mqtts://
  certFile?: string;
  keyFile?: string;
  baseTopic: string;
  discovery: boolean;
  discoveryPrefix: string;
}

export type MqttState = 'connecting' | 'connected' | 'error';
export interface MqttStatus {
  state: MqttState;
  since: number;
  message?: string; // one line, why it is not connected
}

export interface MqttOptions {
  log: (line: string) => void;
  now: () => number;
  onStatus?: (status: MqttStatus) => void;
  backoff?: { initialMs: number; maxMs: number };
  version?: string; // LuxP1's version, for discovery's `origin`
}

export interface MqttPublisher {
  publish(event: TelegramEvent): void;
  status(): MqttStatus;
  /** Publishes offline and disconnects. */
  close(): Promise<void>;
}

/** The broker as log lines and the UI name it: scheme, host and port, never credentials. */
export function brokerName(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '(invalid URL)';
  }
}

/** Checks a broker URL; a message when it cannot be used. */
export function checkBrokerUrl(url: string): string | null {
  const problem = brokerUrlProblem(url);
  return problem ? `mqtt: ${problem}` : null;
}

function tlsFiles(c: MqttConfig): Pick<IClientOptions, 'ca' | 'cert' | 'key'> {
  const read = (what: string, path: string) => {
    try {
      return readFileSync(path);
    } catch (err) {
      throw new Error(`mqtt: cannot read the ${what} file ${path}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`);
    }
  };
  return {
    ...(c.caFile ? { ca: read('CA', c.caFile) } : {}),
    ...(c.certFile ? { cert: read('certificate', c.certFile) } : {}),
    ...(c.keyFile ? { key: read('key', c.keyFile) } : {}),
  };
}

/** Connects (in the background) and returns the publisher at once. */
export function startMqtt(config: MqttConfig, opts: MqttOptions): MqttPublisher {
  const { log, now } = opts;
  const name = brokerName(config.url);
  const base = config.baseTopic;
  const statusTopic = `${base}/status`;
  let status: MqttStatus = { state: 'connecting', since: now() };
  const setStatus = (state: MqttState, message?: string) => {
    if (status.state === state && status.message === message) return;
    status = { state, since: now(), ...(message ? { message } : {}) };
    opts.onStatus?.(status);
  };
  // Discovery configs in the broker per meter: uid → topic and payload ('' = to be sent again).
  const published = new Map<string, Map<string, { topic: string; json: string }>>();
  const announcedSinceConnect = new Set<string>(); // meters whose discovery went out since the last connect

  const problem = checkBrokerUrl(config.url);
  let client: MqttClient | null = null;
  try {
    if (problem) throw new Error(problem);
    client = mqtt.connect(config.url, {
      clientId: `luxp1-${Math.random().toString(16).slice(2, 10)}`,
      ...(config.username ? { username: config.username } : {}),
      ...(config.password ? { password: config.password } : {}),
      ...tlsFiles(config),
      reconnectPeriod: 0, // our own backoff below
      connectTimeout: 10_000,
      queueQoSZero: false,
      will: { topic: statusTopic, payload: Buffer.from('offline'), qos: 1, retain: true },
    });
  } catch (err) {
    setStatus('error', (err as Error).message);
    log((err as Error).message);
  }

  const backoff = opts.backoff ?? { initialMs: 1_000, maxMs: 60_000 };
  let delay = backoff.initialMs;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let closing = false;
  let lastError: string | undefined;

  if (client) {
    const c = client;
    c.on('connect', () => {
      // Telegrams are bursts of small publishes: without this, Nagle holds them for the broker's delayed ACK (40 ms).
      (c.stream as { setNoDelay?: (on: boolean) => void }).setNoDelay?.(true);
      delay = backoff.initialMs;
      lastError = undefined;
      log(`mqtt: connected to ${name}`);
      setStatus('connected');
      c.publish(statusTopic, 'online', { qos: 1, retain: true });
      for (const configs of published.values()) for (const entry of configs.values()) entry.json = '';
      announcedSinceConnect.clear();
      // Our configs already retained by the broker (an earlier run): removed if their field is gone.
      if (config.discovery) c.subscribe(`${config.discoveryPrefix}/sensor/+/config`, { qos: 1 });
    });
    c.on('message', (topic, payload) => adoptRetained(topic, payload));
    c.on('error', (err) => {
      lastError = err.message.split('\n')[0];
    });
    c.on('close', () => {
      if (closing) return;
      const why = lastError ?? 'connection closed';
      if (status.state === 'connected') log(`mqtt: lost ${name}: ${why}`);
      setStatus('error', `${why}; retrying in ${Math.round(delay / 1000)} s`);
      if (retry) return;
      retry = setTimeout(() => {
        retry = null;
        if (!closing) c.reconnect();
      }, delay);
      delay = Math.min(backoff.maxMs, delay * 2);
    });
  }

  function adoptRetained(topic: string, payload: Buffer): void {
    const uid = topic.split('/').at(-2) ?? '';
    if (!uid.startsWith('luxp1_') || payload.length === 0) return;
    let found: { origin?: { name?: unknown }; state_topic?: unknown };
    try {
      found = JSON.parse(payload.toString('utf8'));
    } catch {
      return;
    }
    if (found.origin?.name !== 'LuxP1' || typeof found.state_topic !== 'string' || !found.state_topic.startsWith(`${base}/`)) return;
    const meter = found.state_topic.slice(base.length + 1).split('/')[0] ?? '';
    const configs = published.get(meter) ?? new Map();
    published.set(meter, configs);
    if (configs.has(uid)) return;
    // Retained configs may arrive after this run's first telegram: then we already know the field is gone.
    if (announcedSinceConnect.has(meter)) client?.publish(topic, '', { qos: 1, retain: true });
    else configs.set(uid, { topic, json: '' });
  }

  function publishDiscovery(c: MqttClient, record: ReturnType<typeof toRecord>, meter: string, fields: ReturnType<typeof flattenRecord>) {
    const mbus = (record.mbus as { channel: number; kind: string; unit?: string | null; equipmentId?: string | null }[] | undefined) ?? [];
    const ctx = { prefix: config.discoveryPrefix, base, meter, header: String(record.header ?? ''), version: opts.version ?? '' };
    const current = new Map<string, { topic: string; json: string }>();
    for (const field of fields) {
      const d = discoveryFor(
        field,
        ctx,
        mbus.find((m) => m.channel === field.mbusChannel),
      );
      if (d) current.set(d.uid, { topic: d.topic, json: JSON.stringify(d.config) });
    }
    const before = published.get(meter) ?? new Map<string, { topic: string; json: string }>();
    for (const [uid, d] of current) if (before.get(uid)?.json !== d.json) c.publish(d.topic, d.json, { qos: 1, retain: true });
    for (const [uid, d] of before) if (!current.has(uid)) c.publish(d.topic, '', { qos: 1, retain: true }); // the field stopped
    published.set(meter, current);
    announcedSinceConnect.add(meter);
  }

  return {
    publish(event) {
      const c = client;
      if (!c || status.state !== 'connected') return;
      const record = toRecord(event);
      const meter = meterSlug(record);
      c.publish(`${base}/${meter}/state`, JSON.stringify(record), { qos: 0 });
      const fields = flattenRecord(record);
      for (const f of fields) c.publish(`${base}/${meter}/${f.path}`, fieldPayload(f.value), { qos: 0 });
      if (config.discovery) publishDiscovery(c, record, meter, fields);
    },
    status: () => status,
    async close() {
      closing = true;
      if (retry) clearTimeout(retry);
      const c = client;
      if (!c) return;
      // A broker that stopped answering must not hold up the app's exit: 2 s, then the socket is cut.
      const said =
        c.connected && new Promise<void>((resolve) => c.publish(statusTopic, 'offline', { qos: 1, retain: true }, () => resolve()));
      const inTime = said
        ? await Promise.race([said.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 2_000).unref())])
        : true;
      await c.endAsync(!inTime);
    },
  };
}
