import { describe, expect, it } from 'vitest';
import { describeChange } from '../../../../renderer/views/service/describe-change.ts';

describe('describeChange', () => {
  it('describes every kind of staff change in words from the catalogue', () => {
    expect(describeChange({ kind: 'patch', body: { encryption: false } })).toBe('Encryption off');
    expect(describeChange({ kind: 'patch', body: { fields: 'full' } })).toBe('Field set: full');
    expect(describeChange({ kind: 'patch', body: { fields: ['1-0:1.8.0', '1-0:2.8.0'] } })).toBe('Field set: 2 chosen fields');
    expect(describeChange({ kind: 'patch', body: { powerLimitKva: 6.9, breaker: 'disconnected', relays: { relay2: 'ready' } } })).toBe(
      'Power limit 6.9 kVA, Breaker disconnected, Relay 2 ready',
    );
    expect(describeChange({ kind: 'message', channel: '0', text: 'x'.repeat(1024) })).toBe('Message on channel 0 (1,024 characters)');
    expect(describeChange({ kind: 'mbus-attach', channel: 2, body: { kind: 'water' } })).toBe('Water meter attached on M-Bus 2');
    expect(describeChange({ kind: 'mbus-detach', channel: 2 })).toBe('Device detached from M-Bus 2');
    expect(describeChange({ kind: 'valve', channel: 1, valve: 'disconnected' })).toBe('Valve on M-Bus 1 disconnected');
    expect(describeChange({ kind: 'rotate-key' })).toBe('Key rotated');
  });
});
