import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../electron/cli/decode.ts';
import { bytesToHex, concatBytes, hexToBytes } from '../../../protocol/bytes.ts';
import { encryptFrame } from '../../../protocol/frame/codec.ts';
import { formatCaptureFrame, formatCaptureHeader } from '../../../electron/host/capture.ts';
import { vectorBytes } from '../../protocol/frame/vectors.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const NODE = join(ROOT, 'node_modules/.bin/node');
const KEY = 'D491470F47126332B07D1923B3504188';
const frame = vectorBytes('smarty_nexxtlab_encrypted.hex');
const dir = mkdtempSync(join(tmpdir(), 'luxp1-decode-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], stdin?: Uint8Array): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, ['electron/cli/luxp1.ts', 'decode', ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? new Uint8Array());
  });
}

/** Runs main() in this process (no spawn: the machine is shared), capturing what it writes. */
async function runHere(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
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

const frameFile = join(dir, 'nexxt.bin');
writeFileSync(frameFile, frame);

const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('luxp1 decode', () => {
  it('decodes the real capture from stdin into one telegram record', async () => {
    const r = await run(['--key', KEY, '-'], frame);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const [record, ...rest] = lines(r.stdout);
    expect(rest).toEqual([]);
    expect(record).toMatchObject({
      type: 'telegram',
      encrypted: true,
      frameCounter: 0x0005a8e3,
      systemTitle: '534147677001BD54',
      header: '/Lux5\\253663629_D',
    });
    expect((record!.electricity as Record<string, unknown>).meterId).toBe('SAG1030700114004');
    expect(record).not.toHaveProperty('rawHex');
  });

  it('reads a file, reports problems as records in stream order, and still exits 0', async () => {
    const corrupted = frame.slice();
    corrupted[300]! ^= 1;
    const file = join(dir, 'port.bin');
    writeFileSync(file, concatBytes(new Uint8Array([1, 2, 3]), frame, frame, corrupted, vectorBytes('lux_meterlogger_real_plain.txt')));
    const r = await run(['--key', KEY, '--raw', file]);
    expect(r.code).toBe(0);
    const records = lines(r.stdout);
    expect(records.map((x) => `${x.type}:${x.code ?? ''}`)).toEqual([
      'warning:NOISE_SKIPPED',
      'telegram:',
      'error:REPLAY',
      'error:AUTH_FAILED',
      'error:PLAIN_REFUSED', // a plain telegram after a verified frame: refused by default (issue 9)
    ]);
    expect(records[3]).toMatchObject({ frameCounter: 0x0005a8e3, rawHex: bytesToHex(corrupted) });
    expect(records[4]).toMatchObject({ frameCounter: null, header: '/Lux5\\253663629_D', policy: 'auto' });
    expect(records[4]).not.toHaveProperty('electricity');
    const accepted = lines((await runHere(['--key', KEY, '--plain', 'accept', file])).stdout);
    expect(accepted[4]).toMatchObject({ type: 'telegram', encrypted: false, frameCounter: null, systemTitle: null });
  });

  it('stops and exits 0 when its reader goes away, even while its live input stays open (`nc … | luxp1 decode | head`)', async () => {
    const child = spawn(NODE, ['electron/cli/luxp1.ts', 'decode', '--key', KEY, '--raw'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    try {
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdin.on('error', () => {}); // the child may be gone before all of it is written
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      // Far more output than a pipe buffers (one ~1.4 kB REPLAY record per copy), and stdin is never ended.
      child.stdin.write(concatBytes(...Array.from({ length: 400 }, () => frame)));
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      child.stdout.destroy();
      expect(await exited).toBe(0);
      expect(stderr).toBe('');
    } finally {
      child.kill();
    }
  }, 20_000);

  it('without a key reports NO_KEY', async () => {
    const r = await runHere([frameFile]);
    expect(lines(r.stdout)).toEqual([expect.objectContaining({ type: 'error', code: 'NO_KEY', frameCounter: 0x0005a8e3 })]);
  });

  it('replays a LuxP1 capture file transparently, skipping interleaved records', async () => {
    const file = join(dir, 'capture.ndjson');
    const text =
      formatCaptureHeader({ createdAt: 0, redacted: false }) + formatCaptureFrame(1000, frame) + '{"type":"telegram","encrypted":true}\n';
    writeFileSync(file, text);
    const r = await run(['--key', KEY, file]);
    expect(r.code).toBe(0);
    expect(lines(r.stdout).map((x) => x.type)).toEqual(['telegram']);
  });

  it('honours --aad: an explicit empty AAD makes the real frame fail', async () => {
    const r = await runHere(['--key', KEY, '--aad', '', frameFile]);
    expect(lines(r.stdout)).toEqual([expect.objectContaining({ type: 'error', code: 'AUTH_FAILED' })]);
    const same = await runHere(['--key', KEY, '--aad', '3000112233445566778899AABBCCDDEEFF', frameFile]);
    expect(lines(same.stdout).map((x) => x.type)).toEqual(['telegram']);
  });

  it('a bad key exits 2 with one line on stderr and nothing on stdout', async () => {
    const r = await run(['--key', 'D491470F'], frame);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/32 hex digits/);
  });

  it('the published authentication key as --key is explained, exit 2', async () => {
    const r = await runHere(['--key', '00112233445566778899aabbccddeeff', frameFile]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/published authentication key.*not your meter's key/);
  });

  it('bad --aad, unreadable file and unknown option exit 2 with one stderr line each', async () => {
    for (const args of [['--aad', 'xyz'], ['--aad', '3000'], [join(dir, 'missing.bin')], [dir], ['--frobnicate']]) {
      const r = await runHere(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });

  it('--help prints usage and exits 0', async () => {
    const r = await runHere(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: luxp1 decode/);
  });

  describe('keys kept out of argv (issue 9)', () => {
    const keyFile = join(dir, 'meter.key');
    writeFileSync(keyFile, `  ${KEY.slice(0, 16)}\n${KEY.slice(16).toLowerCase()}  \n`);

    it('--key-file reads the 32 hex digits, whitespace tolerated; a file others can read gets a warning', async () => {
      chmodSync(keyFile, 0o600);
      const r = await runHere(['--key-file', keyFile, frameFile]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(lines(r.stdout).map((x) => x.type)).toEqual(['telegram']);
      chmodSync(keyFile, 0o644);
      const open = await runHere(['--key-file', keyFile, frameFile]);
      expect(open.code).toBe(0);
      expect(open.stderr).toMatch(/^luxp1 decode: warning: key file ".*meter\.key" can be read by other users; chmod 600 it\n$/);
      expect(lines(open.stdout).map((x) => x.type)).toEqual(['telegram']);
    });

    it('LUXP1_KEY is used when no option names a key; an option wins over it', async () => {
      const before = process.env.LUXP1_KEY;
      process.env.LUXP1_KEY = KEY;
      try {
        expect(lines((await runHere([frameFile])).stdout).map((x) => x.type)).toEqual(['telegram']);
        expect(lines((await runHere(['--key', 'A'.repeat(32), frameFile])).stdout).map((x) => x.code)).toEqual(['AUTH_FAILED']);
        process.env.LUXP1_KEY = 'not a key';
        const bad = await runHere([frameFile]);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toBe("luxp1 decode: LUXP1_KEY must be 32 hex digits (the meter's 16-byte key), got 9 character(s)\n");
      } finally {
        if (before === undefined) delete process.env.LUXP1_KEY;
        else process.env.LUXP1_KEY = before;
      }
    });

    it('a bad, missing or oversized key file, or --key-file with --key, exits 2 with one line and never echoes the file', async () => {
      const bad = join(dir, 'bad.key');
      writeFileSync(bad, 'D491470F47126332B07D1923B35041ZZ\n');
      const big = join(dir, 'big.key');
      writeFileSync(big, 'A'.repeat(5000));
      const cases: [string[], RegExp][] = [
        [['--key-file', bad, frameFile], /^luxp1 decode: --key-file ".*bad\.key" must be 32 hex digits .*got 32 character\(s\)\n$/],
        [['--key-file', join(dir, 'missing.key'), frameFile], /^luxp1 decode: cannot read key file ".*missing\.key": ENOENT\n$/],
        [['--key-file', dir, frameFile], /^luxp1 decode: cannot read key file ".*": EISDIR\n$/],
        [['--key-file', big, frameFile], /^luxp1 decode: cannot read key file ".*big\.key": EFBIG\n$/],
        [['--key-file', keyFile, '--key', KEY, frameFile], /^luxp1 decode: give --key-file or --key, not both\n$/],
      ];
      for (const [args, message] of cases) {
        const r = await runHere(args);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(message);
        expect(r.stderr).not.toMatch(/41ZZ/);
      }
    });
  });

  it('a capture replaying counter 0 and older frames after higher counters under one key gives REPLAY records', async () => {
    const key = hexToBytes(KEY);
    const systemTitle = frame.subarray(2, 10);
    const plaintext = vectorBytes('smarty_nexxtlab_decrypted.txt');
    const f = (frameCounter: number) => encryptFrame({ key, systemTitle, frameCounter, plaintext });
    const file = join(dir, 'replay.bin');
    writeFileSync(file, concatBytes(f(5), f(6), f(0), f(1), f(6), f(7)));
    const records = lines((await runHere(['--key-file', join(dir, 'meter.key'), file])).stdout);
    expect(records.map((x) => `${x.type}:${x.code ?? ''}:${x.frameCounter}`)).toEqual([
      'telegram::5',
      'telegram::6',
      'error:REPLAY:0',
      'error:REPLAY:1',
      'error:REPLAY:6',
      'telegram::7',
    ]);
  });

  it('--no-crc reads a DSMR 2.2/3.0 telegram and says it is unverified; without it the error says "no CRC"', async () => {
    const file = join(dir, 'dsmr3.txt');
    writeFileSync(file, vectorBytes('dsmr3.0_no_crc_plain.txt'));
    const without = lines((await runHere([file])).stdout);
    expect(without).toEqual([expect.objectContaining({ type: 'error', code: 'MALFORMED', message: expect.stringMatching(/no CRC/) })]);
    const withOpt = lines((await runHere(['--no-crc', file])).stdout);
    expect(withOpt).toEqual([expect.objectContaining({ type: 'telegram', encrypted: false, crc: null, verified: false })]);
  });

  it('a bad --plain exits 2', async () => {
    const r = await runHere(['--plain', 'ask', frameFile]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('luxp1 decode: --plain must be auto, accept or refuse, got "ask"\n');
  });
});
