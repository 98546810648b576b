import { describe, expect, it } from 'vitest';
import type { LinkState } from '../../../contracts/ipc.ts';
import { createLink } from '../../../electron/host/link.ts';
import type { Source, SourceEvent } from '../../../electron/host/sources/source.ts';
import { createFakeClock } from './fake-clock.ts';

/** A source the test drives by hand. */
function manualSource() {
  let bytes: ((b: Uint8Array) => void) | null = null;
  let state: ((e: SourceEvent) => void) | null = null;
  const api = {
    opens: 0,
    closes: 0,
    emit: (e: SourceEvent) => state!(e),
    data: (b: Uint8Array) => bytes!(b),
  };
  const source: Source = {
    label: 'manual',
    open(onBytes, onState) {
      api.opens++;
      bytes = onBytes;
      state = onState;
    },
    async close() {
      api.closes++;
    },
  };
  return { source, api };
}

const flush = () => new Promise((r) => setImmediate(r));
type LinkConfig = Parameters<typeof createLink>[0]['config'];

function setup(silenceMs = 30_000, config: LinkConfig = { kind: 'tcp', host: 'x', port: 1 }) {
  const clock = createFakeClock();
  const { source, api } = manualSource();
  const states: LinkState[] = [];
  const received: Uint8Array[] = [];
  const link = createLink({
    source,
    config,
    clock,
    silenceMs,
    onBytes: (b) => received.push(b),
    onState: (s) => states.push(s),
  });
  return { clock, api, link, states, received };
}

describe('link', () => {
  it('goes silent without frames and back to open when one arrives', () => {
    const { clock, api, link, states } = setup(3_000);
    link.start();
    api.emit({ status: 'open' });
    clock.advance(2_999);
    expect(link.state().status).toBe('open');
    clock.advance(1);
    expect(link.state().status).toBe('silent');
    expect(link.state().message).toMatch(/no frame for 3 s/);
    link.noteFrame();
    expect(link.state().status).toBe('open');
    expect(states.map((s) => s.status)).toEqual(['connecting', 'open', 'silent', 'open']);
  });

  it('reconnects a TCP link that stays silent for a second period (a half-open socket)', async () => {
    const { clock, api, link } = setup(3_000);
    link.start();
    api.emit({ status: 'open' });
    clock.advance(3_000);
    expect(link.state().status).toBe('silent');
    clock.advance(2_999);
    expect(link.state().status).toBe('silent');
    clock.advance(1);
    expect(link.state()).toMatchObject({ status: 'reconnecting', message: expect.stringMatching(/no frame for 6 s/) });
    clock.advance(500);
    await flush();
    expect(api.closes).toBe(1);
    expect(api.opens).toBe(2);
  });

  it('keeps a silent serial port open: reopening cannot make a meter push', () => {
    const { clock, api, link } = setup(3_000, { kind: 'serial', path: '/dev/ttyUSB0' });
    link.start();
    api.emit({ status: 'open' });
    clock.advance(60_000);
    expect(link.state().status).toBe('silent');
    expect(api.opens).toBe(1);
    link.noteFrame();
    expect(link.state().status).toBe('open');
  });

  it('frames keep it open; bytes record lastDataAt', () => {
    const { clock, api, link, received } = setup(3_000);
    link.start();
    api.emit({ status: 'open' });
    for (let i = 0; i < 5; i++) {
      clock.advance(2_000);
      api.data(new Uint8Array([1, 2]));
      link.noteFrame();
    }
    expect(link.state().status).toBe('open');
    expect(link.state().lastDataAt).toBe(clock.now());
    expect(received).toHaveLength(5);
  });

  it('reconnects with exponential backoff capped at the maximum, and resets after data', async () => {
    const { clock, api, link } = setup();
    link.start();
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      api.emit({ status: 'failed', message: 'ENOENT: /dev/ttyUSB0 not found' });
      const s = link.state();
      expect(s.status).toBe('reconnecting');
      expect(s.message).toBe('ENOENT: /dev/ttyUSB0 not found');
      delays.push(s.retryAt! - clock.now());
      clock.advance(s.retryAt! - clock.now());
      await flush();
      expect(api.opens).toBe(i + 2);
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 10000, 10000]);
    api.emit({ status: 'open' });
    api.data(new Uint8Array([0x2f]));
    api.emit({ status: 'closed', message: 'peer closed' });
    expect(link.state().retryAt! - clock.now()).toBe(500);
  });

  it('stops for good: no reconnect after stop, fatal errors and ended input do not retry', async () => {
    const { clock, api, link } = setup();
    link.start();
    api.emit({ status: 'closed', message: 'gone' });
    await link.stop();
    clock.advance(60_000);
    await flush();
    expect(api.opens).toBe(1);
    expect(link.state().status).toBe('idle');

    const b = setup();
    b.link.start();
    b.api.emit({ status: 'failed', message: 'ENOENT: x not found', fatal: true });
    expect(b.link.state()).toMatchObject({ status: 'error', message: 'ENOENT: x not found' });
    b.clock.advance(60_000);
    expect(b.api.opens).toBe(1);
  });
});
