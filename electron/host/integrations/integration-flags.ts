/**
 * The integration flags of `luxp1 serve` (and `npm start`): they replace the saved setting of each
 * integration they name, for this run. Secrets come from files (argv is readable by every local
 * user): `--mqtt-password-file`, `--api-token-file`; a file that cannot be read is refused here, at once.
 */
import { accessSync, constants } from 'node:fs';
import {
  brokerUrlProblem,
  checkIntegrations,
  type IntegrationsSettings,
  isLoopbackHost,
  parseEndpoint,
} from '../../../contracts/integrations.ts';

export const integrationFlags = {
  mqtt: { type: 'string' },
  'mqtt-user': { type: 'string' },
  'mqtt-password-file': { type: 'string' },
  'mqtt-base-topic': { type: 'string' },
  'mqtt-ca-file': { type: 'string' },
  'mqtt-cert-file': { type: 'string' },
  'mqtt-key-file': { type: 'string' },
  'no-discovery': { type: 'boolean' },
  'mqtt-discovery-prefix': { type: 'string' },
  reserve: { type: 'string' },
  api: { type: 'string' },
  'api-token-file': { type: 'string' },
} as const;

export const INTEGRATION_USAGE = `  --mqtt URL          publish to this MQTT broker (mqtt://host[:1883] or mqtts://host[:8883]), with Home Assistant discovery
  --mqtt-user NAME    the broker's user name; --mqtt-password-file FILE its password (never on the command line)
  --mqtt-ca-file / --mqtt-cert-file / --mqtt-key-file FILE   PEM files for mqtts:// (client certificate)
  --mqtt-base-topic T topics under T (default luxp1); --no-discovery: no Home Assistant discovery
  --mqtt-discovery-prefix P   Home Assistant's discovery prefix, if yours is not homeassistant
  --reserve HOST:PORT re-serve every verified telegram as plain DSMR over TCP (e.g. 127.0.0.1:2001; beyond
                      loopback, decrypted telegrams are readable by anyone on the network)
  --api HOST:PORT     the local JSON API (GET /api/v1/meters, /api/v1/stream); beyond loopback it needs
                      --api-token-file FILE (Authorization: Bearer <token>)`;

type Values = Record<string, string | string[] | boolean | undefined>;
type Parsed = { ok: true; value?: Partial<IntegrationsSettings> } | { ok: false; message: string };

function readable(flag: string, path: string): string | null {
  try {
    accessSync(path, constants.R_OK);
    return null;
  } catch (err) {
    return `${flag}: cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`;
  }
}

/** The integrations the flags name; nothing when none is given. */
export function parseIntegrationFlags(values: Values): Parsed {
  const s = (k: keyof typeof integrationFlags) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const out: Partial<IntegrationsSettings> = {};
  const url = s('mqtt');
  const mqttOnly = [
    'mqtt-user',
    'mqtt-password-file',
    'mqtt-base-topic',
    'mqtt-ca-file',
    'mqtt-cert-file',
    'mqtt-key-file',
    'mqtt-discovery-prefix',
  ] as const;
  if (url === undefined && mqttOnly.some((k) => s(k) !== undefined))
    return { ok: false, message: `--${mqttOnly.find((k) => s(k))} needs --mqtt URL` };
  if (url !== undefined) {
    const problem = brokerUrlProblem(url);
    if (problem) return { ok: false, message: `--mqtt: ${problem}` };
    const files = {
      passwordFile: 'mqtt-password-file',
      caFile: 'mqtt-ca-file',
      certFile: 'mqtt-cert-file',
      keyFile: 'mqtt-key-file',
    } as const;
    const mqtt: NonNullable<IntegrationsSettings['mqtt']> = {
      url,
      baseTopic: s('mqtt-base-topic') ?? 'luxp1',
      discovery: values['no-discovery'] !== true,
      discoveryPrefix: s('mqtt-discovery-prefix') ?? 'homeassistant',
      ...(s('mqtt-user') ? { username: s('mqtt-user') } : {}),
    };
    for (const [key, flag] of Object.entries(files) as [keyof typeof files, (typeof files)[keyof typeof files]][]) {
      const path = s(flag);
      if (path === undefined) continue;
      const problem = readable(`--${flag}`, path);
      if (problem) return { ok: false, message: problem };
      mqtt[key] = path;
    }
    if (!/^[^#+\0/][^#+\0]{0,199}$/.test(mqtt.baseTopic))
      return { ok: false, message: '--mqtt-base-topic: no wildcards (# +), not starting with /' };
    if (!/^[^#+\0/][^#+\0]{0,199}$/.test(mqtt.discoveryPrefix))
      return { ok: false, message: '--mqtt-discovery-prefix: no wildcards (# +), not starting with /' };
    out.mqtt = mqtt;
  }
  const reserve = s('reserve');
  if (reserve !== undefined) {
    const e = parseEndpoint(reserve);
    if (!e) return { ok: false, message: `--reserve expects HOST:PORT, got ${JSON.stringify(reserve)}` };
    out.reserve = e;
  }
  const api = s('api');
  const tokenFile = s('api-token-file');
  if (api === undefined && tokenFile !== undefined) return { ok: false, message: '--api-token-file needs --api HOST:PORT' };
  if (api !== undefined) {
    const e = parseEndpoint(api);
    if (!e) return { ok: false, message: `--api expects HOST:PORT, got ${JSON.stringify(api)}` };
    if (!isLoopbackHost(e.host) && tokenFile === undefined)
      return { ok: false, message: `--api on ${e.host} (beyond this computer) needs --api-token-file FILE` };
    const problem = tokenFile === undefined ? null : readable('--api-token-file', tokenFile);
    if (problem) return { ok: false, message: problem };
    out.api = { ...e, ...(tokenFile ? { tokenFile } : {}) };
  }
  return Object.keys(out).length > 0 ? { ok: true, value: out } : { ok: true };
}

/** The flags' integrations as `npm start` hands them to the desktop app ($LUXP1_INTEGRATIONS: JSON, file paths only, no secret). */
export function integrationsFromEnv(text: string | undefined): Partial<IntegrationsSettings> | undefined {
  if (!text) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { value } = checkIntegrations(raw);
  const out: Partial<IntegrationsSettings> = {};
  for (const k of ['mqtt', 'reserve', 'api'] as const) if (k in raw) Object.assign(out, { [k]: value[k] });
  return Object.keys(out).length > 0 ? out : undefined;
}
