/** The one central client against a real central system on loopback, and against answers it must refuse. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCentralClient } from '../../contracts/central-client.ts';
import { startHarness, type Harness } from '../central-mock/helpers.ts';

let h: Harness;
let liar: Server;
let liarUrl = '';
beforeAll(async () => {
  h = await startHarness({ seed: 'demo' });
  // A server that answers 200 with what API.md never promises.
  liar = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"meterId": 5}'));
  await new Promise<void>((resolve) => liar.listen(0, '127.0.0.1', resolve));
  liarUrl = `http://127.0.0.1:${(liar.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await h?.stop();
  await new Promise((resolve) => liar?.close(resolve));
});

describe('createCentralClient', () => {
  it('reads and changes a meter with a staff token, and pairs with a code', async () => {
    const staff = createCentralClient({ baseUrl: h.central.url, token: h.central.staffToken });
    const meter = await staff.meter('SAG1030700012701');
    expect(meter.ok && meter.value.systemTitle).toBe('534147677001BD54');
    const patched = await staff.patch('SAG1030700012701', { powerLimitKva: 9.2 });
    expect(patched.ok && patched.value.powerLimitKva).toBe(9.2);
    expect((await staff.audit('SAG1030700012701')).ok).toBe(true);
    const port = await staff.port('SAG1030700012701');
    expect(port.ok && port.value.key).toMatch(/^[0-9A-F]{32}$/);

    const customer = createCentralClient({ baseUrl: h.central.url });
    const paired = await customer.pair('SAG1030700012701', 'DEMO-2701-0001');
    expect(paired.ok && paired.value.key).toBe(port.ok && port.value.key);
  });

  it('turns every way of failing into a typed value', async () => {
    const anon = createCentralClient({ baseUrl: h.central.url });
    expect(await anon.meter('SAG1030700012701')).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', status: 401 } });
    expect(await anon.pair('SAG1030700012701', 'WRONG-CODE')).toMatchObject({ ok: false, error: { code: 'BAD_CODE', attemptsLeft: 4 } });
    const gone = createCentralClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 2_000 });
    expect(await gone.meter('SAG1030700012701')).toMatchObject({ ok: false, error: { code: 'UNREACHABLE' } });
    const lying = createCentralClient({ baseUrl: liarUrl, token: 'x' });
    expect(await lying.meter('SAG1030700012701')).toMatchObject({ ok: false, error: { code: 'BAD_ANSWER' } });
    expect(await createCentralClient({ baseUrl: 'not a url' }).meterIds()).toMatchObject({ ok: false, error: { code: 'UNREACHABLE' } });
  });
});
