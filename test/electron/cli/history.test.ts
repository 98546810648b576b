import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ELECTRICITY_COLUMNS, MBUS_COLUMNS } from '../../../contracts/history.ts';
import { main } from '../../../electron/cli/history.ts';
import { formatCaptureFrame, formatCaptureHeader } from '../../../electron/host/capture.ts';
import type { Telegram } from '../../../protocol/types.ts';
import { encryptedFrame, KEY_HEX, METER_ID, simulatedMeter } from '../host/history/simulated.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const NODE = join(ROOT, 'node_modules/.bin/node');
const dir = mkdtempSync(join(tmpdir(), 'luxp1-history-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

// Six hours of a simulated Smarty across the start of summer time, as a capture and as a raw dump.
const T0 = Date.parse('2026-03-29T00:00:00+01:00');
const FRAMES = 6 * 360;
const capture = join(dir, 'six-hours.capture');
const rawFirstHalf = join(dir, 'first-half.bin');
const telegrams: Telegram[] = [];
beforeAll(() => {
  const meter = simulatedMeter(3);
  let text = formatCaptureHeader({ createdAt: T0, redacted: false });
  const raw: Uint8Array[] = [];
  for (let i = 0; i < FRAMES; i++) {
    const at = T0 + i * 10_000;
    const telegram = meter.telegram(at);
    telegrams.push(telegram);
    const frame = encryptedFrame(telegram, 5000 + i);
    text += formatCaptureFrame(at, frame);
    if (i < FRAMES / 2) raw.push(frame);
  }
  writeFileSync(capture, text);
  writeFileSync(rawFirstHalf, Buffer.concat(raw));
});

let dataN = 0;
const freshData = () => join(dir, `data${++dataN}`);

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const csvRows = (text: string) =>
  text
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => l.split(','));

describe('luxp1 history import', () => {
  it('imports a capture; importing it again, or part of it as a raw dump, changes nothing', async () => {
    const data = freshData();
    const first = await run(['import', '--data', data, '--key', KEY_HEX, capture]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(new RegExp(`imported ${FRAMES} telegrams .*: ${FRAMES} new, 0 already stored`));
    const exportAll = async () => (await run(['export', '--data', data, '--step', '15m'])).stdout;
    const once = await exportAll();
    const again = await run(['import', '--data', data, '--key', KEY_HEX, capture, rawFirstHalf]);
    expect(again.stdout).toMatch(new RegExp(`: 0 new, ${FRAMES + FRAMES / 2} already stored`));
    expect(await exportAll()).toBe(once);

    // Energy from the registers: the quarter-hours add up to the meter's own register difference.
    const [header, ...rows] = csvRows(once);
    expect(header).toEqual([...ELECTRICITY_COLUMNS]);
    const e0 = telegrams[0]!.electricity;
    const e1 = telegrams.at(-1)!.electricity;
    expect(rows.reduce((s, r) => s + Number(r[2]), 0)).toBe(e1.importEnergyWh! - e0.importEnergyWh!);
    expect(rows.reduce((s, r) => s + Number(r[3]), 0)).toBe(e1.exportEnergyWh! - e0.exportEnergyWh!);
    expect(rows.some((r) => r[0] === '2026-03-29T03:00:00+02:00')).toBe(true); // 02:00 does not exist that day
  });

  it('takes the key from --key-file or LUXP1_KEY, so it need not be in argv', async () => {
    const keyFile = join(dir, 'meter.key');
    writeFileSync(keyFile, `${KEY_HEX}\n`);
    expect((await run(['import', '--data', freshData(), '--key-file', keyFile, rawFirstHalf])).code).toBe(0);
    vi.stubEnv('LUXP1_KEY', KEY_HEX);
    const r = await run(['import', '--data', freshData(), rawFirstHalf]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${FRAMES / 2} new`);
  });

  it('draws a progress bar when stderr is a terminal, and none into a pipe', async () => {
    // util-linux `script` gives the command a pseudo-terminal, as a shell in a terminal would.
    const command = `${NODE} electron/cli/luxp1.ts history import --data ${freshData()} --key ${KEY_HEX} ${rawFirstHalf}`;
    const r = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
      const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: ROOT });
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, out }));
    });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\[#{30}\] 100% [\d.]+\/[\d.]+ MB, 1080 telegrams/);
    expect(r.out).toContain('1080 new');
  });

  it('is registered in luxp1 and runs as a command; into a pipe, stderr stays empty (no progress bar)', async () => {
    const data = freshData();
    const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(NODE, ['electron/cli/luxp1.ts', 'history', 'import', '--data', data, '--key', KEY_HEX, rawFirstHalf], {
        cwd: ROOT,
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
      });
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain(`${FRAMES / 2} new`);
  });
});

describe('luxp1 history export', () => {
  const data = join(dir, 'exported');
  beforeAll(async () => {
    expect((await run(['import', '--data', data, '--key', KEY_HEX, capture])).code).toBe(0);
  });

  it('writes NDJSON records with exactly the documented fields', async () => {
    const r = await run([
      'export',
      '--data',
      data,
      '--meter',
      METER_ID,
      '--step',
      '1h',
      '--format',
      'ndjson',
      '--from',
      '2026-03-29T03:00:00+02:00',
      '--to',
      '2026-03-29T05:00',
    ]);
    expect(r.code).toBe(0);
    const records = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((x) => x.start)).toEqual(['2026-03-29T03:00:00+02:00', '2026-03-29T04:00:00+02:00']);
    for (const x of records) expect(Object.keys(x)).toEqual([...ELECTRICITY_COLUMNS]);
    expect(records[0]).toMatchObject({ end: '2026-03-29T04:00:00+02:00', estimated: false });
    expect(Number.isInteger(records[0]!.importWh)).toBe(true);
  });

  it('writes gas, water and heat from the hourly M-Bus values', async () => {
    for (const kind of ['gas', 'water', 'heat']) {
      const r = await run(['export', '--data', data, '--step', '1h', '--kind', kind]);
      expect(r.code).toBe(0);
      const [header, ...rows] = csvRows(r.stdout);
      expect(header).toEqual([...MBUS_COLUMNS]);
      expect(rows.length).toBeGreaterThanOrEqual(4);
      for (const row of rows) expect(row[3]).toBe(kind);
    }
  });

  it('writes 10-s records from the detail', async () => {
    const r = await run([
      'export',
      '--data',
      data,
      '--step',
      '10s',
      '--from',
      '2026-03-29T00:00:00+01:00',
      '--to',
      '2026-03-29T00:01:00+01:00',
    ]);
    const [, ...rows] = csvRows(r.stdout);
    expect(rows.map((x) => x[0])).toEqual(
      ['00:00:00', '00:00:10', '00:00:20', '00:00:30', '00:00:40', '00:00:50'].map((t) => `2026-03-29T${t}+01:00`),
    );
  });
});

describe('luxp1 history: bad input is one line and exit code 2', () => {
  const data = join(dir, 'bad');
  const corrupt = join(dir, 'corrupt');
  beforeAll(async () => {
    await run(['import', '--data', data, '--key', KEY_HEX, rawFirstHalf]);
    mkdirSync(corrupt, { recursive: true });
    writeFileSync(join(corrupt, 'history.sqlite'), 'not a database '.repeat(100));
    writeFileSync(join(dir, 'short.key'), 'ABCD');
  });
  const cases: [string, string[], RegExp][] = [
    ['no subcommand', [], /expected import or export/],
    ['unknown subcommand', ['purge'], /unknown subcommand "purge"/],
    ['unknown flag', ['import', '--dat', data, capture], /Unknown option '--dat'/],
    ['no FILE', ['import', '--data', data, '--key', KEY_HEX], /at least one FILE/],
    ['unreadable FILE', ['import', '--data', data, '--key', KEY_HEX, join(dir, 'nope.bin')], /cannot read .*nope\.bin.*ENOENT/],
    ['a directory as FILE', ['import', '--data', data, '--key', KEY_HEX, dir], /EISDIR/],
    ['--key not hex', ['import', '--data', data, '--key', 'xyz', capture], /--key must be 32 hex digits/],
    ['--key the AAD', ['import', '--data', data, '--key', '00112233445566778899AABBCCDDEEFF', capture], /authentication key/],
    ['--key and --key-file', ['import', '--data', data, '--key', KEY_HEX, '--key-file', join(dir, 'short.key'), capture], /not both/],
    ['--key-file missing', ['import', '--data', data, '--key-file', join(dir, 'none.key'), capture], /cannot read key file .*ENOENT/],
    ['--key-file short', ['import', '--data', data, '--key-file', join(dir, 'short.key'), capture], /--key-file .*32 hex digits/],
    ['wrong key', ['import', '--data', data, '--key', 'FF'.repeat(16), rawFirstHalf], /failed authentication \(wrong key\?\)/],
    ['no key', ['import', '--data', freshData(), rawFirstHalf], /encrypted: give the meter's key/],
    ['--data empty', ['import', '--data', '', '--key', KEY_HEX, capture], /--data must name a directory/],
    ['a foreign database', ['import', '--data', corrupt, '--key', KEY_HEX, capture], /not a LuxP1 history/],
    ['export: no history', ['export', '--data', join(dir, 'empty'), '--step', '1d'], /no history in/],
    ['export: foreign database', ['export', '--data', corrupt, '--step', '1d'], /not a LuxP1 history/],
    ['--step missing', ['export', '--data', data], /--step is required/],
    ['--step unknown', ['export', '--data', data, '--step', '5m'], /--step must be one of 10s\|15m\|1h\|1d\|1mo, got "5m"/],
    ['--kind unknown', ['export', '--data', data, '--step', '1d', '--kind', 'oil'], /--kind must be one of/],
    ['--format unknown', ['export', '--data', data, '--step', '1d', '--format', 'xlsx'], /--format must be one of csv\|ndjson/],
    ['--from not a time', ['export', '--data', data, '--step', '1d', '--from', 'yesterday'], /--from must be an ISO 8601/],
    ['--to not a date', ['export', '--data', data, '--step', '1d', '--to', '2026-02-30'], /--to must be an ISO 8601/],
    [
      '--to before --from',
      ['export', '--data', data, '--step', '1d', '--from', '2026-03-02', '--to', '2026-03-01'],
      /--to 2026-03-01 is before --from/,
    ],
    [
      'unknown --meter',
      ['export', '--data', data, '--step', '1d', '--meter', 'SAG0000'],
      /unknown meter "SAG0000"; known: SAG1030700012701/,
    ],
    ['empty --meter', ['export', '--data', data, '--step', '1d', '--meter', ''], /--meter must name a meter id/],
    ['a stray argument', ['export', '--data', data, '--step', '1d', 'extra'], /unexpected argument "extra"/],
  ];
  it.each(cases)('%s', async (_name, args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
