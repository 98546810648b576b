import { describe, expect, it } from 'vitest';
import { linkReason, linkTarget, shortPath } from '../../../renderer/components/link-target.ts';

describe('link target and reason', () => {
  it('keeps short paths and cuts long ones to their last segment', () => {
    expect(shortPath('/dev/ttyUSB0')).toBe('/dev/ttyUSB0');
    expect(shortPath('COM3')).toBe('COM3');
    expect(shortPath('/tmp/luxp1-e2e-serial-ocvgAE/app')).toBe('…/app');
    const byId = shortPath('/dev/serial/by-id/usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0');
    expect(byId).toBe('…/usb-FTDI_FT2…00-port0');
    expect(byId.length).toBeLessThanOrEqual(24);
  });

  it('names each kind of source', () => {
    expect(linkTarget({ kind: 'tcp', host: 'meter.local', port: 2000 })).toEqual({ short: 'meter.local:2000', full: 'meter.local:2000' });
    expect(linkTarget({ kind: 'demo' })?.short).toBe('the demo meter');
    expect(linkTarget(null)).toBeNull();
  });

  it('drops the path the reason starts with and shortens it elsewhere', () => {
    const path = '/tmp/luxp1-e2e-serial-ocvgAE/app';
    const base = { status: 'reconnecting' as const, source: { kind: 'serial' as const, path }, since: 0, lastDataAt: null };
    expect(linkReason({ ...base, message: `${path}: device disappeared (unplugged?)` })).toBe('device disappeared (unplugged?)');
    expect(linkReason({ ...base, message: `ENOENT: ${path} not found` })).toBe('ENOENT: …/app not found');
    expect(linkReason({ ...base, message: '  ' })).toBeNull();
    expect(linkReason({ ...base, source: null, message: 'no frame for 30 s' })).toBe('no frame for 30 s');
  });
});
