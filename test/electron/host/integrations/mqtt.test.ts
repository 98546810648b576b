import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type MqttConfig, type MqttPublisher, startMqtt } from '../../../../electron/host/integrations/mqtt.ts';
import { flattenRecord, fieldPayload } from '../../../../electron/host/integrations/mqtt-fields.ts';
import { PRESET_BASIC } from '../../../../protocol/index.ts';
import { NEXXT_KEY } from '../vectors.ts';
import { type Broker, makePki, type Subscriber, startBroker, subscribe } from './broker.ts';
import { decodeCli } from './decode-cli.ts';
import { decodeAll, frameOf, gasAndWater, KEY } from './telegrams.ts';

const ROOT = new URL('../../../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'luxp1-mqtt-'));
const keyFile = join(dir, 'meter.key');
writeFileSync(keyFile, NEXXT_KEY, { mode: 0o600 });
let broker: Broker;
beforeAll(async () => {
  broker = await startBroker(dir);
});
afterAll(async () => {
  await broker.close();
  rmSync(dir, { recursive: true, force: true });
});

const config = (over: Partial<MqttConfig> = {}): MqttConfig => ({
  url: broker.url,
  baseTopic: 'luxp1',
  discovery: true,
  discoveryPrefix: 'homeassistant',
  ...over,
});

async function connected(c: MqttConfig, log: string[] = []): Promise<MqttPublisher> {
  const p = startMqtt(c, { log: (l) => log.push(l), now: () => 0, backoff: { initialMs: 50, maxMs: 200 }, version: '0.1.0' });
  await vi.waitFor(() => expect(p.status().state).toBe('connected'), { timeout: 5_000 });
  return p;
}

// Home Assistant's documented MQTT sensor discovery keys (integrations/sensor.mqtt, full names) and device keys.
const SENSOR_KEYS = new Set([
  'availability',
  'availability_mode',
  'availability_template',
  'availability_topic',
  'default_entity_id',
  'device',
  'device_class',
  'enabled_by_default',
  'encoding',
  'entity_category',
  'entity_picture',
  'expire_after',
  'force_update',
  'icon',
  'json_attributes_template',
  'json_attributes_topic',
  'last_reset_value_template',
  'name',
  'object_id',
  'options',
  'origin',
  'payload_available',
  'payload_not_available',
  'platform',
  'qos',
  'state_class',
  'state_topic',
  'suggested_display_precision',
  'unique_id',
  'unit_of_measurement',
  'value_template',
]);
const DEVICE_KEYS = new Set([
  'configuration_url',
  'connections',
  'hw_version',
  'identifiers',
  'manufacturer',
  'model',
  'model_id',
  'name',
  'serial_number',
  'suggested_area',
  'sw_version',
  'via_device',
]);
const ORIGIN_KEYS = new Set(['name', 'sw_version', 'support_url']);
// Units HA accepts per device class (developers.home-assistant.io, sensor device classes), for the ones we use.
const UNITS: Record<string, string[]> = {
  energy: ['Wh', 'kWh', 'MWh', 'GJ'],
  power: ['W', 'kW'],
  gas: ['m³', 'ft³', 'CCF'],
  water: ['m³', 'L', 'gal', 'ft³', 'CCF'],
  voltage: ['V', 'mV'],
  current: ['A', 'mA'],
  reactive_power: ['var', 'kvar'],
  reactive_energy: ['varh', 'kvarh'],
  apparent_power: ['VA', 'kVA'],
};

const configs = (sub: Subscriber) => {
  const out = new Map<string, Record<string, unknown> | null>();
  for (const m of sub.messages) if (m.topic.startsWith('homeassistant/sensor/')) out.set(m.topic, m.payload ? JSON.parse(m.payload) : null);
  return out;
};

describe('MQTT publisher against a real mosquitto', () => {
  it('publishes the decode record as state and each pushed field on its own topic, equal to `luxp1 decode` of the same bytes', async () => {
    const bytes = frameOf(gasAndWater(), 100);
    const [record] = await decodeCli(dir, ['--key-file', keyFile], bytes);
    const sub = await subscribe(broker.url, 'luxp1/#');
    const p = await connected(config({ baseTopic: 'luxp1', discovery: false }));
    try {
      p.publish(decodeAll(bytes, { key: KEY })[0]!);
      const state = await sub.waitFor((m) => m.topic === 'luxp1/SAG1030700012701/state');
      expect(JSON.parse(state.payload)).toEqual(record);
      const fields = flattenRecord(record as never);
      await sub.waitFor((m) => m.topic === `luxp1/SAG1030700012701/${fields.at(-1)!.path}`);
      for (const f of fields) {
        const m = sub.messages.find((x) => x.topic === `luxp1/SAG1030700012701/${f.path}`);
        expect(m?.payload, f.path).toBe(fieldPayload(f.value));
      }
      const topic = (path: string) => sub.messages.find((m) => m.topic === `luxp1/SAG1030700012701/${path}`)?.payload;
      expect(topic('electricity/importEnergyWh')).toBe('273764');
      expect(topic('electricity/breaker')).toBe('connected');
      expect(topic('electricity/relays/relay1')).toBe('disconnected');
      expect(topic('mbus/1/value')).toBe('14239.771');
      expect(topic('mbus/2/valve')).toBe('connected');
      expect(topic('channelMessages/2')).toBe('');
      // Not pushed by this meter: no topic at all, never a 0.
      expect(sub.messages.some((m) => m.topic.includes('tariffRegistersWh') || m.topic.includes('quarterDemandW'))).toBe(false);
      expect(await sub.waitFor((m) => m.topic === 'luxp1/status')).toMatchObject({ payload: 'online', retain: true });
    } finally {
      await p.close();
      await sub.close();
    }
  });

  it('announces Home Assistant entities with documented keys and Energy-dashboard classes, and removes them when a field stops', async () => {
    const sub = await subscribe(broker.url, 'homeassistant/#');
    const p = await connected(config({ baseTopic: 'ha1' }));
    try {
      p.publish(decodeAll(frameOf(gasAndWater(), 1), { key: KEY })[0]!);
      const uid = (path: string) => `homeassistant/sensor/luxp1_SAG1030700012701_${path}/config`;
      await sub.waitFor((m) => m.topic === uid('mbus_2_valve'));
      const all = configs(sub);
      expect(all.size).toBeGreaterThan(30);
      for (const [topic, c] of all) {
        expect(sub.messages.find((m) => m.topic === topic)?.retain, topic).toBe(true);
        for (const k of Object.keys(c!)) expect(SENSOR_KEYS.has(k), `${topic}: ${k}`).toBe(true);
        for (const k of Object.keys(c!.device as object)) expect(DEVICE_KEYS.has(k), `${topic}: device.${k}`).toBe(true);
        for (const k of Object.keys(c!.origin as object)) expect(ORIGIN_KEYS.has(k)).toBe(true);
        expect(c!.unique_id).toBe(topic.split('/')[2]);
        expect(c!.availability_topic).toBe('ha1/status');
        const dc = c!.device_class as string | undefined;
        if (dc && UNITS[dc]) expect(UNITS[dc], `${topic}: ${dc} in ${c!.unit_of_measurement}`).toContain(c!.unit_of_measurement);
      }
      expect(all.get(uid('electricity_importEnergyWh'))).toMatchObject({
        device_class: 'energy',
        state_class: 'total_increasing',
        unit_of_measurement: 'Wh',
        state_topic: 'ha1/SAG1030700012701/electricity/importEnergyWh',
      });
      expect(all.get(uid('electricity_exportEnergyWh'))).toMatchObject({
        device_class: 'energy',
        state_class: 'total_increasing',
        unit_of_measurement: 'Wh',
      });
      expect(all.get(uid('electricity_importPowerW'))).toMatchObject({
        device_class: 'power',
        state_class: 'measurement',
        unit_of_measurement: 'W',
      });
      expect(all.get(uid('mbus_1_value'))).toMatchObject({
        device_class: 'gas',
        state_class: 'total_increasing',
        unit_of_measurement: 'm³',
      });
      expect(all.get(uid('mbus_2_value'))).toMatchObject({
        device_class: 'water',
        state_class: 'total_increasing',
        unit_of_measurement: 'm³',
      });
      expect(all.get(uid('electricity_breaker'))).toMatchObject({ device_class: 'enum', options: ['disconnected', 'connected', 'ready'] });
      expect(all.get(uid('mbus_2_valve'))).toMatchObject({ device_class: 'enum', options: ['disconnected', 'connected', 'ready'] });
      // One device per meter and per M-Bus device, the M-Bus ones linked to their meter.
      const devices = new Map(
        [...all.values()].map((c) => [JSON.stringify((c!.device as { identifiers: string[] }).identifiers), c!.device]),
      );
      expect([...devices.keys()].sort()).toEqual([
        '["luxp1_SAG1030700012701"]',
        '["luxp1_SAG1030700012701_mbus1"]',
        '["luxp1_SAG1030700012701_mbus2"]',
      ]);
      expect(all.get(uid('mbus_1_value'))!.device).toMatchObject({
        via_device: 'luxp1_SAG1030700012701',
        serial_number: 'FLO182370120350',
      });

      // The operator reduces the field set: voltages, phase powers and the water meter's objects stop.
      const before = sub.messages.length;
      p.publish(decodeAll(frameOf(gasAndWater(), 2, [...PRESET_BASIC]), { key: KEY })[0]!);
      await sub.waitFor((m) => m.topic === uid('electricity_phases_l1_voltageV') && m.payload === '');
      await new Promise((r) => setTimeout(r, 200));
      const removed = sub.messages.slice(before).filter((m) => m.payload === '');
      expect(removed.every((m) => m.retain)).toBe(true);
      const now = configs(sub);
      expect(now.get(uid('electricity_phases_l1_voltageV'))).toBeNull();
      expect(now.get(uid('electricity_importEnergyWh'))).not.toBeNull();
      // Configs that did not change are not sent again.
      expect(sub.messages.slice(before).filter((m) => m.topic === uid('electricity_importEnergyWh'))).toEqual([]);
    } finally {
      await p.close();
      await sub.close();
    }
  });

  it('after a restart, removes entities an earlier run announced whose field is no longer pushed', async () => {
    const first = await connected(config({ baseTopic: 'ha2' }));
    first.publish(decodeAll(frameOf(gasAndWater(), 1), { key: KEY })[0]!);
    await first.close();
    const sub = await subscribe(broker.url, 'homeassistant/#');
    const second = await connected(config({ baseTopic: 'ha2' }));
    try {
      // No wait for the retained configs: they may come before or after this telegram, and both must work.
      second.publish(decodeAll(frameOf(gasAndWater(), 2, [...PRESET_BASIC]), { key: KEY })[0]!);
      await sub.waitFor(
        (m) => m.topic === 'homeassistant/sensor/luxp1_SAG1030700012701_electricity_phases_l2_voltageV/config' && m.payload === '',
      );
    } finally {
      await second.close();
      await sub.close();
    }
  });

  it('the broker publishes the last will (offline, retained) when the publisher dies without a word', async () => {
    const child = spawn(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, 'test/electron/host/integrations/mqtt-child.ts'), broker.url], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (d: Buffer) => d.toString().includes('connected') && resolve());
        child.on('exit', (code) => reject(new Error(`child exited ${code}`)));
      });
      const sub = await subscribe(broker.url, 'luxp1/status');
      const online = await sub.waitFor((m) => m.payload === 'online');
      child.kill('SIGKILL');
      const after = (m: (typeof sub.messages)[number]) => sub.messages.indexOf(m) > sub.messages.indexOf(online);
      expect(await sub.waitFor((m) => m.payload === 'offline' && after(m))).toMatchObject({ retain: true });
      await sub.close();
      const later = await subscribe(broker.url, 'luxp1/status'); // a client that comes later sees it retained
      expect(await later.waitFor(() => true)).toMatchObject({ payload: 'offline', retain: true });
      await later.close();
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('logs in with user and password; a wrong password is an error status, and no log line holds it', async () => {
    const secure = await startBroker(dir, { users: { meter: 'correct horse battery' } });
    const log: string[] = [];
    try {
      const bad = startMqtt(
        { ...config({ url: secure.url }), username: 'meter', password: 'wrong-s3cret' },
        { log: (l) => log.push(l), now: () => 0, backoff: { initialMs: 50, maxMs: 100 } },
      );
      await vi.waitFor(() =>
        expect(bad.status()).toMatchObject({ state: 'error', message: expect.stringMatching(/Not authorized|Bad username or password/) }),
      );
      await bad.close();
      const good = await connected({ ...config({ url: secure.url }), username: 'meter', password: 'correct horse battery' }, log);
      await good.close();
      expect(log.join('\n')).not.toMatch(/wrong-s3cret|correct horse/);
      expect(log).toContain(`mqtt: connected to mqtt://127.0.0.1:${secure.port}`);
    } finally {
      await secure.close();
    }
  });

  it('speaks mqtts:// with the CA and a client certificate from files; without the certificate the broker refuses', async () => {
    const pkiDir = join(dir, 'pki');
    mkdirSync(pkiDir);
    const pki = makePki(pkiDir);
    const secure = await startBroker(dir, { tls: pki });
    try {
      const sub = await subscribe(secure.url, 'tls/#', {
        ca: readFileSync(pki.ca),
        cert: readFileSync(pki.cert),
        key: readFileSync(pki.key),
      });
      const p = await connected(
        config({ url: secure.url, baseTopic: 'tls', discovery: false, caFile: pki.ca, certFile: pki.cert, keyFile: pki.key }),
      );
      p.publish(decodeAll(frameOf(gasAndWater(), 1), { key: KEY })[0]!);
      expect(JSON.parse((await sub.waitFor((m) => m.topic === 'tls/SAG1030700012701/state')).payload)).toMatchObject({ frameCounter: 1 });
      await p.close();
      await sub.close();
      const log: string[] = [];
      const noCert = startMqtt(config({ url: secure.url, caFile: pki.ca }), {
        log: (l) => log.push(l),
        now: () => 0,
        backoff: { initialMs: 50, maxMs: 100 },
      });
      await vi.waitFor(() => expect(noCert.status()).toMatchObject({ state: 'error', message: expect.stringMatching(/retrying/) }));
      await noCert.close();
      const missing = startMqtt(config({ url: secure.url, caFile: join(pkiDir, 'nope.crt') }), { log: (l) => log.push(l), now: () => 0 });
      expect(missing.status()).toEqual({
        state: 'error',
        since: 0,
        message: `mqtt: cannot read the CA file ${join(pkiDir, 'nope.crt')}: ENOENT`,
      });
      expect(log.join('\n')).not.toContain('PRIVATE KEY');
    } finally {
      await secure.close();
    }
  });

  it('comes back by itself when the broker restarts', async () => {
    const port = (await startBroker(dir).then(async (b) => (await b.close(), b.port))) as number;
    const log: string[] = [];
    const p = startMqtt(config({ url: `mqtt://127.0.0.1:${port}` }), {
      log: (l) => log.push(l),
      now: () => 0,
      backoff: { initialMs: 50, maxMs: 200 },
    });
    try {
      await vi.waitFor(() =>
        expect(p.status()).toMatchObject({ state: 'error', message: expect.stringMatching(/ECONNREFUSED.*retrying/) }),
      );
      const b = await startBroker(dir, { port });
      await vi.waitFor(() => expect(p.status().state).toBe('connected'), { timeout: 5_000 });
      await p.close();
      await b.close();
    } finally {
      await p.close();
    }
  });

  it('refuses a URL with a password in it, or another scheme, with a clear error', () => {
    const log: string[] = [];
    const opts = { log: (l: string) => log.push(l), now: () => 0 };
    expect(startMqtt(config({ url: 'mqtt://u:hunter2@127.0.0.1:1' }), opts).status()).toMatchObject({
      state: 'error',
      message: expect.stringMatching(/no password in the URL/),
    });
    expect(startMqtt(config({ url: 'http://127.0.0.1:1' }), opts).status()).toMatchObject({
      state: 'error',
      message: 'mqtt: expected mqtt:// or mqtts://, got http://',
    });
    expect(log.join('\n')).not.toContain('hunter2');
  });
});
