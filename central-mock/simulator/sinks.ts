/**
 * Where a simulated meter's port bytes go: a serial device, a TCP server socket, or a file.
 *
 * Serial devices are written through `serialport` at 115200 8N1, as a meter's UART would send:
 * a pty from socat ignores the line settings, but the same sink then also drives a real USB-serial
 * adapter wired to a P1 reader, where a plain fs stream would leave the line at whatever baud rate
 * the tty last had. TCP plays a ser2net port or a network P1 dongle: every connected client gets the
 * stream from the moment it connects. Files are appended to, raw bytes only.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { SerialPort } from 'serialport';

export type SinkSpec =
  | { kind: 'serial'; path: string; baudRate?: number }
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'file'; path: string };

export interface Sink {
  /** One line for people: where the bytes go (with the bound port for `tcp:…:0`). */
  readonly description: string;
  /** The TCP server's bound address; only for tcp sinks. */
  readonly address?: { host: string; port: number };
  /** Writes one frame; resolves when the transport has taken it. */
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

const MAX_CLIENT_BACKLOG = 1 << 20; // a reader that stops reading is dropped, not buffered forever

/**
 * Parses `--out`: `tcp:HOST:PORT` (`tcp:PORT` binds loopback), `file:PATH`, `serial:PATH`, or a bare
 * device path. Returns an error message for anything else.
 */
export function parseSinkSpec(text: string): { ok: true; value: SinkSpec } | { ok: false; error: string } {
  if (text.startsWith('tcp:')) {
    const rest = text.slice(4);
    const cut = rest.lastIndexOf(':');
    const host = cut < 0 ? '127.0.0.1' : rest.slice(0, cut).replace(/^\[(.*)\]$/, '$1') || '127.0.0.1';
    const portText = cut < 0 ? rest : rest.slice(cut + 1);
    const port = Number(portText);
    if (!/^\d+$/.test(portText) || port > 65535) return { ok: false, error: `out: expected tcp:HOST:PORT, got ${JSON.stringify(text)}` };
    return { ok: true, value: { kind: 'tcp', host, port } };
  }
  if (text.startsWith('file:')) {
    if (text.length === 5) return { ok: false, error: 'out: expected file:PATH' };
    return { ok: true, value: { kind: 'file', path: text.slice(5) } };
  }
  const path = text.startsWith('serial:') ? text.slice(7) : text;
  if (path === '') return { ok: false, error: 'out: expected a serial device path, tcp:HOST:PORT or file:PATH' };
  return { ok: true, value: { kind: 'serial', path } };
}

/** Opens a sink; rejects with a clear message when the device, port or file cannot be opened. */
export async function openSink(spec: SinkSpec): Promise<Sink> {
  if (spec.kind === 'tcp') return openTcpSink(spec.host, spec.port);
  if (spec.kind === 'file') return openFileSink(spec.path);
  return openSerialSink(spec.path, spec.baudRate ?? 115200);
}

async function openSerialSink(path: string, baudRate: number): Promise<Sink> {
  const port = new SerialPort({ path, baudRate, dataBits: 8, parity: 'none', stopBits: 1, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(new Error(`serial ${path}: ${err.message}`)) : resolve())));
  return {
    description: `serial ${path} at ${baudRate} 8N1`,
    write: (bytes) =>
      new Promise((resolve, reject) => {
        port.write(Buffer.from(bytes), (err) => (err ? reject(err) : port.drain((e) => (e ? reject(e) : resolve()))));
      }),
    close: () => new Promise((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
  };
}

async function openTcpSink(host: string, port: number): Promise<Sink> {
  const clients = new Set<Socket>();
  const server = createServer((socket) => {
    clients.add(socket);
    socket.on('error', () => socket.destroy()); // a client hanging up mid-write is normal
    socket.on('close', () => clients.delete(socket));
    socket.on('data', () => {}); // a P1 port is output-only: ignore whatever a client sends
  });
  server.listen(port, host);
  await once(server, 'listening').catch((e: Error) => Promise.reject(new Error(`tcp ${host}:${port}: ${e.message}`)));
  const bound = server.address();
  const address = { host, port: typeof bound === 'object' && bound ? bound.port : port };
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    description: `tcp ${shown}:${address.port} (every client gets the stream)`,
    address,
    async write(bytes) {
      for (const c of clients) {
        if (c.writableLength > MAX_CLIENT_BACKLOG) c.destroy();
        else c.write(bytes);
      }
    },
    async close() {
      for (const c of clients) c.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function openFileSink(path: string): Promise<Sink> {
  const out = createWriteStream(path, { flags: 'a' });
  await once(out, 'open').catch((e: Error) => Promise.reject(new Error(`file ${path}: ${e.message}`)));
  return {
    description: `file ${path} (appending raw port bytes)`,
    write: (bytes) => new Promise((resolve, reject) => out.write(bytes, (err) => (err ? reject(err) : resolve()))),
    close: () => new Promise((resolve) => out.end(() => resolve())),
  };
}
