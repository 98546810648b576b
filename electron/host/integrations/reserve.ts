/**
 * DSMR re-serve: a TCP server that hands every verified telegram on as a plain DSMR telegram with a
 * valid CRC-16, so Home Assistant's DSMR integration, DSMR-reader or any P1 tool reads a Smarty
 * without decrypting anything (the job smarty_dsmr_proxy + socat did before).
 *
 * A decrypted text that already is a telegram with its CRC is passed on byte for byte; one without
 * (nothing verified it but the GCM tag) is re-encoded by the protocol encoder, which adds the CRC.
 * Unverified telegrams (DSMR 2.2/3.0 without CRC, read only when asked) are never re-served.
 *
 * Several clients: a write never waits for a client. Each client has a bounded queue (bytes the
 * kernel has not taken yet); a client that lets it fill is dropped, with a log line, so a slow or
 * stalled reader can neither delay the others nor grow the app's memory.
 */
import { createServer, type Socket } from 'node:net';
import { isLoopbackHost } from '../../../contracts/listen.ts';
import { asciiToBytes, encodeTelegram } from '../../../protocol/index.ts';
import type { DecoderEvent } from '../../../protocol/types.ts';

export type TelegramEvent = Extract<DecoderEvent, { type: 'telegram' }>;

export interface ReserveOptions {
  host: string;
  port: number; // 0: any free port
  /** Bytes a client may leave unread before it is dropped; default 256 KiB (≈ 200 telegrams). */
  maxQueuedBytes?: number;
  maxClients?: number; // default 16
  log: (line: string) => void;
}

export interface Reserve {
  readonly host: string;
  readonly port: number;
  /** Hands one decoded telegram to every client; unverified ones are skipped. */
  publish(event: TelegramEvent): void;
  clientCount(): number;
  close(): Promise<void>;
}

const DEFAULT_MAX_QUEUED = 256 * 1024;
const CRC_END = /![0-9A-Fa-f]{4}\r?\n$/;

/** The bytes to re-serve for `event`, or null when nothing verified it. */
export function reserveBytes(event: TelegramEvent): Uint8Array | null {
  const { telegram, text, encrypted } = event;
  if (telegram.crc === null && !encrypted) return null; // no CRC and no tag: unverified
  if (telegram.crc !== null && CRC_END.test(text)) return asciiToBytes(text);
  return asciiToBytes(encodeTelegram(telegram));
}

/** A peer's name for log lines (no data from the stream ever goes into them). */
function peerName(socket: Socket): string {
  const host = socket.remoteAddress ?? '?';
  return `${host.includes(':') ? `[${host}]` : host}:${socket.remotePort ?? '?'}`;
}

/** Starts listening; rejects when the address cannot be bound. */
export async function startReserve(opts: ReserveOptions): Promise<Reserve> {
  const maxQueued = opts.maxQueuedBytes ?? DEFAULT_MAX_QUEUED;
  const maxClients = opts.maxClients ?? 16;
  const clients = new Set<Socket>();
  const server = createServer((socket) => {
    const name = peerName(socket);
    if (clients.size >= maxClients) {
      opts.log(`reserve: refused ${name}: already ${maxClients} clients`);
      socket.destroy();
      return;
    }
    clients.add(socket);
    socket.setNoDelay(true);
    socket.on('data', () => {}); // a DSMR reader sends nothing we need; reading keeps its buffer empty
    socket.on('error', () => {}); // a reset by the peer ends up in 'close'
    socket.on('close', () => clients.delete(socket));
  });
  server.on('error', (err) => opts.log(`reserve: ${err.message}`));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  if (!isLoopbackHost(opts.host)) {
    opts.log(
      `reserve: WARNING: listening on ${opts.host}:${port}, beyond this computer: every telegram goes out decrypted, readable by anyone on the network`,
    );
  }

  return {
    host: opts.host,
    port,
    publish(event) {
      const bytes = reserveBytes(event);
      if (!bytes) return;
      for (const socket of clients) {
        if (socket.writableLength + bytes.length > maxQueued) {
          opts.log(`reserve: dropped ${peerName(socket)}: ${socket.writableLength} bytes unread (a slow or stalled reader)`);
          clients.delete(socket);
          socket.destroy();
          continue;
        }
        socket.write(bytes);
      }
    },
    clientCount: () => clients.size,
    close() {
      for (const socket of clients) socket.destroy();
      clients.clear();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
