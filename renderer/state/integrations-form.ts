/**
 * The Integrations form of Settings (IntegrationsSection.tsx) and its translation to and from the
 * host's view: addresses as HOST:PORT text, optional fields left out when empty, a password only
 * when one was typed (empty keeps the saved one).
 */
import { type IntegrationsPatch, type IntegrationsView, parseEndpoint } from '../../contracts/integrations.ts';

export interface IntegrationsForm {
  mqttOn: boolean;
  url: string;
  username: string;
  password: string;
  baseTopic: string;
  discovery: boolean;
  discoveryPrefix: string; // not in the form: kept as saved
  caFile: string;
  certFile: string;
  keyFile: string;
  reserveOn: boolean;
  reserve: string;
  apiOn: boolean;
  api: string;
}

/** `host:port`, IPv6 in brackets; `fallback` when off. */
const address = (e: { host: string; port: number } | null, fallback: string) =>
  e ? `${e.host.includes(':') ? `[${e.host}]` : e.host}:${e.port}` : fallback;

/** The form showing `v`; the password field always starts empty (a saved one is kept unless replaced). */
export function formOf(v: IntegrationsView): IntegrationsForm {
  return {
    mqttOn: v.mqtt !== null,
    url: v.mqtt?.url ?? '',
    username: v.mqtt?.username ?? '',
    password: '',
    baseTopic: v.mqtt?.baseTopic ?? 'luxp1',
    discovery: v.mqtt?.discovery ?? true,
    discoveryPrefix: v.mqtt?.discoveryPrefix ?? 'homeassistant',
    caFile: v.mqtt?.caFile ?? '',
    certFile: v.mqtt?.certFile ?? '',
    keyFile: v.mqtt?.keyFile ?? '',
    reserveOn: v.reserve !== null,
    reserve: address(v.reserve, '127.0.0.1:2001'),
    apiOn: v.api !== null,
    api: address(v.api, '127.0.0.1:8419'),
  };
}

/** What `integrations:set` gets from the form; null when an address is not HOST:PORT. */
export function patchOf(f: IntegrationsForm): IntegrationsPatch | null {
  const reserve = f.reserveOn ? parseEndpoint(f.reserve) : null;
  const api = f.apiOn ? parseEndpoint(f.api) : null;
  if ((f.reserveOn && !reserve) || (f.apiOn && !api)) return null;
  const optional = (k: 'username' | 'caFile' | 'certFile' | 'keyFile') => (f[k].trim() ? { [k]: f[k].trim() } : {});
  const mqtt = f.mqttOn
    ? {
        url: f.url.trim(),
        baseTopic: f.baseTopic.trim(),
        discovery: f.discovery,
        discoveryPrefix: f.discoveryPrefix,
        ...optional('username'),
        ...(f.password ? { password: f.password } : {}), // as typed: spaces may belong to it
        ...optional('caFile'),
        ...optional('certFile'),
        ...optional('keyFile'),
      }
    : null;
  return { mqtt, reserve, api };
}
