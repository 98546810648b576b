/** `POST /api/meters/:id/port/reserve`: the simulated meter's frame-counter blocks and register marks. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: 'demo' });
});
afterAll(() => h.stop());

const DEMO = 'SAG1030700012701';
const reserve = (body: unknown) => h.call('POST', `/api/meters/${DEMO}/port/reserve`, body);

describe('port reservations', () => {
  it('hands out blocks that never overlap, also across a restart, and starts a new key at 0', async () => {
    expect((await reserve({ keyVersion: 1, frames: 100 })).body).toEqual({ keyVersion: 1, from: 0, to: 100, registers: {} });
    expect((await reserve({ keyVersion: 1, frames: 50 })).body).toMatchObject({ from: 100, to: 150 });
    await h.restart();
    expect((await reserve({ keyVersion: 1, frames: 10 })).body).toMatchObject({ from: 150, to: 160 });
    const stale = await reserve({ keyVersion: 2, frames: 10 });
    expect(stale).toMatchObject({ status: 409, body: { error: 'CONFLICT', keyVersion: 1 } });
    await h.call('POST', `/api/meters/${DEMO}/rotate-key`);
    expect((await reserve({ keyVersion: 1, frames: 10 })).status).toBe(409);
    expect((await reserve({ keyVersion: 2, frames: 10 })).body).toMatchObject({ keyVersion: 2, from: 0, to: 10 });
  });

  it('keeps the highest mark of every register, and never drops an energy register for M-Bus names', async () => {
    await reserve({ keyVersion: 2, frames: 0, registers: { importEnergyWh: 7_918_718, mbus2: 879_024 } });
    const lower = await reserve({ keyVersion: 2, frames: 0, registers: { importEnergyWh: 7_918_674, mbus2: 878_957 } });
    expect(lower.body.registers).toEqual({ importEnergyWh: 7_918_718, mbus2: 879_024 });
    for (let i = 0; i < 40; i++) await reserve({ keyVersion: 2, frames: 0, registers: { [`mbus1:gas|3|G${i}`]: i } });
    const marks = (await reserve({ keyVersion: 2, frames: 0 })).body.registers;
    expect(Object.keys(marks)).toHaveLength(32);
    expect(marks.importEnergyWh).toBe(7_918_718);
    expect(marks['mbus1:gas|3|G39']).toBe(39);
  });

  it('refuses malformed bodies with 400 naming the field, and needs a staff token first', async () => {
    for (const body of [
      {},
      { keyVersion: 0, frames: 1 },
      { keyVersion: 1, frames: -1 },
      { keyVersion: 1, frames: 1, registers: { a: 1.5 } },
      { keyVersion: 1, frames: 1, x: 1 },
    ])
      expect((await reserve(body)).status, JSON.stringify(body)).toBe(400);
    expect((await h.call('POST', '/api/meters/SAG9999999999999/port/reserve', { keyVersion: 1, frames: 1 }, false)).status).toBe(401);
  });
});
