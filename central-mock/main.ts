/**
 * `luxp1 central`: runs the bundled central system until SIGINT/SIGTERM.
 * Prints one line saying where it listens; secrets only when they are new (staff token) or
 * public by design (the demo pairing code).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CentralStartError, startCentral } from './server.ts';

const USAGE = `usage: luxp1 central [options]

  --listen HOST:PORT  where to listen (default 127.0.0.1:8417; port 0 picks a free one)
  --data DIR          state directory: central.sqlite, master.key, staff.token (default ./.luxp1-data/central)
  --seed demo         add the demo meter SAG1030700012701 and print its pairing code
  --help              this text

The master key comes from LUXP1_MASTER_KEY (64 hex digits) or DIR/master.key (created, mode 0600).`;

/** Parses HOST:PORT (IPv6 as [::1]:PORT); null when malformed. */
export function parseListen(v: string): { host: string; port: number } | null {
  const m = /^(?:\[([0-9a-fA-F:]+)\]|([^:\s]+)):(\d{1,5})$/.exec(v);
  if (!m || Number(m[3]) > 65535) return null;
  return { host: m[1] ?? m[2]!, port: Number(m[3]) };
}

/** CLI entry; resolves with the exit code once the server has stopped. */
export async function main(argv: string[]): Promise<number> {
  let args: { values: { listen?: string; data?: string; seed?: string; help?: boolean } };
  try {
    args = parseArgs({
      args: argv,
      options: { listen: { type: 'string' }, data: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
    });
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
  const dataDir = v.data ?? join('.luxp1-data', 'central');
  let central: Awaited<ReturnType<typeof startCentral>>;
  try {
    central = await startCentral({
      dataDir,
      ...listen,
      masterKeyEnv: process.env.LUXP1_MASTER_KEY,
      ...(v.seed ? { seed: 'demo' as const } : {}),
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
  if (central.demo)
    console.log(
      `central: demo meter ${central.demo.meterId} (system title ${central.demo.systemTitle}), pairing code ${central.demo.pairingCode}`,
    );
  console.log(`central: listening on ${central.url}`);
  const demo = central.demo ? { meterId: central.demo.meterId, pairingCode: central.demo.pairingCode } : null;
  // Spawned by the app's demo with an IPC channel: a structured handshake instead of these lines,
  // and the channel closing means the parent died (even by kill -9): we must not outlive it.
  const ipc = process.env.LUXP1_CENTRAL_IPC === '1' && process.send ? process.send.bind(process) : null;
  ipc?.({ type: 'ready', url: central.url, staffToken: central.staffToken, staffTokenFile: join(dataDir, 'staff.token'), demo });
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (ipc) process.once('disconnect', stop);
  });
  await central.close();
  if (ipc && process.connected) process.disconnect(); // an open channel would keep this process alive
  return 0;
}
