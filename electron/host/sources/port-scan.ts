/**
 * Lists serial ports without udev: `SerialPort.list()` spawns `udevadm`, which minimal systems and
 * containers lack. Scanning device names finds the usual P1 adapters all the same.
 */
import { readdir, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import type { PortInfo } from '../../../contracts/ipc.ts';

const DEV_PATTERNS = [/^ttyUSB\d+$/, /^ttyACM\d+$/, /^ttyS\d+$/, /^ttyAMA\d+$/];

async function names(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}

/** Device paths under `root` (default /dev): by-id links first (stable across replugging), then tty nodes and ptys. */
export async function scanSerialDevices(root = '/dev'): Promise<PortInfo[]> {
  const found: PortInfo[] = [];
  const seen = new Set<string>();
  for (const name of (await names(join(root, 'serial', 'by-id'))).sort()) {
    const path = join(root, 'serial', 'by-id', name);
    seen.add(await realpath(path).catch(() => path));
    found.push({ path });
  }
  for (const name of (await names(root)).sort()) {
    const path = join(root, name);
    if (DEV_PATTERNS.some((re) => re.test(name)) && !seen.has(path)) found.push({ path });
  }
  for (const name of (await names(join(root, 'pts'))).sort((a, b) => Number(a) - Number(b))) {
    if (/^\d+$/.test(name)) found.push({ path: join(root, 'pts', name) });
  }
  return found;
}

/** `list()` when it works; otherwise the scan, plus a one-line warning saying why. */
export async function listPortsWithFallback(
  list: () => Promise<PortInfo[]>,
  scan: () => Promise<PortInfo[]> = () => scanSerialDevices(),
): Promise<{ ports: PortInfo[]; warning?: string }> {
  try {
    return { ports: await list() };
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    const ports = await scan();
    return { ports, warning: `port details unavailable (${why}); listing device names instead — a typed path works too` };
  }
}
