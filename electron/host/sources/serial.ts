/**
 * A serial port (USB P1 cable) as a byte source. The only file that imports `serialport`.
 * Opening fails with a one-line message naming the cause; an unplugged adapter surfaces as a
 * 'close' event, which link.ts turns into a reconnect loop until the path opens again.
 */
import { realpathSync } from 'node:fs';
import { SerialPort } from 'serialport';
import type { PortInfo, SerialOptions } from '../../../contracts/ipc.ts';
import { listPortsWithFallback } from './port-scan.ts';
import type { Source, SourceEvent } from './source.ts';

/** Turns a serialport / errno error into one line a person can act on. */
export function describeSerialError(path: string, err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: string } | null)?.code;
  if (code === 'ENOENT' || /no such file/i.test(text)) return `ENOENT: ${path} not found`;
  if (code === 'EACCES' || /permission denied/i.test(text)) return `EACCES: ${path}: permission denied — add yourself to the dialout group`;
  if (code === 'EBUSY' || /busy|cannot lock/i.test(text)) return `EBUSY: ${path} is in use by another program`;
  return `${path}: ${text.replace(/^Error: /, '').split('\n')[0]}`;
}

/**
 * How often an open port checks that its device node still exists. Needed because a hung-up pty
 * (and some adapters) read as endless zero-byte reads instead of an error, so serialport never
 * reports the loss; a vanished or replaced node (/dev/ttyUSB0 gone, a new pts behind a link) does.
 */
const PRESENCE_CHECK_MS = 500;

function deviceOf(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

/** Serial source with the Smarty defaults (115200 8N1). */
export function createSerialSource(options: SerialOptions): Source {
  let port: SerialPort | null = null;
  let presence: ReturnType<typeof setInterval> | null = null;
  const stopPresence = (): void => {
    if (presence !== null) clearInterval(presence);
    presence = null;
  };

  async function closePort(): Promise<void> {
    stopPresence();
    const p = port;
    port = null;
    if (!p) return;
    p.removeAllListeners('data');
    p.removeAllListeners('close');
    p.on('error', () => {}); // late errors from a port we are discarding are of no interest
    if (p.isOpen) await new Promise<void>((resolve) => p.close(() => resolve()));
  }

  return {
    label: options.path,
    open(onBytes, onState) {
      let done = false;
      const finish = (event: SourceEvent): void => {
        if (done) return;
        done = true;
        stopPresence();
        // Release the fd now, not at the next retry: a hung-up pty spins serialport's read loop until closed.
        if (event.status === 'closed') void closePort();
        onState(event);
      };
      let p: SerialPort;
      try {
        p = new SerialPort({
          path: options.path,
          baudRate: options.baudRate ?? 115200,
          dataBits: options.dataBits ?? 8,
          parity: options.parity ?? 'none',
          stopBits: options.stopBits ?? 1,
          autoOpen: false,
        });
      } catch (err) {
        finish({ status: 'failed', message: describeSerialError(options.path, err), fatal: true });
        return;
      }
      port = p;
      p.on('data', (chunk: Buffer) => onBytes(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length)));
      p.on('error', (err) => finish({ status: 'closed', message: describeSerialError(options.path, err) }));
      p.on('close', () => finish({ status: 'closed', message: `${options.path}: port closed (unplugged?)` }));
      p.open((err) => {
        if (err) finish({ status: 'failed', message: describeSerialError(options.path, err) });
        else {
          const device = deviceOf(options.path);
          presence = setInterval(() => {
            if (deviceOf(options.path) !== device)
              finish({ status: 'closed', message: `${options.path}: device disappeared (unplugged?)` });
          }, PRESENCE_CHECK_MS);
          presence.unref();
          onState({ status: 'open' });
        }
      });
    },
    close: closePort,
  };
}

/** Ports as `serialport` reports them (needs udevadm on Linux; falls back to a device scan). */
export function listSerialPorts(): Promise<{ ports: PortInfo[]; warning?: string }> {
  return listPortsWithFallback(async () =>
    (await SerialPort.list()).map((p) => {
      const info: PortInfo = { path: p.path };
      if (p.manufacturer) info.manufacturer = p.manufacturer;
      if (p.serialNumber) info.serialNumber = p.serialNumber;
      if (p.vendorId) info.vendorId = p.vendorId;
      if (p.productId) info.productId = p.productId;
      return info;
    }),
  );
}
