/**
 * `luxp1 central`: runs the bundled central system until SIGINT/SIGTERM.
 * Prints one line saying where it listens; secrets only when they are new (staff token) or
 * public by design (the demo pairing code).
 */
import { parseListen } from '../contracts/listen.ts';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CentralStartError, startCentral } from './server.ts';
import { tokenMain } from './token-cli.ts';

const USAGE = `usage: luxp1 central [options]

  --listen HOST:PORT  where to listen (default 127.0.0.1:8417; port 0 picks a free one)
  --data DIR          state directory: central.sqlite, master.key, staff.token (default ./.luxp1-data/central)
  --seed demo         add the demo meter SAG1030700012701 and print its pairing code
  --neighbours N      add N more meters once, for the anonymous peer figures (GET /api/peers/daily)
  --allow-host NAME   also serve requests addressed to NAME (Host header; repeatable). Loopback names
                      only by default, which keeps DNS-rebinding pages out; a non-loopback --listen
                      prints a warning
  --max-connections N open connections at once (default 1024)
  --exit-with-parent  stop cleanly when the process that started this one is gone (a supervisor's
                      kill -9 must not leave a central holding the data directory)
  --help              this text

       luxp1 central token list | issue LABEL | revoke ID [--data DIR]   (staff tokens; see --help there)

The master key comes from LUXP1_MASTER_KEY (64 hex digits) or DIR/master.key (created, mode 0600).
A data directory serves one central at a time (DIR/central.lock).`;

/** CLI entry; resolves with the exit code once the server has stopped. */
const parseCli = (argv: string[]) =>
  parseArgs({
    args: argv,
    options: {
      listen: { type: 'string' },
      data: { type: 'string' },
      seed: { type: 'string' },
      neighbours: { type: 'string' },
      'allow-host': { type: 'string', multiple: true, default: [] },
      'max-connections': { type: 'string' },
      'exit-with-parent': { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'token') return tokenMain(argv.slice(1));
  let args: ReturnType<typeof parseCli>;
  try {
    args = parseCli(argv);
  } catch (err) {
    console.error(`central: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const v = args.values;
  if (v.help) {
    console.log(USAGE);
    return 0;
  }
  const listen = parseListen(v.listen ?? '127.0.0.1:8417');
  if (!listen) {
    console.error(`central: --listen expects HOST:PORT, got ${JSON.stringify(v.listen)}`);
    return 2;
  }
  if (v.seed !== undefined && v.seed !== 'demo') {
    console.error(`central: --seed knows only "demo", got ${JSON.stringify(v.seed)}`);
    return 2;
  }
  const maxConnections = v['max-connections'] === undefined ? 1024 : Number(v['max-connections']);
  if (!Number.isInteger(maxConnections) || maxConnections < 1 || maxConnections > 1_000_000) {
    console.error(`central: --max-connections expects a whole number 1..1000000, got ${JSON.stringify(v['max-connections'])}`);
    return 2;
  }
  const neighbours = v.neighbours === undefined ? 0 : Number(v.neighbours);
  if (!Number.isInteger(neighbours) || neighbours < 0 || neighbours > 10_000) {
    console.error(`central: --neighbours expects a whole number 0..10000, got ${JSON.stringify(v.neighbours)}`);
    return 2;
  }
  const dataDir = v.data ?? join('.luxp1-data', 'central');
  let central: Awaited<ReturnType<typeof startCentral>>;
  try {
    central = await startCentral({
      dataDir,
      ...listen,
      masterKeyEnv: process.env.LUXP1_MASTER_KEY,
      allowHosts: v['allow-host'],
      maxConnections,
      ...(v.seed ? { seed: 'demo' as const } : {}),
      neighbours,
    });
  } catch (err) {
    console.error(err instanceof CentralStartError ? err.message : `central: cannot start: ${(err as Error).message}`);
    return 1;
  }
  if (central.masterKeyCreated)
    console.log(
      `central: created master key ${join(dataDir, 'master.key')} (mode 0600): back it up, the database is unreadable without it`,
    );
  if (central.staffTokenCreated)
    console.log(`central: staff token (shown once; also in ${join(dataDir, 'staff.token')}): ${central.staffToken}`);
  if (central.operatorTokensRevoked > 0)
    console.log(
      `central: ${join(dataDir, 'staff.token')} was missing or invalid: revoked ${central.operatorTokensRevoked} earlier operator token(s)`,
    );
  if (central.demo)
    console.log(
      `central: demo meter ${central.demo.meterId} (system title ${central.demo.systemTitle}), pairing code ${central.demo.pairingCode}`,
    );
  // Spawned by the app's demo with an IPC channel: a structured handshake instead of the lines above,
  // and the channel closing means the parent died (even by kill -9): we must not outlive it.
  const ipc = process.env.LUXP1_CENTRAL_IPC === '1' && process.send ? process.send.bind(process) : null;
  // The handlers go in before the line that tells a supervisor we are up: stdout to a pipe is
  // synchronous, so a SIGTERM sent on reading it could otherwise land first and kill the process
  // without a clean close (leaving its lock and WAL behind).
  let orphaned: NodeJS.Timeout | undefined;
  const stopped = new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (ipc) process.once('disconnect', stop);
    if (v['exit-with-parent']) {
      // Linux gives an orphan a new parent (init or a subreaper); no signal tells it, so it looks.
      const parent = process.ppid;
      orphaned = setInterval(() => {
        if (process.ppid === parent) return;
        console.error(`central: the parent process ${parent} is gone; stopping`);
        stop();
      }, 1_000);
    }
  });
  console.log(`central: listening on ${central.url}`);
  const demo = central.demo ? { meterId: central.demo.meterId, pairingCode: central.demo.pairingCode } : null;
  ipc?.({ type: 'ready', url: central.url, staffToken: central.staffToken, staffTokenFile: join(dataDir, 'staff.token'), demo });
  await stopped;
  clearInterval(orphaned);
  await central.close();
  if (ipc && process.connected) process.disconnect(); // an open channel would keep this process alive
  return 0;
}
