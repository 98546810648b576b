/**
 * `npm run bench`: the protocol core's speed on full-list encrypted frames (LUX v1.1.3 Appendix A:
 * 1489-byte telegram, 4 M-Bus channels → 1519-byte frame). Prints, without asserting:
 * µs/frame and frames/s through the whole stream decoder (AES-GCM + tag + framing + parse),
 * the same for bare noble `gcm` decrypting the same bytes (the floor), their ratio, and the heap
 * after GC before and after the long run. Targets: ≤ 100 µs/frame, ≤ 1.3× the floor, flat heap.
 * Times are CPU time of this process (user + system): on a shared machine wall time mostly
 * measures the neighbours; wall time is printed beside it.
 *
 *   node --expose-gc test/bench/protocol.bench.ts [frames]   (default 1,000,000)
 */
import { readFileSync } from 'node:fs';
import { gcm } from '@noble/ciphers/aes.js';
import { defaultAad } from '../../protocol/frame/aad.ts';
import { encryptFrame } from '../../protocol/frame/codec.ts';
import { createStreamDecoder } from '../../protocol/stream/decoder.ts';

const FRAMES = Number(process.argv[2] ?? 1_000_000);
// Counters 0..999. Under one key a counter going back is a replay (no reading), so every pass over
// the pool gets a fresh decoder, as a restarted meter with a new key would (one allocation per 1000 frames).
const POOL = 1000;
const key = new Uint8Array(16).map((_, i) => (i * 29 + 7) & 0xff);
const systemTitle = new Uint8Array([0x53, 0x41, 0x47, 0x10, 0x30, 0x70, 0x01, 0x27]);
const plaintext = new Uint8Array(readFileSync(new URL('../fixtures/vectors/lux_spec_v1.1.3_example_plain.txt', import.meta.url)));
const aad = defaultAad();

const frames = Array.from({ length: POOL }, (_, frameCounter) => encryptFrame({ key, systemTitle, frameCounter, plaintext }));
// The floor: the same ciphertexts with noble's own 16-byte tag.
const floorInputs = frames.map((f) => {
  const iv = new Uint8Array([...f.subarray(2, 10), ...f.subarray(14, 18)]);
  return { iv, sealed: gcm(key, iv, aad).encrypt(plaintext) };
});

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect) for (let i = 0; i < 3; i++) collect();
}
const heapMb = () => (process.memoryUsage().heapUsed / 2 ** 20).toFixed(2);

interface Timing {
  us: number; // CPU µs per frame
  wallUs: number;
}

function time(n: number, body: (i: number) => void): Timing {
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) body(i);
  const used = process.cpuUsage(cpu);
  return { us: (used.user + used.system) / n, wallUs: Number(process.hrtime.bigint() - wall) / 1000 / n };
}

function timeDecoder(n: number): Timing & { telegrams: number } {
  let decoder = createStreamDecoder({ key });
  let telegrams = 0;
  const t = time(n, (i) => {
    if (i % POOL === 0 && i > 0) decoder = createStreamDecoder({ key });
    for (const e of decoder.push(frames[i % POOL]!)) if (e.type === 'telegram') telegrams++;
  });
  if (telegrams !== n) throw new Error(`decoder: ${telegrams} readings for ${n} frames`);
  return { ...t, telegrams };
}

function timeFloor(n: number): Timing {
  let bytes = 0;
  const t = time(n, (i) => {
    const { iv, sealed } = floorInputs[i % POOL]!;
    bytes += gcm(key, iv, aad).decrypt(sealed).length;
  });
  if (bytes !== n * plaintext.length) throw new Error('floor: decryption lost bytes');
  return t;
}

const fmt = (t: Timing) =>
  `${t.us.toFixed(1)} µs/frame CPU, ${Math.round(1e6 / t.us).toLocaleString('en')} frames/s (wall ${t.wallUs.toFixed(1)} µs)`;

console.log(`frame: ${frames[0]!.length} bytes (telegram ${plaintext.length} bytes, 4 M-Bus channels)`);
if (!(globalThis as { gc?: () => void }).gc) console.log('(run with node --expose-gc for heap figures after GC)');
timeDecoder(3000); // warm-up: JIT
timeFloor(3000);
// Alternate short rounds and take medians, so a neighbour's burst skews both sides alike.
const ROUNDS = 7;
const perRound = Math.max(1000, Math.round(Math.min(FRAMES, 140_000) / ROUNDS));
const floors: Timing[] = [];
const samples: Timing[] = [];
for (let r = 0; r < ROUNDS; r++) {
  floors.push(timeFloor(perRound));
  samples.push(timeDecoder(perRound));
}
const median = (ts: Timing[]): Timing => [...ts].sort((a, b) => a.us - b.us)[ts.length >> 1]!;
const floor = median(floors);
const sample = median(samples);
console.log(`decoder (push whole frames, one key): ${fmt(sample)}`);
console.log(`floor (bare noble gcm, 16-byte tag):  ${fmt(floor)}`);
console.log(
  `ratio decoder / floor: ${(sample.us / floor.us).toFixed(2)}× CPU (median of ${ROUNDS} alternating rounds of ${perRound.toLocaleString('en')} frames)`,
);
// The figure for Python's dsmr_parser on such a telegram (1.3–1.8 ms); PyPI is out of reach here.
console.log(`vs dsmr_parser's 1.3–1.8 ms per telegram: ${(1300 / sample.us).toFixed(0)}–${(1800 / sample.us).toFixed(0)}× faster`);

gc();
const before = heapMb();
const long = timeDecoder(FRAMES);
gc();
console.log(`${FRAMES.toLocaleString('en')} frames: ${fmt(long)}; telegrams ${long.telegrams.toLocaleString('en')}`);
console.log(`heap after GC: before ${before} MB, after ${heapMb()} MB`);
