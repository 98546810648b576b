/**
 * Load generators for `npm run bench:central`: closed-loop (each client fires again the instant it
 * is answered, which finds the saturation throughput) and open-loop (each client sends on a fixed
 * schedule, which finds the latency at a given offered load).
 *
 * Open-loop latency is measured from the *scheduled* send time, not from when the request actually
 * left: if the server stalls, a client's next requests are late, and timing them from their late
 * start would hide the stall (coordinated omission). A request that has not answered by the
 * per-request timeout counts as lost, not as a latency sample.
 */
import { Agent, request } from 'node:http';

export interface Target {
  host: string;
  port: string;
}

/** One request as the load generator sees it; `status` 0 means a connection error or timeout. */
export type Call = (agent: Agent) => Promise<number>;

export interface Result {
  lat: Float64Array; // ms, sorted; answered requests only
  sendLag: Float64Array; // ms, sorted: how late the generator itself sent (open loop; empty for closed)
  wallMs: number;
  non200: number;
  lost: number; // no answer within the timeout
}

const REQUEST_TIMEOUT_MS = 10_000;

/** Sends one JSON request on `agent`; resolves with the status code, 0 on a connection error or timeout. */
export function call(agent: Agent, to: Target, method: string, path: string, body: unknown, token?: string): Promise<number> {
  const data = body === undefined ? '' : JSON.stringify(body);
  const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) };
  if (token) headers.authorization = `Bearer ${token}`;
  return new Promise((resolve) => {
    const req = request({ agent, host: to.host, port: to.port, method, path, headers, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(0));
    req.end(data);
  });
}

/** One keep-alive connection per client, so `clients` really means that many open sockets. */
export function agents(clients: number): Agent[] {
  return Array.from({ length: clients }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
}

/** Runs `total` requests from `pool.length` closed-loop clients. */
export async function closedLoop(pool: Agent[], make: Call, total: number): Promise<Result> {
  const lat: number[] = [];
  let issued = 0;
  let non200 = 0;
  let lost = 0;
  const t0 = performance.now();
  await Promise.all(
    pool.map(async (agent) => {
      while (issued < total) {
        issued++;
        const s = performance.now();
        const status = await make(agent);
        if (status === 0) lost++;
        else lat.push(performance.now() - s);
        if (status !== 200) non200++;
      }
    }),
  );
  return { lat: Float64Array.from(lat).sort(), sendLag: new Float64Array(0), wallMs: performance.now() - t0, non200, lost };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Offers `rate` req/s for `seconds` from `pool.length` clients, each on a fixed interval of
 * clients/rate seconds, staggered so the total is even. A client whose previous request is still
 * out sends the next one as soon as it is answered (one request in flight per connection, as
 * HTTP/1.1 without pipelining); that wait counts in the latency.
 */
export async function openLoop(pool: Agent[], make: Call, rate: number, seconds: number): Promise<Result> {
  const interval = (pool.length / rate) * 1000;
  const perClient = Math.max(1, Math.round((rate * seconds) / pool.length));
  const lat: number[] = [];
  const lag: number[] = [];
  let non200 = 0;
  let lost = 0;
  const t0 = performance.now() + 50; // let every client reach its first timer before the schedule starts
  await Promise.all(
    pool.map(async (agent, c) => {
      for (let k = 0; k < perClient; k++) {
        const due = t0 + (c / pool.length) * interval + k * interval;
        // A timer can fire up to ~1 ms before `due` by performance.now(): libuv schedules it against
        // its cached, whole-millisecond loop clock, which lags the real time. Timing an early send from
        // `due` printed negative latencies (staff change @1000/s p50=-0.17 ms), so wait until it is due.
        for (let wait = due - performance.now(); wait > 0; wait = due - performance.now()) await sleep(wait);
        lag.push(performance.now() - due);
        const status = await make(agent);
        if (status === 0) lost++;
        else lat.push(performance.now() - due);
        if (status !== 200) non200++;
      }
    }),
  );
  return { lat: Float64Array.from(lat).sort(), sendLag: Float64Array.from(lag).sort(), wallMs: performance.now() - t0, non200, lost };
}

/** The value at quantile `p` of sorted samples, as text. */
export function quantile(sorted: Float64Array, p: number): string {
  if (sorted.length === 0) return '-';
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(2);
}

/** One line per scenario: percentiles, achieved rate, failures. */
export function report(name: string, r: Result, note = ''): void {
  const n = r.lat.length + r.lost;
  const max = r.lat.length === 0 ? '-' : r.lat[r.lat.length - 1]!.toFixed(1);
  const lag = r.sendLag.length === 0 ? '' : `  (generator send lag p99=${quantile(r.sendLag, 0.99)} ms)`;
  console.log(
    `${name.padEnd(30)} n=${n} p50=${quantile(r.lat, 0.5)} p95=${quantile(r.lat, 0.95)} p99=${quantile(r.lat, 0.99)} max=${max} ms` +
      `  achieved ${((r.lat.length / r.wallMs) * 1000).toFixed(0)} req/s  non-200=${r.non200} lost=${r.lost}${note}${lag}`,
  );
}
