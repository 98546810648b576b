import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listPortsWithFallback, scanSerialDevices } from '../../../../electron/host/sources/port-scan.ts';
import { listSerialPorts } from '../../../../electron/host/sources/serial.ts';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('port listing', () => {
  it('scans by-id links, tty nodes and ptys', async () => {
    root = mkdtempSync(join(tmpdir(), 'luxp1-dev-'));
    for (const n of ['ttyUSB0', 'ttyACM1', 'ttyS0', 'null', 'tty']) writeFileSync(join(root, n), '');
    mkdirSync(join(root, 'pts'));
    for (const n of ['3', '12', 'ptmx']) writeFileSync(join(root, 'pts', n), '');
    mkdirSync(join(root, 'serial', 'by-id'), { recursive: true });
    symlinkSync(join(root, 'ttyUSB0'), join(root, 'serial', 'by-id', 'usb-FTDI_P1-if00'));
    const paths = (await scanSerialDevices(root)).map((p) => p.path);
    expect(paths).toEqual([
      join(root, 'serial/by-id/usb-FTDI_P1-if00'),
      join(root, 'ttyACM1'),
      join(root, 'ttyS0'),
      join(root, 'pts/3'),
      join(root, 'pts/12'),
    ]);
  });

  it('falls back with a one-line warning when list() fails', async () => {
    const r = await listPortsWithFallback(
      () => Promise.reject(new Error('spawn udevadm ENOENT')),
      async () => [{ path: '/dev/ttyUSB0' }],
    );
    expect(r.ports).toEqual([{ path: '/dev/ttyUSB0' }]);
    expect(r.warning).toMatch(/spawn udevadm ENOENT/);
    expect(r.warning).not.toContain('\n');
  });

  it('the real listing answers with a warning when udevadm is missing', async () => {
    const path = process.env.PATH;
    root = mkdtempSync(join(tmpdir(), 'luxp1-nopath-'));
    process.env.PATH = root; // an empty directory: no udevadm, as on this build box and minimal containers
    try {
      const r = await listSerialPorts();
      expect(r.warning).toMatch(/udevadm/);
      expect(Array.isArray(r.ports)).toBe(true);
    } finally {
      process.env.PATH = path;
    }
  });
});
