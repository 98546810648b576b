import { describe, expect, it } from 'vitest';
import { discoveryFor, entityFor } from '../../../../electron/host/integrations/mqtt-discovery.ts';
import { flattenRecord, meterSlug } from '../../../../electron/host/integrations/mqtt-fields.ts';
import { toRecord } from '../../../../protocol/index.ts';
import { plainEvent } from './telegrams.ts';

const ctx = { prefix: 'homeassistant', base: 'luxp1', meter: 'SAG1', header: '/Lux5\\253663629_D', version: '' };

describe('MQTT fields and discovery', () => {
  it('flattens the record into the pushed fields only, M-Bus by channel, frame details left out', () => {
    const record = toRecord(plainEvent());
    const paths = flattenRecord(record).map((f) => f.path);
    expect(paths).toContain('electricity/phases/l3/exportReactivePowerVar');
    expect(paths).toContain('electricity/currentLimitsA/import');
    expect(paths).toContain('mbus/1/equipmentId');
    expect(paths.some((p) => /^(crc|frameCounter|systemTitle|encrypted|unknown|type)/.test(p))).toBe(false);
    expect(meterSlug(record)).toBe('SAG1030700012701');
    expect(meterSlug({ type: 'telegram', systemTitle: '534147', electricity: {} })).toBe('534147');
  });

  it('gives heat in GJ or kWh the energy class, an unknown M-Bus kind only its unit, and unlisted fields nothing', () => {
    const field = { path: 'mbus/3/value', value: 12.5, mbusChannel: 3 };
    expect(entityFor(field, { kind: 'heat', unit: 'GJ' })).toMatchObject({
      device_class: 'energy',
      unit_of_measurement: 'GJ',
      state_class: 'total_increasing',
    });
    expect(entityFor(field, { kind: 'heat', unit: 'kWh' })).toMatchObject({ device_class: 'energy', unit_of_measurement: 'kWh' });
    expect(entityFor(field, { kind: 'unknown', unit: 'm3' })).toEqual({
      name: 'Reading',
      state_class: 'total_increasing',
      unit_of_measurement: 'm³',
    });
    expect(entityFor(field, { kind: 'unknown', unit: null })).toBeNull();
    expect(entityFor({ path: 'version', value: '42' })).toBeNull();
    expect(entityFor({ path: 'electricity/currentLimitsA/import', value: 40 })).toBeNull();
  });

  it('names the entity, its state topic and its device; messages keep to the 255 characters a state holds', () => {
    const d = discoveryFor({ path: 'channelMessages/3', value: 'hello' }, ctx)!;
    expect(d.topic).toBe('homeassistant/sensor/luxp1_SAG1_channelMessages_3/config');
    expect(d.config).toMatchObject({
      name: 'Message channel 3',
      state_topic: 'luxp1/SAG1/channelMessages/3',
      value_template: '{{ value[:255] }}',
      device: { identifiers: ['luxp1_SAG1'], name: 'Smarty SAG1', model: '/Lux5\\253663629_D' },
      origin: { name: 'LuxP1' },
    });
  });
});
