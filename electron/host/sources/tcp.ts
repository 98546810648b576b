/**
 * A TCP byte source: ser2net, network P1 dongles, and the demo's simulated meter.
 * The connect attempt times out after 5 s; keepalive makes a vanished peer show up as a drop.
 */
import { connect, type Socket } from 'node:net';
import type { Source, SourceEvent } from './source.ts';

const CONNECT_TIMEOUT_MS = 5_000;

function describeTcpError(label: string, err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ECONNREFUSED':
      return `ECONNREFUSED: nothing listens on ${label}`;
    case 'ENOTFOUND':
      return `ENOTFOUND: unknown host in ${label}`;
    case 'ECONNRESET':
      return `ECONNRESET: ${label} dropped the connection`;
    default:
      return `${err.code ?? 'ERROR'}: ${label}: ${err.message.split('\n')[0]}`;
  }
}

/** TCP source connecting to `host:port`. */
export function createTcpSource(host: string, port: number): Source {
  const label = `${host}:${port}`;
  let socket: Socket | null = null;

  return {
    label,
    open(onBytes, onState) {
      let opened = false;
      let done = false;
      const finish = (event: SourceEvent): void => {
        if (done) return;
        done = true;
        onState(event);
      };
      const s = connect({ host, port });
      socket = s;
      s.setTimeout(CONNECT_TIMEOUT_MS, () => {
        if (!opened) {
          finish({ status: 'failed', message: `ETIMEDOUT: no answer from ${label} within 5 s` });
          s.destroy();
        }
      });
      s.on('connect', () => {
        opened = true;
        s.setTimeout(0);
        s.setKeepAlive(true, 10_000);
        onState({ status: 'open' });
      });
      s.on('data', (chunk: Buffer) => onBytes(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length)));
      s.on('error', (err: NodeJS.ErrnoException) =>
        finish({ status: opened ? 'closed' : 'failed', message: describeTcpError(label, err) }),
      );
      s.on('close', () => finish({ status: opened ? 'closed' : 'failed', message: `${label} closed the connection` }));
    },
    async close() {
      const s = socket;
      socket = null;
      if (!s || s.destroyed) return;
      s.removeAllListeners('data');
      s.on('error', () => {});
      await new Promise<void>((resolve) => {
        s.once('close', () => resolve());
        s.destroy();
      });
    },
  };
}
