/**
 * `npm run bench:central`: provisions the meters (CSPRNG keys sealed with AES-256-GCM, pairing codes
 * HMACed, audit rows), then measures pairing and a staff config change from 200 keep-alive clients
 * on loopback, the database size and the server's peak RSS. Prints; asserts nothing.
 *
 *   --meters N       meters to provision (default 1,000,000; LUXP1_BENCH_METERS also works)
 *   --rate R[,R…]    open-loop offered load(s) in req/s, one run per scenario each (default 100)
 *   --seconds S      length of each open-loop run (default 20)
 *   --closed N       requests per closed-loop run (default 20,000; 0 skips them)
 *   --profile FILE   write a CPU profile (.cpuprofile) of the server while it serves
 *
 * Two kinds of load, because they answer different questions. Closed loop (each client fires again
 * the instant it is answered) finds the saturation throughput; its latency is ≈ clients / throughput,
 * a queue length, not a service time. Open loop (each client sends on a fixed schedule, latency timed
 * from the scheduled send) gives the latency at a stated load, which is what the p99 ≤ 10 ms target is about.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { identityOf } from '../../central-mock/provision.ts';
import { benchCode } from './central-bench-server.ts';
import { agents, call, closedLoop, openLoop, report, type Call, type Target } from './central-bench-load.ts';

/**
 * Default offered load, per scenario: 100 req/s. What real traffic for 1,000,000 meters could reach:
 * - pairing happens once per customer who installs a P1 app (and again after a key rotation or a new
 *   phone). Even if 10 % of all customers paired in the same evening hour after a press campaign, that
 *   is 100,000 / 3,600 s ≈ 28 req/s;
 * - staff changes come from service desks (a few per minute) or a fleet-wide campaign (say switching
 *   the field set on every meter): all 1,000,000 meters in one 8-hour shift is ≈ 35 req/s, and a DSO
 *   rolls such changes out over weeks, not hours.
 * 100 req/s is about three times the worse of these never-seen peaks.
 */
const DEFAULT_RATE = 100;
const CLIENTS = 200;

const { values: flags } = parseArgs({
  options: {
    meters: { type: 'string' },
    rate: { type: 'string' },
    seconds: { type: 'string' },
    closed: { type: 'string' },
    profile: { type: 'string' },
  },
  strict: true,
});
const whole = (v: string | undefined, dflt: number, name: string): number => {
  const n = v === undefined ? dflt : Number(v.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 0) throw new Error(`central bench: --${name} must be a whole number, got ${v}`);
  return n;
};
const METERS = Math.max(1, whole(flags.meters ?? process.env.LUXP1_BENCH_METERS, 1_000_000, 'meters'));
const RATES = (flags.rate ?? String(DEFAULT_RATE))
  .split(',')
  .map((r) => whole(r, DEFAULT_RATE, 'rate'))
  .filter((r) => r > 0);
const SECONDS = Math.max(1, whole(flags.seconds, 20, 'seconds'));
const CLOSED = whole(flags.closed, 20_000, 'closed');
const PROFILE = flags.profile === undefined ? '' : resolve(flags.profile);

const dir = mkdtempSync(join(tmpdir(), 'luxp1-bench-central-'));
const child = fork(join(import.meta.dirname, 'central-bench-server.ts'), [dir, String(METERS), PROFILE], {
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const next = (type: string) =>
  new Promise<any>((resolve, reject) => {
    const on = (m: { type: string }) => m.type === type && (child.off('message', on), resolve(m));
    child.on('message', on);
    child.once('exit', (code) => reject(new Error(`bench server exited (${code}) before '${type}'`)));
  });
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

try {
  console.log(`central bench: ${METERS} meters in ${dir}; load average ${load()} on this machine`);
  const prov = await next('provisioned');
  console.log(
    `provisioning   ${METERS} meters in ${(prov.ms / 1000).toFixed(1)} s (${((METERS / prov.ms) * 1000).toFixed(0)} meters/s; target ≤ 120 s)`,
  );
  const { url, token } = await next('listening');
  const base = new URL(url);
  const to: Target = { host: base.hostname, port: base.port };
  const pool = agents(CLIENTS);
  const pick = () => 1 + Math.floor(Math.random() * METERS);
  const pair: Call = (agent) => {
    const s = pick();
    return call(agent, to, 'POST', '/api/pair', { meterId: identityOf(s).meterId, code: benchCode(s) });
  };
  const change: Call = (agent) =>
    call(
      agent,
      to,
      'PATCH',
      `/api/meters/${identityOf(pick()).meterId}`,
      { powerLimitKva: 1 + Math.floor(Math.random() * 900) / 10 },
      token,
    );
  const health: Call = (agent) => call(agent, to, 'GET', '/api/health', undefined);
  await closedLoop(pool, health, 2 * CLIENTS); // opens every connection
  await closedLoop(pool, pair, 2_000); // warm-up: JIT, page cache
  // The floor: the same load on GET /api/health (no database write, no crypto) shows what the HTTP
  // stack and this machine's scheduling cost on their own, whatever the handlers do.
  report(
    `open  health @${RATES[0] ?? DEFAULT_RATE}/s (floor)`,
    await openLoop(pool, health, RATES[0] ?? DEFAULT_RATE, SECONDS),
    `  offered ${RATES[0] ?? DEFAULT_RATE} req/s`,
  );
  for (const rate of RATES) {
    report(`open  pairing @${rate}/s`, await openLoop(pool, pair, rate, SECONDS), `  offered ${rate} req/s`);
    report(`open  staff change @${rate}/s`, await openLoop(pool, change, rate, SECONDS), `  offered ${rate} req/s`);
  }
  if (CLOSED > 0) {
    report('closed pairing', await closedLoop(pool, pair, CLOSED), '  (saturation)');
    report('closed staff change', await closedLoop(pool, change, CLOSED), '  (saturation)');
  }
  for (const a of pool) a.destroy();
  console.log(`load average   ${load()} after the runs (${CLIENTS} clients, 2 processes: generator and server)`);
  child.send({ type: 'rss' });
  const { maxRssKiB } = await next('rss');
  console.log(`server RSS     peak ${(maxRssKiB / 1024).toFixed(0)} MiB (target ≤ 1024 MiB)`);
  child.send({ type: 'stop' });
  await new Promise((resolve) => child.once('exit', resolve));
  if (PROFILE) console.log(`server CPU profile written to ${PROFILE}`);
  const bytes = readdirSync(dir)
    .filter((f) => f.startsWith('central.sqlite'))
    .reduce((n, f) => n + statSync(join(dir, f)).size, 0); // after close: WAL checkpointed
  console.log(`database       ${(bytes / 2 ** 20).toFixed(0)} MiB (${(bytes / METERS).toFixed(0)} B/meter, audit rows included)`);
} finally {
  if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}
