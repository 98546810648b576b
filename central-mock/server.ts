/**
 * The central system as a server object: opens the store, wires the routes and listens. Used by
 * `main.ts`, by tests in-process (port 0), by the app's demo and by the simulator's tests.
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createAuditLog } from './audit.ts';
import { startCheckpointer } from './checkpointer.ts';
import { customerRoutes } from './handlers/customer.ts';
import { createPeers, PEER_SAMPLE } from './peers.ts';
import { keyRoutes } from './handlers/meter-keys.ts';
import { partRoutes } from './handlers/meter-parts.ts';
import { meterRoutes } from './handlers/meters.ts';
import { portStateRoutes } from './handlers/port-state.ts';
import { lockDataDir } from './data-lock.ts';
import { staffTokenRoutes } from './handlers/staff-tokens.ts';
import { send } from './http.ts';
import { answerMalformed, createRequestGuard, exposedWarning, isLoopback } from './http-guard.ts';
import { createPairThrottle } from './pair-throttle.ts';
import { createPairing } from './pairing.ts';
import { createRouter } from './router.ts';
import { DEMO, seedDemo, seedNeighbours } from './seed.ts';
import { createStaffAuth, ensureOperatorToken } from './staff-auth.ts';
import { openStore, type Store, type StoreErrorCode } from './store.ts';

export interface CentralOptions {
  dataDir: string;
  host?: string; // default 127.0.0.1
  port?: number; // default 8417; 0 picks a free port
  masterKeyEnv?: string | undefined; // LUXP1_MASTER_KEY (main passes process.env's)
  seed?: 'demo';
  neighbours?: number; // meters added once for the peer figures (seed.ts)
  now?: () => number; // injectable clock (lockout tests)
  log?: (line: string) => void; // operational log; default stderr
  allowHosts?: readonly string[]; // Host names accepted besides the loopback ones (and the listen address)
  maxConnections?: number; // open connections at once; default 1024
}

export interface Central {
  url: string;
  staffToken: string;
  staffTokenCreated: boolean; // first start (or staff.token gone): print it once
  operatorTokensRevoked: number; // earlier operator tokens revoked because staff.token was gone
  masterKeyCreated: boolean;
  demo: typeof DEMO | null;
  store: Store;
  close(): Promise<void>;
}

/** Startup failure with a code (a wrong or missing master key, a port in use). */
export class CentralStartError extends Error {
  readonly code: StoreErrorCode | 'LISTEN_FAILED' | 'DATA_DIR_IN_USE';
  constructor(code: StoreErrorCode | 'LISTEN_FAILED' | 'DATA_DIR_IN_USE', message: string) {
    super(message);
    this.code = code;
  }
}

/** Starts the central system; rejects with a CentralStartError when it cannot. */
export async function startCentral(opts: CentralOptions): Promise<Central> {
  const log = opts.log ?? ((line: string) => process.stderr.write(line + '\n'));
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const locked = lockDataDir(opts.dataDir);
  if (!locked.ok) throw new CentralStartError('DATA_DIR_IN_USE', locked.message);
  const { lock } = locked;
  if (lock.tookOverFrom !== null)
    log(`central: took over a stale lock on ${opts.dataDir} (pid ${lock.tookOverFrom} is gone; it did not stop cleanly)`);
  let opened: ReturnType<typeof openStore>;
  try {
    opened = openStore({ dir: opts.dataDir, masterKeyEnv: opts.masterKeyEnv, ...(opts.now ? { now: opts.now } : {}) });
  } catch (err) {
    lock.release();
    throw err;
  }
  if (!opened.ok) {
    lock.release();
    throw new CentralStartError(opened.error.code, opened.error.message);
  }
  const { store } = opened;
  const audit = createAuditLog(store);
  const pairing = createPairing(store, audit);
  const staff = createStaffAuth(store);
  let operator: ReturnType<typeof ensureOperatorToken>;
  try {
    operator = ensureOperatorToken(store, staff);
    if (opts.seed === 'demo') seedDemo(store, audit, pairing);
    if (opts.neighbours) seedNeighbours(store, audit, pairing, opts.neighbours);
  } catch (err) {
    store.close(); // e.g. the demo identity taken by a meter staff created: the caller gets the error, not an open file
    lock.release();
    throw err;
  }
  const host = opts.host ?? '127.0.0.1';
  const routes = [...customerRoutes, ...meterRoutes, ...partRoutes, ...keyRoutes, ...portStateRoutes, ...staffTokenRoutes];
  const throttle = createPairThrottle(store.now);
  const peers = createPeers(() => store.list(0, PEER_SAMPLE).map((m) => m.meterId));
  const handler = createRouter(routes, { store, audit, pairing, staff, throttle, peers, log });
  const guard = createRequestGuard(host, opts.allowHosts ?? []);
  const server = createServer({ requestTimeout: 30_000, headersTimeout: 10_000, keepAliveTimeout: 65_000 }, (req, res) => {
    const refusal = guard(req);
    if (refusal) {
      req.resume();
      send(res, refusal);
      return;
    }
    handler(req, res);
  });
  server.maxConnections = opts.maxConnections ?? 1024;
  server.on('clientError', answerMalformed);
  const checkpointer = startCheckpointer(store.db, join(opts.dataDir, 'central.sqlite'), log);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 8417, host, () => resolve());
    });
  } catch (err) {
    await checkpointer.stop();
    store.close();
    lock.release();
    throw new CentralStartError('LISTEN_FAILED', `central: cannot listen on ${host}:${opts.port ?? 8417}: ${(err as Error).message}`);
  }
  if (!isLoopback(host)) log(exposedWarning(host, opts.allowHosts ?? []));
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    staffToken: operator.token,
    staffTokenCreated: operator.created,
    operatorTokensRevoked: operator.revoked,
    masterKeyCreated: opened.masterCreated,
    demo: opts.seed === 'demo' ? DEMO : null,
    store,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          // the checkpointer's connection first, so the store's close is the last and folds the WAL in
          void checkpointer.stop().then(() => {
            store.close();
            lock.release();
            resolve();
          });
        });
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
