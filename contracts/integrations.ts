/**
 * The integrations (issue 12) as settings, requests and status: MQTT to the user's broker, the
 * decrypted DSMR re-serve and the local JSON API. Shared by the host (settings.ts validates the
 * saved field with `checkIntegrations`), the shells' payload validators and the renderer.
 * Passwords never travel back to the renderer: it sees `hasPassword`, and sends a new `password`.
 */
import { isLoopbackHost, parseListen } from './listen.ts';

export interface Endpoint {
  host: string;
  port: number; // 0: any free port
}

export interface MqttSettings {
  url: string; // mqtt://host[:port] or mqtts://host[:port], no credentials
  username?: string;
  passwordFile?: string; // a file holding the password (written 0600 by the app when set in Settings)
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  baseTopic: string; // default 'luxp1'
  discovery: boolean; // Home Assistant discovery, default true
  discoveryPrefix: string; // default 'homeassistant'
}

export interface IntegrationsSettings {
  mqtt: MqttSettings | null;
  reserve: Endpoint | null;
  api: (Endpoint & { tokenFile?: string }) | null; // off loopback a token is required (made in the data directory when missing)
}

export const DEFAULT_INTEGRATIONS: IntegrationsSettings = { mqtt: null, reserve: null, api: null };

/** What `integrations:set` takes: the settings, MQTT with a new password instead of its file. */
export type IntegrationsPatch = Omit<IntegrationsSettings, 'mqtt' | 'api'> & {
  mqtt: (Omit<MqttSettings, 'passwordFile'> & { password?: string; clearPassword?: boolean }) | null;
  api: Endpoint | null;
};

export type IntegrationState = 'off' | 'connecting' | 'connected' | 'listening' | 'error';
export interface IntegrationStatus {
  state: IntegrationState;
  address?: string; // where it listens (reserve, api) or the broker (scheme://host:port)
  message?: string; // one line: why not connected, or a warning (listening beyond loopback)
}

/** What `integrations:get` answers and `integrations:status` pushes. */
export interface IntegrationsView {
  mqtt: (Omit<MqttSettings, 'passwordFile'> & { hasPassword: boolean }) | null;
  reserve: Endpoint | null;
  api: (Endpoint & { tokenFile?: string }) | null;
  status: { mqtt: IntegrationStatus; reserve: IntegrationStatus; api: IntegrationStatus };
  fromFlags: string[]; // integrations set by `luxp1 serve` flags for this run
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max = 4096): v is string => typeof v === 'string' && v.length > 0 && v.length <= max && !/[\0\r\n]/.test(v);
const TOPIC = /^[^#+\0/][^#+\0]{0,199}$/; // a topic prefix: no wildcards, not starting with '/'

/** Checks a broker URL: mqtt:// or mqtts://, a host, no password in it (argv and settings are readable). */
export function brokerUrlProblem(url: string): string | null {
  if (!URL.canParse(url)) return 'not a URL';
  const u = new URL(url);
  if (u.protocol !== 'mqtt:' && u.protocol !== 'mqtts:') return `expected mqtt:// or mqtts://, got ${u.protocol}//`;
  if (u.password) return 'put no password in the URL; give it in a file';
  if (!u.hostname) return 'the URL names no host';
  return null;
}

function checkEndpoint(v: unknown): Endpoint | null {
  if (!isObject(v) || !isText(v.host, 255) || typeof v.port !== 'number' || !Number.isInteger(v.port) || v.port < 0 || v.port > 65535)
    return null;
  return { host: v.host, port: v.port };
}

/** The MQTT part; `rejected` names each field that was not usable (an optional one is left out, a required one drops MQTT). */
function checkMqtt(v: unknown, rejected: string[], withPassword: boolean): (IntegrationsPatch['mqtt'] & { passwordFile?: string }) | null {
  if (!isObject(v)) return (rejected.push('integrations.mqtt'), null);
  if (!isText(v.url, 2048) || brokerUrlProblem(v.url)) return (rejected.push('integrations.mqtt.url'), null);
  const out: MqttSettings & { password?: string; clearPassword?: boolean } = {
    url: v.url,
    baseTopic: 'luxp1',
    discovery: true,
    discoveryPrefix: 'homeassistant',
  };
  const files = withPassword ? (['caFile', 'certFile', 'keyFile'] as const) : (['passwordFile', 'caFile', 'certFile', 'keyFile'] as const);
  for (const k of ['username', ...files] as const) {
    if (v[k] === undefined || v[k] === '') continue;
    if (isText(v[k])) out[k] = v[k];
    else rejected.push(`integrations.mqtt.${k}`);
  }
  for (const k of ['baseTopic', 'discoveryPrefix'] as const) {
    if (v[k] === undefined) continue;
    if (typeof v[k] === 'string' && TOPIC.test(v[k])) out[k] = v[k];
    else rejected.push(`integrations.mqtt.${k}`);
  }
  if (v.discovery !== undefined) {
    if (typeof v.discovery === 'boolean') out.discovery = v.discovery;
    else rejected.push('integrations.mqtt.discovery');
  }
  if (withPassword) {
    if (isText(v.password)) out.password = v.password;
    else if (v.password !== undefined && v.password !== '') rejected.push('integrations.mqtt.password');
    if (v.clearPassword === true) out.clearPassword = true;
  }
  return out;
}

/** The saved `integrations` setting: valid parts kept, each unusable field named. */
export function checkIntegrations(v: unknown): { value: IntegrationsSettings; rejected: string[] } {
  const rejected: string[] = [];
  if (!isObject(v)) return { value: { ...DEFAULT_INTEGRATIONS }, rejected: ['integrations'] };
  const value: IntegrationsSettings = { ...DEFAULT_INTEGRATIONS };
  if (v.mqtt !== undefined && v.mqtt !== null) value.mqtt = checkMqtt(v.mqtt, rejected, false) as MqttSettings | null;
  for (const k of ['reserve', 'api'] as const) {
    if (v[k] === undefined || v[k] === null) continue;
    const e = checkEndpoint(v[k]);
    if (!e) {
      rejected.push(`integrations.${k}`);
      continue;
    }
    if (k === 'reserve') value.reserve = e;
    else {
      const tokenFile = (v.api as Raw).tokenFile;
      if (tokenFile !== undefined && !isText(tokenFile)) rejected.push('integrations.api.tokenFile');
      value.api = { ...e, ...(isText(tokenFile) ? { tokenFile } : {}) };
    }
  }
  return { value, rejected };
}

/** An `integrations:set` payload: all or nothing, with the first problem named. */
export function checkIntegrationsPatch(v: unknown): { ok: true; value: IntegrationsPatch } | { ok: false; message: string } {
  if (!isObject(v)) return { ok: false, message: 'expected an object' };
  const rejected: string[] = [];
  const mqtt = v.mqtt === null || v.mqtt === undefined ? null : checkMqtt(v.mqtt, rejected, true);
  const endpoint = (k: 'reserve' | 'api') => {
    if (v[k] === null || v[k] === undefined) return null;
    const e = checkEndpoint(v[k]);
    if (!e) rejected.push(`integrations.${k}`);
    return e;
  };
  const reserve = endpoint('reserve');
  const api = endpoint('api');
  if (rejected.length > 0) return { ok: false, message: `invalid ${rejected.join(', ')}` };
  return { ok: true, value: { mqtt, reserve, api } };
}

/** `HOST:PORT` for a flag (`--reserve`, `--api`); null when malformed. */
export function parseEndpoint(text: string): Endpoint | null {
  return parseListen(text);
}

export { isLoopbackHost };
