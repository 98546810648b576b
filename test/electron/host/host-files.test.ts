/**
 * The host's files through the services, as a shell sees them: a save that fails on a full disk is
 * an error with words and changes nothing (memory and disk stay on the old value, the old source
 * keeps running); what was wrong with a file on load reaches the snapshot's notices.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createHostServices } from '../../../electron/host/services.ts';
import type { HostServices } from '../../../contracts/ipc.ts';
import { tinyDisk, type FullDisk } from './full-disk.ts';
import { startHost, type Harness } from './host-harness.ts';
import { NEXXT_KEY } from './vectors.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A meter on TCP that accepts and stays silent: enough for a link to be open. */
async function tcpMeter(): Promise<{ port: number; server: Server }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  );
  return { port: (server.address() as { port: number }).port, server };
}

async function hostOnTinyDisk(): Promise<{ host: HostServices; disk: FullDisk }> {
  const disk = tinyDisk();
  cleanups.push(() => disk.release());
  const host = await createHostServices({ dataDir: disk.dir, log: () => {}, backoff: { initialMs: 50, maxMs: 200 } });
  cleanups.push(() => host.close());
  return { host, disk };
}

describe('host saves on a full disk', () => {
  it('source:set that cannot be saved is refused in words; the old source stays, in memory and on disk', async () => {
    const { host, disk } = await hostOnTinyDisk();
    const a = await tcpMeter();
    const first = { kind: 'tcp' as const, host: '127.0.0.1', port: a.port };
    expect(await host.handle('source:set', first)).toMatchObject({ ok: true });
    const onDisk = readFileSync(`${disk.dir}/settings.json`, 'utf8');
    disk.fill();
    const b = await tcpMeter();
    const refused = await host.handle('source:set', { kind: 'tcp', host: '127.0.0.1', port: b.port });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'SAVE_FAILED', message: 'source:set: could not save the settings: disk full (ENOSPC)' },
    });
    expect(await host.handle('source:get', null)).toEqual({ ok: true, value: first });
    const snap = await host.handle('app:snapshot', null);
    expect(snap.ok && snap.value.link.source).toEqual(first);
    expect(readFileSync(`${disk.dir}/settings.json`, 'utf8')).toBe(onDisk);

    expect(await host.handle('source:stop', null)).toMatchObject({ ok: false, error: { code: 'SAVE_FAILED' } });
    const after = await host.handle('app:snapshot', null);
    expect(after.ok && after.value.link.source).toEqual(first); // still running, as settings.json says
  });

  it('key:set that cannot be saved is refused in words; the old key stays in force', async () => {
    const { host, disk } = await hostOnTinyDisk();
    expect(await host.handle('key:set', { hex: NEXXT_KEY })).toMatchObject({ ok: true, value: { hasKey: true } });
    disk.fill();
    expect(await host.handle('key:set', { hex: 'AABBCCDDEEFF00112233445566778899' })).toEqual({
      ok: false,
      error: { code: 'SAVE_FAILED', message: 'key:set: could not save the key: disk full (ENOSPC)' },
    });
    expect(JSON.parse(readFileSync(`${disk.dir}/key.json`, 'utf8')).keyHex).toBe(NEXXT_KEY);
    expect(await host.handle('key:status', null)).toMatchObject({ ok: true, value: { hasKey: true, origin: 'manual' } });
  });
});

describe('notices about the host files reach the snapshot', () => {
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  it('a corrupt settings.json, a loose key.json and a messages.json of the wrong shape are each named once', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'luxp1-host-'));
    writeFileSync(join(dir, 'settings.json'), '{"source": {"kind": "tcp", "host": "x"');
    writeFileSync(join(dir, 'key.json'), JSON.stringify({ version: 1, storage: 'file', origin: 'manual', keyHex: NEXXT_KEY }), {
      mode: 0o644,
    });
    writeFileSync(join(dir, 'messages.json'), '[]');
    h = await startHost({}, dir);
    const snap = await h.host.handle('app:snapshot', null);
    if (!snap.ok) throw new Error(snap.error.message);
    expect(snap.value.notices).toEqual([
      expect.stringMatching(/^settings: .*not valid JSON.*settings\.json\.bad/),
      expect.stringMatching(/^key: .*readable by other users \(mode 644\); it is now 0600/),
      expect.stringMatching(/^messages: .*is not an inbox.*messages\.json\.bad/),
    ]);
    expect(h.logs).toHaveLength(3); // and the console, as before
  });
});
