/**
 * `luxp1 simulate`: runs one simulated Smarty per meter of the central system, each pushing its
 * customer port to a serial device, a TCP server socket or a file, until Ctrl-C.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createCentralClient } from '../contracts/central-client.ts';
import { startSimulator, type RunningSimulator } from './simulator/run-meter.ts';
import { parseSinkSpec, type SinkSpec } from './simulator/sinks.ts';

const DEFAULT_CENTRAL = 'http://127.0.0.1:8417';
const DEFAULT_DATA = './.luxp1-data/central';

const HELP = `usage: luxp1 simulate [options]

Runs simulated Smarty meters from the central system's state: every interval each meter reads its
port config from the central, builds a telegram and writes it (encrypted when encryption is on).

  --central URL    the central system (default ${DEFAULT_CENTRAL})
  --token-file F   read the staff token from file F (e.g. a token from \`luxp1 central token issue\`)
  --data DIR       the central's data directory, whose staff.token is used (default ${DEFAULT_DATA})
  --token T        the token itself: argv is readable by every local user (/proc/PID/cmdline), so
                   prefer --token-file or LUXP1_STAFF_TOKEN. Order: --token-file, --token,
                   $LUXP1_STAFF_TOKEN, then DIR/staff.token
  --meter ID       a meter id or system title; repeatable (default: every meter of the central)
  --out SPEC       where a meter writes, one per --meter, in order:
                     /dev/pts/N, /dev/ttyUSB0   a serial device (115200 8N1)
                     tcp:HOST:PORT, tcp:PORT    a TCP server; every client gets the stream (loopback default)
                     file:PATH                  append the raw port bytes to a file
                   one --out for many meters: tcp ports count up from PORT (0: any free port),
                   and {meter} in a path is replaced by the meter id (default tcp:127.0.0.1:0)
  --interval D     push interval: 10s (default), 1s, 200ms
  --pv W           rooftop PV peak power in W (default 0: no PV)
  --seed N         seed of the simulated values (default: from the meter id)
  -h, --help       this text
`;

/** `10s`, `200ms`, `1.5s`, `2m`, or a bare number of seconds → milliseconds; null when unreadable. */
export function parseInterval(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]) * (m[2] === 'ms' ? 1 : m[2] === 'm' ? 60_000 : 1_000);
  return n >= 10 && n <= 3_600_000 ? Math.round(n) : null;
}

/** Gives each meter its sink: one --out per meter, or one --out expanded over all of them. */
export function assignSinks(
  meters: readonly string[],
  outs: readonly string[],
): { ok: true; value: SinkSpec[] } | { ok: false; error: string } {
  const texts = outs.length === 0 ? ['tcp:127.0.0.1:0'] : outs;
  if (texts.length !== 1 && texts.length !== meters.length) {
    return { ok: false, error: `got ${texts.length} --out for ${meters.length} meters: give one per --meter, or one for all` };
  }
  const specs: SinkSpec[] = [];
  for (const [i, meterId] of meters.entries()) {
    const shared = texts.length === 1 && meters.length > 1;
    const text = (texts.length === 1 ? texts[0]! : texts[i]!).replaceAll('{meter}', meterId);
    const parsed = parseSinkSpec(text);
    if (!parsed.ok) return parsed;
    const spec = parsed.value;
    if (shared && spec.kind === 'tcp' && spec.port !== 0) specs.push({ ...spec, port: spec.port + i });
    else if (shared && spec.kind !== 'tcp' && !texts[0]!.includes('{meter}')) {
      return { ok: false, error: `${meters.length} meters cannot share ${text}: put {meter} in the path or give one --out per meter` };
    } else specs.push(spec);
  }
  return { ok: true, value: specs };
}

