/**
 * `luxp1 serve` with the integration flags, as a headless box runs it: the demo meter (encrypted,
 * paired by itself) on one side; a real mosquitto, a DSMR client on the re-serve and an HTTP client
 * on the API on the other. Every one of them gets the same meter's verified telegrams.
 */
import { connect } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asciiToBytes, bytesToAscii, crc16 } from '../../protocol/index.ts';
import { type Broker, freePort, type Subscriber, startBroker, subscribe } from '../electron/host/integrations/broker.ts';
import { decodeAll } from '../electron/host/integrations/telegrams.ts';
import { startServeChild, type ServeChild } from './support/serve-child.ts';
import { makeTempDir } from './support/temp-dir.ts';

const tmp = makeTempDir('e2e-integrations');
let broker: Broker;
let sub: Subscriber;
let serve: ServeChild;
let reservePort: number;
let apiPort: number;

beforeAll(async () => {
  broker = await startBroker(tmp.path);
  sub = await subscribe(broker.url, '#');
  reservePort = await freePort();
  apiPort = await freePort();
  const rendererDir = join(tmp.path, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>LuxP1</title>'); // no page is opened here
  serve = await startServeChild({
    dataDir: join(tmp.path, 'data'),
    rendererDir,
    args: ['--fast', '--mqtt', broker.url, '--reserve', `127.0.0.1:${reservePort}`, '--api', `127.0.0.1:${apiPort}`],
  });
}, 90_000);

afterAll(async () => {
  await serve?.close();
  await sub?.close();
  await broker?.close();
  tmp.remove();
});

describe('luxp1 serve --mqtt --reserve --api', () => {
  it('publishes the demo meter on MQTT with discovery, re-serves its telegrams with valid CRCs, and answers on the API', async () => {
    const state = await sub.waitFor((m) => /^luxp1\/[^/]+\/state$/.test(m.topic) && JSON.parse(m.payload).encrypted === true, 60_000);
    const meterId = state.topic.split('/')[1]!;
    expect(meterId).toMatch(/^SAG/);
    expect(await sub.waitFor((m) => m.topic === 'luxp1/status')).toMatchObject({ payload: 'online', retain: true });
    await sub.waitFor((m) => m.topic === `homeassistant/sensor/luxp1_${meterId}_electricity_importEnergyWh/config`);

    const served = await new Promise<Uint8Array>((resolve, reject) => {
      const chunks: Buffer[] = [];
      const s = connect(reservePort, '127.0.0.1');
      s.on('error', reject);
      s.on('data', (c: Buffer) => {
        chunks.push(c);
        const text = Buffer.concat(chunks).toString('latin1');
        if (/![0-9A-F]{4}\r\n[\s\S]*![0-9A-F]{4}\r\n/.test(text)) s.destroy(), resolve(new Uint8Array(Buffer.concat(chunks)));
      });
    });
    const text = bytesToAscii(served);
    for (const t of text.match(/\/[^!]*![0-9A-F]{4}\r\n/g) ?? []) {
      const bang = t.lastIndexOf('!');
      expect(crc16(asciiToBytes(t.slice(0, bang + 1)))).toBe(Number.parseInt(t.slice(bang + 1, bang + 5), 16));
    }
    const telegrams = decodeAll(served);
    expect(telegrams.length).toBeGreaterThanOrEqual(1);
    expect(telegrams.every((e) => e.telegram.electricity.meterId === meterId && !e.encrypted)).toBe(true);

    const api = (await (await fetch(`http://127.0.0.1:${apiPort}/api/v1/meters`)).json()) as {
      meters: { meterId: string; reading: { encrypted: boolean } }[];
    };
    expect(api.meters).toEqual([
      expect.objectContaining({ meterId, reading: expect.objectContaining({ type: 'telegram', encrypted: true }) }),
    ]);
  }, 90_000);

  it('says offline on its status topic when it stops', async () => {
    const from = sub.messages.length;
    await serve.close();
    expect(
      await sub.waitFor((m) => m.topic === 'luxp1/status' && m.payload === 'offline' && sub.messages.indexOf(m) >= from, 15_000),
    ).toMatchObject({ retain: true });
  }, 30_000);
});
