/**
 * Issue 9 on a real pty pair (socat): `luxp1 decode` reads the port end while the test writes the
 * meter end. A replay after a counter "reset", a plain telegram injected between verified frames and
 * a forged length field: none becomes a reading, and the genuine frame behind the forgery is decoded
 * without waiting for more bytes.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asciiToBytes, concatBytes, hexToBytes } from '../../../protocol/bytes.ts';
import { crc16Text, formatCrc } from '../../../protocol/dsmr/crc16.ts';
import { encryptFrame } from '../../../protocol/frame/codec.ts';
import { startPtyPair, type PtyPair } from '../../e2e/support/pty-pair.ts';
import { vectorBytes } from '../../protocol/frame/vectors.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const NODE = join(ROOT, 'node_modules/.bin/node');
const KEY = 'D491470F47126332B07D1923B3504188';
const key = hexToBytes(KEY);
const systemTitle = new Uint8Array([0x53, 0x41, 0x47, 0x67, 0x70, 0x01, 0xbd, 0x54]);
const plaintext = vectorBytes('smarty_nexxtlab_decrypted.txt');
const frame = (frameCounter: number) => encryptFrame({ key, systemTitle, frameCounter, plaintext });
const body = '/Lux5\\253663629_D\r\n\r\n1-3:0.2.8(42)\r\n1-0:1.7.0(99.999*kW)\r\n0-0:96.13.0(466F72676564)\r\n!';
const injected = asciiToBytes(`${body}${formatCrc(crc16Text(body))}\r\n`);
const forged = new Uint8Array([0xdb, 0x08, ...systemTitle, 0x82, 0x3e, 0x80, 0x30, 0, 0, 0, 99]); // L = 16000

const dir = mkdtempSync(join(tmpdir(), 'luxp1-decode-pty-'));
let pty: PtyPair;
beforeAll(async () => {
  pty = await startPtyPair(dir);
});
afterAll(async () => {
  await pty?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('luxp1 decode on a pty', () => {
  it('refuses the replay, the injection and the forged length; reads every genuine frame as it arrives', async () => {
    const keyFile = join(dir, 'meter.key');
    writeFileSync(keyFile, `${KEY}\n`, { mode: 0o600 });
    const child = spawn(NODE, ['electron/cli/luxp1.ts', 'decode', '--key-file', keyFile, pty.appPath], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const records: Record<string, unknown>[] = [];
    let pending = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const want = 8;
    const done = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        pending += d.toString();
        const lines = pending.split('\n');
        pending = lines.pop()!;
        for (const l of lines) records.push(JSON.parse(l) as Record<string, unknown>);
        if (records.length >= want) resolve();
      });
      child.on('exit', (code) => reject(new Error(`decode exited (${code}) after ${records.length} records: ${stderr}`)));
    });
    const fd = openSync(pty.meterPath, 'w');
    try {
      // No trailing bytes after the last frame: its record must come without more input.
      writeSync(fd, concatBytes(frame(5), frame(6), injected, frame(0), frame(5), frame(7), forged, frame(8)));
      await done;
    } finally {
      closeSync(fd);
      child.kill('SIGTERM');
    }
    expect(records.map((r) => `${r.type}:${r.code ?? ''}:${r.frameCounter}`)).toEqual([
      'telegram::5',
      'telegram::6',
      'error:PLAIN_REFUSED:null',
      'error:REPLAY:0',
      'error:REPLAY:5',
      'telegram::7',
      'error:MALFORMED:null',
      'telegram::8',
    ]);
    expect(JSON.stringify(records)).not.toMatch(/99999|Forged/);
  }, 30_000);
});
