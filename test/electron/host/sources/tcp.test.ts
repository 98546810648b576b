import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type Harness } from '../host-harness.ts';
import { NEXXT_KEY, nexxtFrame } from '../vectors.ts';

let server: Server | null = null;
let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = null;
});

describe('TCP source through the host', () => {
  it('reads frames, reports a drop as reconnecting, and recovers on its own', async () => {
    const accepted = connections();
    server = createServer(accepted.add);
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    h = await startHost();
    expect((await h.host.handle('key:set', { hex: NEXXT_KEY })).ok).toBe(true);
    const set = await h.host.handle('source:set', { kind: 'tcp', host: '127.0.0.1', port });
    expect(set.ok).toBe(true);
    await h.next('meter:link', (s) => s.status === 'open');
    const first = await accepted.next();
    first.write(nexxtFrame());
    const reading = await h.next('meter:reading');
    expect(reading.encrypted).toBe(true);

    const mark = h.events.length;
    first.destroy();
    const down = await h.next('meter:link', (s) => s.status === 'reconnecting', mark);
    expect(down.retryAt).toBeGreaterThan(down.since - 1);
    expect(down.message).toBeTruthy();
    await h.next('meter:link', (s) => s.status === 'open', mark);
    const second = await accepted.next();
    // The replayed frame has the same counter: the decoder calls it a replay, which proves the link carries bytes again.
    second.write(nexxtFrame());
    const again = await h.next('meter:frame', () => true, mark);
    expect(again.status).toBe('REPLAY');
  });

  it('a refused connection gives a one-line message and keeps retrying', async () => {
    server = createServer();
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((r) => server!.close(() => r()));
    server = null;
    h = await startHost();
    await h.host.handle('source:set', { kind: 'tcp', host: '127.0.0.1', port });
    const s = await h.next('meter:link', (x) => x.status === 'reconnecting');
    expect(s.message).toMatch(/^ECONNREFUSED: nothing listens on 127\.0\.0\.1:\d+$/);
    await h.next('meter:link', (x) => x.status === 'connecting', h.events.indexOf(h.events.find((e) => e.payload === s)!) + 1);
  });
});

/** Accepted sockets as a queue the test awaits, in order. */
function connections() {
  const queue: Socket[] = [];
  const waiting: ((s: Socket) => void)[] = [];
  return {
    add: (s: Socket) => (waiting.length ? waiting.shift()!(s) : queue.push(s)),
    next: () => new Promise<Socket>((resolve) => (queue.length ? resolve(queue.shift()!) : waiting.push(resolve))),
  };
}
