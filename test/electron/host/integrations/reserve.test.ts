import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { reserveBytes, startReserve } from '../../../../electron/host/integrations/reserve.ts';
import { asciiToBytes, bytesToAscii, crc16, encryptFrame, toRecord } from '../../../../protocol/index.ts';
import { decodeCli } from './decode-cli.ts';
import { decodeAll, KEY, nexxtEvent, plainEvent, realTelegram, type TelegramEvent, TITLE } from './telegrams.ts';

const dir = mkdtempSync(join(tmpdir(), 'luxp1-reserve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A client that collects everything it receives. */
function client(port: number): Promise<{ socket: Socket; bytes: () => Uint8Array; waitFor: (n: number) => Promise<Uint8Array> }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const waiters: (() => void)[] = [];
    const socket = connect(port, '127.0.0.1', () => resolve({ socket, bytes, waitFor }));
    socket.on('error', reject);
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      for (const w of waiters.splice(0)) w();
    });
    const bytes = () => new Uint8Array(Buffer.concat(chunks));
    const waitFor = async (n: number) => {
      while (bytes().length < n) await new Promise<void>((r) => waiters.push(r));
      return bytes();
    };
  });
}

/** Splits a DSMR byte stream at each `!XXXX\r\n` and checks each telegram's CRC-16 like a plain DSMR reader. */
function checkEveryCrc(bytes: Uint8Array): number {
  const text = bytesToAscii(bytes);
  const telegrams = text.match(/\/[^!]*![0-9A-F]{4}\r\n/g) ?? [];
  expect(telegrams.join('')).toBe(text); // nothing but telegrams on the line
  for (const t of telegrams) {
    const bang = t.lastIndexOf('!');
    expect(crc16(asciiToBytes(t.slice(0, bang + 1)))).toBe(Number.parseInt(t.slice(bang + 1, bang + 5), 16));
  }
  return telegrams.length;
}

/** What `luxp1 decode` says of a telegram, apart from how it travelled (frame header, encryption). */
const content = (r: Record<string, unknown>) => ({ ...r, encrypted: undefined, frameCounter: undefined, systemTitle: undefined });

describe('reserveBytes', () => {
  it('passes a decrypted telegram that carries its CRC on byte for byte', () => {
    const e = nexxtEvent();
    expect(bytesToAscii(reserveBytes(e)!)).toBe(e.text);
  });

  it('re-encodes, with a CRC, a decrypted telegram that carried none (only its GCM tag verified it)', () => {
    const text = bytesToAscii(plainEvent().raw).replace(/![0-9A-F]{4}\r\n$/, '!\r\n');
    const [e] = decodeAll(encryptFrame({ key: KEY, systemTitle: TITLE, frameCounter: 9, plaintext: asciiToBytes(text) }), {
      key: KEY,
      noCrc: true,
    });
    expect(e!.telegram.crc).toBeNull();
    const bytes = reserveBytes(e!)!;
    expect(checkEveryCrc(bytes)).toBe(1);
    expect(decodeAll(bytes)[0]!.telegram).toEqual({ ...realTelegram(), crc: expect.any(Number) });
  });

  it('never re-serves a telegram nothing verified (DSMR 2.2/3.0 without CRC)', () => {
    const text = bytesToAscii(plainEvent().raw).replace(/![0-9A-F]{4}\r\n$/, '!\r\n');
    const [e] = decodeAll(asciiToBytes(text), { noCrc: true });
    expect(e!.telegram.crc).toBeNull();
    expect(reserveBytes(e!)).toBeNull();
  });
});

describe('re-serve over TCP', () => {
  it('hands every verified telegram to several clients; what they read decodes to the same values', async () => {
    const lines: string[] = [];
    const reserve = await startReserve({ host: '127.0.0.1', port: 0, log: (l) => lines.push(l) });
    try {
      const a = await client(reserve.port);
      const b = await client(reserve.port);
      await vi.waitFor(() => expect(reserve.clientCount()).toBe(2));
      const events: TelegramEvent[] = [nexxtEvent(), plainEvent(), nexxtEvent()];
      for (const e of events) reserve.publish(e);
      const total = events.reduce((n, e) => n + reserveBytes(e)!.length, 0);
      const [got, gotB] = await Promise.all([a.waitFor(total), b.waitFor(total)]);
      expect(gotB).toEqual(got);
      expect(checkEveryCrc(got)).toBe(3);
      const records = await decodeCli(dir, ['--plain', 'accept'], got);
      expect(records.map(content)).toEqual(events.map((e) => content(toRecord(e))));
      expect(records.every((r) => r.type === 'telegram' && r.encrypted === false)).toBe(true);
      expect(lines).toEqual([]); // loopback: no warning
      a.socket.destroy();
      b.socket.destroy();
    } finally {
      await reserve.close();
    }
  });

  it('drops a client that stops reading, says so, and keeps feeding the others without delay', async () => {
    const lines: string[] = [];
    const reserve = await startReserve({ host: '127.0.0.1', port: 0, maxQueuedBytes: 64 * 1024, log: (l) => lines.push(l) });
    try {
      const slow = await client(reserve.port);
      slow.socket.pause(); // reads nothing: the kernel buffers fill, then our queue
      const fast = await client(reserve.port);
      await vi.waitFor(() => expect(reserve.clientCount()).toBe(2));
      const e = plainEvent();
      const size = reserveBytes(e)!.length;
      let sent = 0;
      for (; sent < 50_000 && reserve.clientCount() === 2; sent++) {
        reserve.publish(e);
        if (sent % 20 === 0) await new Promise((r) => setImmediate(r)); // the fast client reads as it goes
      }
      expect(reserve.clientCount()).toBe(1);
      expect(lines.some((l) => /^reserve: dropped 127\.0\.0\.1:\d+: \d+ bytes unread \(a slow or stalled reader\)$/.test(l))).toBe(true);
      reserve.publish(e);
      sent++;
      const got = await fast.waitFor(sent * size);
      expect(got.length).toBe(sent * size); // every telegram, none lost for the reader that keeps up
      fast.socket.destroy();
      slow.socket.destroy();
    } finally {
      await reserve.close();
    }
  });

  it('warns when it listens beyond loopback', async () => {
    const lines: string[] = [];
    const reserve = await startReserve({ host: '0.0.0.0', port: 0, log: (l) => lines.push(l) });
    await reserve.close();
    expect(lines).toEqual([
      expect.stringMatching(/^reserve: WARNING: listening on 0\.0\.0\.0:\d+, beyond this computer: every telegram goes out decrypted/),
    ]);
  });
});
