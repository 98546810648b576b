/**
 * A simulated meter whose central goes away keeps pushing with its last config, says so once,
 * and refuses to start when the central never answered.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator, type SentFrame } from '../../../central-mock/simulator/run-meter.ts';
import { startTestCentral, type TestCentral } from './harness.ts';

const METER = 'SAG1030700012701';
let tc: TestCentral | undefined;
let sim: RunningSimulator | undefined;

afterAll(async () => {
  await sim?.stop();
  await tc?.close();
});

function nextFrames(s: RunningSimulator, count: number): Promise<SentFrame[]> {
  const got: SentFrame[] = [];
  return new Promise((resolve) => {
    const off = s.onFrame((f) => {
      got.push(f);
      if (got.length === count) {
        off();
        resolve(got);
      }
    });
  });
}

describe('central unreachable', () => {
  it('keeps sending with the last known config and says so once', async () => {
    tc = await startTestCentral();
    await tc.api('PATCH', `/api/meters/${METER}`, { encryption: false, breaker: 'ready' });
    const lines: string[] = [];
    sim = await startSimulator({
      centralUrl: tc.central.url,
      token: tc.central.staffToken,
      meterId: METER,
      sink: `file:${tc.dir}/port.bin`,
      intervalMs: 50,
      log: (l) => lines.push(l),
    });
    const before = await nextFrames(sim, 2);
    expect(before.every((f) => !f.configStale)).toBe(true);
    await tc.central.close();
    const after = await nextFrames(sim, 6);
    const stale = after.filter((f) => f.configStale);
    expect(stale.length).toBeGreaterThanOrEqual(4);
    for (const f of stale) {
      expect(f.encrypted).toBe(false);
      expect(f.telegram.electricity.breaker).toBe('ready');
      expect(f.configVersion).toBe(before[1]!.configVersion);
    }
    expect(lines.filter((l) => /unreachable/.test(l))).toHaveLength(1);
    expect(lines.join('\n')).not.toMatch(/[0-9A-F]{32}/); // the key never reaches a log line
  });

  it('does not start without ever reaching the central', async () => {
    await expect(
      startSimulator({
        centralUrl: 'http://127.0.0.1:9',
        token: 'x',
        meterId: METER,
        sink: 'tcp:127.0.0.1:0',
        intervalMs: 50,
        log: () => {},
      }),
    ).rejects.toThrow(/unreachable/);
  });

  it('does not start with a wrong token, and says what the central answered', async () => {
    const other = await startTestCentral();
    try {
      await expect(
        startSimulator({ centralUrl: other.central.url, token: 'wrong', meterId: METER, sink: 'tcp:127.0.0.1:0', log: () => {} }),
      ).rejects.toThrow(/valid staff token is required/);
    } finally {
      await other.close();
    }
  });
});
