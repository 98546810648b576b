/**
 * Shared pieces of the simulator's integration tests: a real central on a temp dir, a socat pty pair,
 * a staff API client, and a port reader that decodes what arrives and waits for it by event.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesToHex, createStreamDecoder, type DecoderEvent } from '../../../protocol/index.ts';
import { startCentral, type Central } from '../../../central-mock/server.ts';

export interface TestCentral {
  central: Central;
  dir: string;
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** A central with the demo meter, on port 0 in a fresh temp dir. */
export async function startTestCentral(): Promise<TestCentral> {
  const dir = await mkdtemp(join(tmpdir(), 'luxp1-sim-'));
  const central = await startCentral({ dataDir: join(dir, 'central'), port: 0, seed: 'demo', masterKeyEnv: undefined, log: () => {} });
  return {
    central,
    dir,
    async api(method, path, body) {
      const res = await fetch(central.url + path, {
        method,
        headers: { authorization: `Bearer ${central.staffToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    async close() {
      await central.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** `socat -d -d pty,raw,echo=0 pty,raw,echo=0`: resolves with both pty paths once socat reports them. */
export function startSocat(): Promise<{ a: string; b: string; proc: ChildProcess; stop(): Promise<void> }> {
  const proc = spawn('socat', ['-d', '-d', 'pty,raw,echo=0', 'pty,raw,echo=0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let err = '';
    proc.once('error', reject);
    proc.once('exit', (code) => reject(new Error(`socat exited (${code}): ${err}`)));
    proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
      const paths = [...err.matchAll(/PTY is (\S+)/g)].map((m) => m[1]!);
      if (paths.length >= 2) resolve({ a: paths[0]!, b: paths[1]!, proc, stop });
    });
  });
}

/** Decodes a byte stream as it arrives and lets tests wait for the event they expect. */
export function createPortReader(key: Uint8Array | null) {
  // 'accept': the harness watches what the simulated meter sends, encryption switched off included.
  const decoder = createStreamDecoder({ key, plain: 'accept' });
  const events: DecoderEvent[] = [];
  const waiters = new Set<() => void>();
  return {
    events,
    setKey: (k: Uint8Array | null) => decoder.setKey(k),
    push(chunk: Uint8Array) {
      events.push(...decoder.push(chunk));
      for (const w of [...waiters]) w();
    },
    /** Resolves with the first event from index `from` on that `match` accepts. */
    waitFor(match: (e: DecoderEvent) => boolean, from = 0, timeoutMs = 10_000): Promise<DecoderEvent> {
      return new Promise((resolve, reject) => {
        let i = from;
        const check = () => {
          for (; i < events.length; i++) {
            if (match(events[i]!)) {
              waiters.delete(check);
              clearTimeout(timer);
              return resolve(events[i]!);
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; last: ${JSON.stringify(events.slice(-3).map(summary))}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}

function summary(e: DecoderEvent) {
  return e.type === 'telegram' ? { type: e.type, encrypted: e.encrypted, fc: e.frame?.frameCounter } : { type: e.type, code: e.code };
}

export const hexOf = (bytes: Uint8Array): string => bytesToHex(bytes);
