/**
 * The integrations room: runs the MQTT publisher, the DSMR re-serve and the local API from the
 * `integrations` setting (and, for one run, `luxp1 serve` flags), hands each of them every decoded
 * telegram, and applies a change from Settings live: only the part that changed restarts.
 *
 * Secrets stay in files of the data directory, mode 0600: the MQTT password the user types
 * (`mqtt-password`) and the API token made for a listener beyond loopback (`api.token`). The
 * renderer gets `hasPassword`, never the password; log lines never carry either.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type IntegrationStatus,
  type IntegrationsPatch,
  type IntegrationsSettings,
  type IntegrationsView,
  isLoopbackHost,
} from '../../../contracts/integrations.ts';
import type { ApiResult } from '../../../contracts/ipc.ts';
import { ok } from '../../../protocol/index.ts';
import type { DecoderEvent } from '../../../protocol/types.ts';
import { readTextIfExists, saveError, writeFileAtomic } from '../atomic-file.ts';
import type { SettingsStore } from '../settings.ts';
import { type LocalApi, startApi } from './api.ts';
import { brokerName, type MqttPublisher, startMqtt } from './mqtt.ts';
import { type Reserve, startReserve } from './reserve.ts';

export interface IntegrationsRoomOptions {
  dataDir: string;
  settings: SettingsStore;
  /** From `luxp1 serve` flags: replaces these parts of the saved setting for this run (until changed in Settings). */
  override?: Partial<IntegrationsSettings>;
  log: (line: string) => void;
  now: () => number;
  emit: (view: IntegrationsView) => void;
  version?: string;
}

export interface IntegrationsRoom {
  start(): Promise<void>;
  observe(event: DecoderEvent, at: number): void;
  handlers: {
    'integrations:get': (payload: null) => Promise<ApiResult<IntegrationsView>>;
    'integrations:set': (payload: IntegrationsPatch) => Promise<ApiResult<IntegrationsView>>;
  };
  close(): Promise<void>;
}

type Part = 'mqtt' | 'reserve' | 'api';
const OFF: IntegrationStatus = { state: 'off' };
const endpointName = (host: string, port: number) => `${host.includes(':') ? `[${host}]` : host}:${port}`;

