/**
 * `npm run bench:mqtt`: the time from the last byte of a frame written by the meter to the MQTT
 * message at a subscriber, and the CPU LuxP1 spends per meter at the Smarty's 10-s cadence.
 * Real parts in this process: a TCP "meter" (as a ser2net box) writing encrypted full-list frames,
 * the host services (TCP source, decoder, session, integrations room), the MQTT publisher with
 * Home Assistant discovery, a real mosquitto on a free loopback port and an MQTT.js subscriber.
 * Target: p95 ≤ 50 ms.
 *
 *   node test/bench/mqtt.bench.ts [frames=300] [intervalMs=100]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHostServices } from '../../electron/host/services.ts';
import { startBroker, subscribe } from '../electron/host/integrations/broker.ts';
import { frameOf, gasAndWater } from '../electron/host/integrations/telegrams.ts';
import { NEXXT_KEY } from '../electron/host/vectors.ts';

const FRAMES = Number(process.argv[2] ?? 300);
const INTERVAL_MS = Number(process.argv[3] ?? 100);
const dir = mkdtempSync(join(tmpdir(), 'luxp1-bench-mqtt-'));
const now = () => performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

const broker = await startBroker(dir);
let meterSocket: Socket | null = null;
const meter = createServer((s) => {
  meterSocket = s;
});
await new Promise<void>((r) => meter.listen(0, '127.0.0.1', r));
const meterPort = (meter.address() as { port: number }).port;
const host = await createHostServices({ dataDir: join(dir, 'data'), log: () => {} });
try {
  await host.handle('key:set', { hex: NEXXT_KEY });
  await host.handle('integrations:set', {
    mqtt: { url: broker.url, baseTopic: 'bench', discovery: true, discoveryPrefix: 'homeassistant' },
    reserve: null,
    api: null,
  });
  const stateLatency: number[] = [];
  const allFieldsLatency: number[] = [];
  let sentAt = 0;
  let seenState = false;
  let fieldsLeft = Number.POSITIVE_INFINITY;
  let done: (() => void) | null = null;
  const sub = await subscribe(broker.url, 'bench/#', {}, ({ topic }) => {
    if (topic === 'bench/SAG1030700012701/state') {
      seenState = true;
      stateLatency.push(now() - sentAt);
    } else if (seenState && topic.startsWith('bench/SAG1030700012701/') && --fieldsLeft === 0) {
      allFieldsLatency.push(now() - sentAt);
      done?.();
    }
  });
  await host.handle('source:set', { kind: 'tcp', host: '127.0.0.1', port: meterPort });
  while (!meterSocket) await sleep(10);
  const socket = meterSocket as Socket;
  while (true) {
    const v = await host.handle('integrations:get', null);
    if (v.ok && v.value.status.mqtt.state === 'connected') break;
    await sleep(10);
  }
  const telegram = gasAndWater();
  const frames = Array.from({ length: FRAMES + 1 }, (_, i) => frameOf(telegram, 1000 + i));
  // Frame 0 announces the entities (discovery); it also tells how many field topics one telegram has.
  socket.write(frames[0]!);
  await sleep(500);
  const expectFields = sub.messages.filter((m) => m.topic.startsWith('bench/SAG1030700012701/') && !m.topic.endsWith('/state')).length;
  stateLatency.length = 0;

  const cpu0 = process.cpuUsage();
  const wall0 = now();
  for (let i = 1; i <= FRAMES; i++) {
    seenState = false;
    fieldsLeft = expectFields;
    const arrived = new Promise<void>((r) => {
      done = r;
    });
    const bytes = frames[i]!;
    await new Promise<void>((r) => socket.write(bytes, () => r()));
    sentAt = now(); // the last byte is with the kernel
    await Promise.race([arrived, sleep(2_000)]);
    await sleep(INTERVAL_MS);
  }
  const cpu = process.cpuUsage(cpu0);
  const wall = now() - wall0;
  const cpuMsPerTelegram = (cpu.user + cpu.system) / 1000 / FRAMES;

  // Idle cost between telegrams (timers, keepalives), over 5 s with nothing on the line.
  const idle0 = process.cpuUsage();
  await sleep(5_000);
  const idle = process.cpuUsage(idle0);
  const idleMsPerS = (idle.user + idle.system) / 1000 / 5;

  const fmt = (x: number) => x.toFixed(2);
  console.log(
    `frames: ${FRAMES} full-list encrypted frames (${frames[1]!.length} B, gas + water), one every ${INTERVAL_MS} ms; ${expectFields} field topics each`,
  );
  console.log(
    `last byte written -> state JSON at subscriber: p50 ${fmt(pct(stateLatency, 50))} ms, p95 ${fmt(pct(stateLatency, 95))} ms, max ${fmt(Math.max(...stateLatency))} ms (target p95 <= 50 ms)`,
  );
  console.log(
    `last byte written -> all field topics at subscriber: p50 ${fmt(pct(allFieldsLatency, 50))} ms, p95 ${fmt(pct(allFieldsLatency, 95))} ms (${allFieldsLatency.length}/${FRAMES} complete)`,
  );
  console.log(
    `CPU per telegram (host + publisher, with the meter and subscriber in the same process): ${fmt(cpuMsPerTelegram)} ms; idle ${fmt(idleMsPerS)} ms/s`,
  );
  console.log(
    `CPU per meter at the 10-s cadence: ${((cpuMsPerTelegram / 10_000 + idleMsPerS / 1000) * 100).toFixed(3)} % of one core (wall ${fmt(wall / 1000)} s)`,
  );
  await sub.close();
} finally {
  await host.close();
  (meterSocket as Socket | null)?.destroy();
  await new Promise((r) => meter.close(r));
  await broker.close();
  rmSync(dir, { recursive: true, force: true });
}
