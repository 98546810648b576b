/**
 * `npm run bench:service`: how long a staff change takes to show on the port, split into
 *   (a) the telegram interval wait: central accepted it → the meter pushed the first frame showing it;
 *   (b) what LuxP1 adds: the request's round trip (renderer → WebSocket → host → central and back)
 *       plus the frame's way from the meter's write through TCP, decoder, staff service and
 *       WebSocket to the renderer's `staff:timing` event.
 * The whole stack runs in this process (real central, simulated meter on loopback TCP, host services,
 * browser-mode server) with a WebSocket client standing in for the renderer. Target: (b) p95 < 100 ms.
 *
 *   node test/bench/service.bench.ts [changes=40] [intervalMs=250]
 */
import WebSocket from 'ws';
import type { ChangeTiming, WsReply } from '../../contracts/ipc.ts';
import { startMeterStack } from '../e2e/support/meter-stack.ts';
import { makeTempDir } from '../e2e/support/temp-dir.ts';

const CHANGES = Number(process.argv[2] ?? 40);
const INTERVAL_MS = Number(process.argv[3] ?? 250);

const empty = makeTempDir('bench-static');
const stack = await startMeterStack({ staticDir: empty.path, intervalMs: INTERVAL_MS, encryption: false });
let ws: WebSocket | null = null;
const wait: number[] = [];
const added: number[] = [];
const roundTrip: number[] = [];
const delivery: number[] = [];
try {
  const writes: number[] = [];
  stack.simulator.onFrame(() => writes.push(performance.timeOrigin + performance.now()));
  const now = () => performance.timeOrigin + performance.now();

  // A page's WebSocket always names its origin; the server refuses upgrades from other origins.
  const page = new URL(stack.server.url);
  const socket = new WebSocket(`ws://${page.host}/api/ws${page.search}`, { origin: `http://${page.host}` });
  ws = socket;
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const replies = new Map<number, (r: unknown) => void>();
  const seenWaiters = new Map<number, (at: number) => void>();
  socket.on('message', (data) => {
    const msg = JSON.parse(String(data)) as WsReply;
    if ('id' in msg) return replies.get(msg.id)?.(msg.result);
    if (msg.event !== 'staff:timing') return;
    const t = msg.payload as ChangeTiming;
    if (t.seenAt !== null) seenWaiters.get(t.id)?.(now());
  });
  function call(channel: string, payload: unknown): Promise<any> {
    const id = nextId++;
    return new Promise((resolve) => {
      replies.set(id, (r) => {
        replies.delete(id);
        resolve(r);
      });
      socket.send(JSON.stringify({ id, channel, payload }));
    });
  }

  // Wait for the port to show the meter, then sign in as the renderer would.
  await new Promise<void>((resolve) => {
    const off = stack.services.on('meter:reading', () => (off(), resolve()));
  });
  const signIn = await call('staff:signIn', { centralUrl: stack.central.url, token: stack.central.staffToken });
  if (!signIn.ok || !signIn.value.meter) throw new Error(`sign-in failed: ${JSON.stringify(signIn)}`);

  for (let i = 0; i < CHANGES; i++) {
    const sentAt = now();
    const reply = await call('staff:change', { kind: 'message', channel: '2', text: `bench change ${i} ${'x'.repeat(i % 7)}` });
    const repliedAt = now();
    if (!reply.ok) throw new Error(reply.error.message);
    const timing = reply.value as ChangeTiming;
    const seenAt = await new Promise<number>((resolve) => seenWaiters.set(timing.id, resolve));
    seenWaiters.delete(timing.id);
    // The frame that showed it: the last one the meter wrote before the renderer heard of it.
    const wroteAt = writes.filter((w) => w <= seenAt).at(-1)!;
    wait.push(Math.max(0, wroteAt - repliedAt));
    roundTrip.push(repliedAt - sentAt);
    delivery.push(seenAt - wroteAt);
    added.push(repliedAt - sentAt + (seenAt - wroteAt));
  }
} finally {
  ws?.close();
  await stack.close();
  empty.remove();
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const row = (name: string, xs: number[]) =>
  console.log(`${name.padEnd(44)} p50 ${pct(xs, 50).toFixed(1).padStart(7)} ms   p95 ${pct(xs, 95).toFixed(1).padStart(7)} ms`);
console.log(`service bench: ${CHANGES} staff changes (message text), meter interval ${INTERVAL_MS} ms`);
row('(a) telegram interval wait', wait);
row('(b) LuxP1 adds (round trip + delivery)', added);
row('    request round trip (ws → central → ws)', roundTrip);
row('    frame written → renderer event', delivery);
const p95 = pct(added, 95);
console.log(`target (b) p95 < 100 ms: ${p95 < 100 ? 'met' : 'NOT met'} (${p95.toFixed(1)} ms)`);
