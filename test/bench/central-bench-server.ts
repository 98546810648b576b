/**
 * The server half of `npm run bench:central`, run in its own process so the load generator does not
 * share its event loop: provisions the meters, starts the central system, reports over IPC.
 * argv: DIR METERS [PROFILE]: with PROFILE, the serving phase (not provisioning) is CPU-profiled there.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createAuditLog } from '../../central-mock/audit.ts';
import { createPairing } from '../../central-mock/pairing.ts';
import { provisionMany } from '../../central-mock/provision.ts';
import { startCentral } from '../../central-mock/server.ts';
import { openStore } from '../../central-mock/store.ts';

/** The bench's pairing code for a serial; the load generator computes the same. */
export const benchCode = (serial: number): string => `BENCH-${serial.toString(36)}`;

const send = (msg: unknown) => process.send!(msg);

async function run(dir: string, count: number, profile: string): Promise<void> {
  const opened = openStore({ dir });
  if (!opened.ok) throw new Error(opened.error.message);
  const audit = createAuditLog(opened.store);
  const t0 = performance.now();
  provisionMany(opened.store, audit, createPairing(opened.store, audit), { first: 1, count, batch: 20_000, codeOf: benchCode });
  const ms = performance.now() - t0;
  opened.store.close();
  send({ type: 'provisioned', ms });
  const central = await startCentral({ dataDir: dir, port: 0, log: (l) => process.stderr.write(l + '\n') });
  let session: Session | null = null;
  if (profile) {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  send({ type: 'listening', url: central.url, token: central.staffToken });
  process.on('message', async (m: { type: string }) => {
    if (m.type === 'rss') send({ type: 'rss', maxRssKiB: process.resourceUsage().maxRSS });
    if (m.type === 'stop') {
      if (session) writeFileSync(profile, JSON.stringify((await session.post('Profiler.stop')).profile));
      await central.close();
      process.exit(0);
    }
  });
}

if (process.send) await run(process.argv[2]!, Number(process.argv[3]), process.argv[4] ?? '');