async function readSecret(path: string, what: string): Promise<string> {
  try {
    const text = (await readFile(path, 'utf8')).trim();
    if (!text) throw new Error('empty');
    return text;
  } catch (err) {
    throw new Error(`cannot read the ${what} file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

export function createIntegrationsRoom(opts: IntegrationsRoomOptions): IntegrationsRoom {
  const { log } = opts;
  let override: Partial<IntegrationsSettings> = { ...opts.override };
  const effective = (): IntegrationsSettings => ({ ...opts.settings.get().integrations, ...override });
  let running: IntegrationsSettings = { mqtt: null, reserve: null, api: null };
  let mqtt: MqttPublisher | null = null;
  let reserve: Reserve | null = null;
  let api: LocalApi | null = null;
  const status: Record<Part, IntegrationStatus> = { mqtt: OFF, reserve: OFF, api: OFF };
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  function view(): IntegrationsView {
    const s = effective();
    const m = s.mqtt ? (({ passwordFile, ...rest }) => ({ ...rest, hasPassword: passwordFile !== undefined }))(s.mqtt) : null;
    return { mqtt: m, reserve: s.reserve, api: s.api, status: { ...status }, fromFlags: Object.keys(override) };
  }
  const setStatus = (part: Part, next: IntegrationStatus) => {
    status[part] = next;
    opts.emit(view());
  };

  async function applyMqtt(next: IntegrationsSettings['mqtt']): Promise<void> {
    await mqtt?.close();
    mqtt = null;
    if (!next) return setStatus('mqtt', OFF);
    const address = brokerName(next.url);
    try {
      const password = next.passwordFile ? await readSecret(next.passwordFile, 'MQTT password') : undefined;
      mqtt = startMqtt(
        { ...next, ...(password ? { password } : {}) },
        {
          log,
          now: opts.now,
          ...(opts.version ? { version: opts.version } : {}),
          onStatus: (s) => setStatus('mqtt', { state: s.state, address, ...(s.message ? { message: s.message } : {}) }),
        },
      );
      const s = mqtt.status();
      setStatus('mqtt', { state: s.state, address, ...(s.message ? { message: s.message } : {}) });
    } catch (err) {
      log(`mqtt: ${(err as Error).message}`);
      setStatus('mqtt', { state: 'error', address, message: (err as Error).message });
    }
  }

  async function applyReserve(next: IntegrationsSettings['reserve']): Promise<void> {
    await reserve?.close();
    reserve = null;
    if (!next) return setStatus('reserve', OFF);
    try {
      reserve = await startReserve({ ...next, log });
      const address = endpointName(next.host, reserve.port);
      const warning = isLoopbackHost(next.host)
        ? {}
        : { message: 'beyond this computer: decrypted telegrams readable by anyone on the network' };
      setStatus('reserve', { state: 'listening', address, ...warning });
    } catch (err) {
      const why = `cannot listen on ${endpointName(next.host, next.port)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
      log(`reserve: ${why}`);
      setStatus('reserve', { state: 'error', message: why });
    }
  }

  async function applyApi(next: IntegrationsSettings['api']): Promise<void> {
    await api?.close();
    api = null;
    if (!next) return setStatus('api', OFF);
    try {
      const token = next.tokenFile ? await readSecret(next.tokenFile, 'API token') : undefined;
      api = await startApi({ host: next.host, port: next.port, log, ...(token ? { token } : {}) });
      setStatus('api', { state: 'listening', address: endpointName(next.host, api.port) });
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      const why = e.code ? `cannot listen on ${endpointName(next.host, next.port)}: ${e.code}` : e.message.replace(/^api: /, '');
      log(`api: ${why}`);
      setStatus('api', { state: 'error', message: why });
    }
  }

  /** Restarts the parts whose setting changed; one apply at a time. */
  function apply(): Promise<void> {
    const run = queue.then(async () => {
      if (closed) return;
      const next = effective();
      // A part in error is started again on every apply (the port may be free now, the file readable).
      const changed = (p: Part) => JSON.stringify(next[p]) !== JSON.stringify(running[p]) || status[p].state === 'error';
      if (changed('mqtt')) await applyMqtt(next.mqtt);
      if (changed('reserve')) await applyReserve(next.reserve);
      if (changed('api')) await applyApi(next.api);
      running = next;
    });
    queue = run.catch(() => {});
    return run;
  }

  /** The saved form of a patch: the password into its 0600 file, a token file for an API beyond loopback. */
  async function toSettings(patch: IntegrationsPatch): Promise<IntegrationsSettings> {
    const before = opts.settings.get().integrations;
    let mqttSettings: IntegrationsSettings['mqtt'] = null;
    if (patch.mqtt) {
      const { password, clearPassword, ...rest } = patch.mqtt;
      let passwordFile = clearPassword ? undefined : before.mqtt?.passwordFile;
      if (password) {
        passwordFile = join(opts.dataDir, 'mqtt-password');
        await writeFileAtomic(passwordFile, `${password}\n`, 0o600).catch((err) => {
          throw saveError('the MQTT password', err);
        });
      }
      mqttSettings = { ...rest, ...(passwordFile ? { passwordFile } : {}) };
    }
    let apiSettings: IntegrationsSettings['api'] = patch.api;
    if (patch.api && !isLoopbackHost(patch.api.host)) {
      const tokenFile = before.api?.tokenFile ?? join(opts.dataDir, 'api.token');
      if ((await readTextIfExists(tokenFile))?.trim()) apiSettings = { ...patch.api, tokenFile };
      else {
        await writeFileAtomic(tokenFile, `${randomBytes(24).toString('base64url')}\n`, 0o600).catch((err) => {
          throw saveError('the API token', err);
        });
        log(`api: made a token for the API in ${tokenFile}`);
        apiSettings = { ...patch.api, tokenFile };
      }
    }
    return { mqtt: mqttSettings, reserve: patch.reserve, api: apiSettings };
  }

  return {
    start: apply,
    observe(event, at) {
      if (event.type !== 'telegram') return;
      reserve?.publish(event);
      mqtt?.publish(event);
      api?.publish(event, at);
    },
    handlers: {
      'integrations:get': async () => ok(view()),
      'integrations:set': async (patch) => {
        const integrations = await toSettings(patch);
        await opts.settings.update({ integrations });
        override = {}; // the user's choice in Settings now rules, flags included
        await apply();
        return ok(view());
      },
    },
    async close() {
      await queue;
      closed = true;
      await Promise.all([mqtt?.close(), reserve?.close(), api?.close()]);
    },
  };
}