/** The staff token: --token-file, then --token, then $LUXP1_STAFF_TOKEN, then DIR/staff.token; an unreadable --token-file is an error. */
async function findToken(
  a: { token?: string | undefined; tokenFile?: string | undefined },
  dataDir: string,
): Promise<{ ok: true; token: string | null } | { ok: false; error: string }> {
  if (a.tokenFile !== undefined) {
    try {
      const t = (await readFile(a.tokenFile, 'utf8')).trim();
      return t ? { ok: true, token: t } : { ok: false, error: `--token-file ${a.tokenFile} is empty` };
    } catch (e) {
      return {
        ok: false,
        error: `--token-file: cannot read ${a.tokenFile} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      };
    }
  }
  if (a.token) return { ok: true, token: a.token };
  if (process.env.LUXP1_STAFF_TOKEN) return { ok: true, token: process.env.LUXP1_STAFF_TOKEN };
  try {
    return { ok: true, token: (await readFile(join(dataDir, 'staff.token'), 'utf8')).trim() || null };
  } catch {
    return { ok: true, token: null };
  }
}

/** Resolves on SIGINT, SIGTERM or `signal`; listening starts at once so a Ctrl-C during startup counts too. */
function stopRequested(signal?: AbortSignal): { promise: Promise<void>; readonly requested: boolean; dispose(): void } {
  let requested = false;
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  const done = () => {
    requested = true;
    resolve();
  };
  process.on('SIGINT', done);
  process.on('SIGTERM', done);
  if (signal?.aborted) done();
  signal?.addEventListener('abort', done, { once: true });
  return {
    promise,
    get requested() {
      return requested;
    },
    dispose() {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
    },
  };
}

const parseCli = (argv: string[]) =>
  parseArgs({
    args: argv,
    options: {
      central: { type: 'string', default: DEFAULT_CENTRAL },
      token: { type: 'string' },
      'token-file': { type: 'string' },
      data: { type: 'string', default: DEFAULT_DATA },
      meter: { type: 'string', multiple: true, default: [] },
      out: { type: 'string', multiple: true, default: [] },
      interval: { type: 'string', default: '10s' },
      pv: { type: 'string', default: '0' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;

/** Entry of `luxp1 simulate`; resolves with the exit code after Ctrl-C / SIGTERM (or `signal`). */
export async function main(argv: string[], opts: { signal?: AbortSignal } = {}): Promise<number> {
  let args: ReturnType<typeof parseCli>;
  try {
    args = parseCli(argv);
  } catch (e) {
    console.error(`simulate: ${(e as Error).message.split('\n')[0]} (see --help)`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const bad = (message: string) => (console.error(`simulate: ${message}`), 2);
  const intervalMs = parseInterval(args.interval);
  if (intervalMs === null) return bad(`--interval: expected e.g. 10s, 1s or 200ms (10 ms .. 1 h), got ${JSON.stringify(args.interval)}`);
  const pvPeakW = Number(args.pv);
  if (!Number.isFinite(pvPeakW) || pvPeakW < 0 || pvPeakW > 100_000)
    return bad(`--pv: expected a peak power in W, got ${JSON.stringify(args.pv)}`);
  const seed = args.seed === undefined ? undefined : Number(args.seed);
  if (seed !== undefined && !Number.isInteger(seed)) return bad(`--seed: expected an integer, got ${JSON.stringify(args.seed)}`);
  try {
    new URL(args.central);
  } catch {
    return bad(`--central: expected a URL, got ${JSON.stringify(args.central)}`);
  }
  const found = await findToken({ token: args.token, tokenFile: args['token-file'] }, args.data);
  if (!found.ok) return bad(found.error);
  const token = found.token;
  if (token === null)
    return bad(
      `no staff token: pass --token-file FILE, set LUXP1_STAFF_TOKEN, or --data DIR of the central (no ${join(args.data, 'staff.token')})`,
    );

  let meters = args.meter;
  if (meters.length === 0) {
    const listed = await createCentralClient({ baseUrl: args.central, token }).meterIds();
    if (!listed.ok) return (console.error(`simulate: ${listed.error.message}`), 1);
    if (listed.value.length === 0) return (console.error('simulate: the central has no meters yet'), 1);
    meters = listed.value;
  }
  const sinks = assignSinks(meters, args.out);
  if (!sinks.ok) return bad(sinks.error);

  const stop = stopRequested(opts.signal);
  const running: RunningSimulator[] = [];
  try {
    for (const [i, meterId] of meters.entries()) {
      if (stop.requested) break;
      try {
        const sim = await startSimulator({ centralUrl: args.central, token, meterId, sink: sinks.value[i]!, intervalMs, pvPeakW, seed });
        running.push(sim);
        console.log(`simulate: ${meterId} writes to ${sim.sink.description}, every ${intervalMs} ms`);
      } catch (e) {
        console.error(`simulate: ${meterId}: ${(e as Error).message}`);
        return 1;
      }
    }
    await stop.promise;
    return 0;
  } finally {
    await Promise.all(running.map((s) => s.stop()));
    stop.dispose();
  }
}
