import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../../protocol/bytes.ts';
import { encryptFrame } from '../../../protocol/frame/codec.ts';
import { createCounterTracker } from '../../../protocol/stream/counter.ts';
import { createStreamDecoder } from '../../../protocol/stream/decoder.ts';
import { vectorBytes } from '../frame/vectors.ts';
import { feed, summary } from './feed.ts';

const key = new Uint8Array(16).fill(0x5a);
const plaintext = vectorBytes('smarty_nexxtlab_decrypted.txt');
const systemTitle = new Uint8Array(8).fill(0x41);
const frames = (...counters: number[]) =>
  concatBytes(...counters.map((frameCounter) => encryptFrame({ key, systemTitle, frameCounter, plaintext })));

describe('frame counter tracking', () => {
  it('judges counters: first, next, gap, reset to 0, replay', () => {
    const t = createCounterTracker();
    expect([5, 6, 9, 9, 7, 0, 1].map((c) => t.check(c))).toEqual([
      { kind: 'first' },
      { kind: 'next' },
      { kind: 'gap', missed: 2 },
      { kind: 'replay', last: 9 },
      { kind: 'replay', last: 9 },
      { kind: 'reset', last: 9 },
      { kind: 'next' },
    ]);
    t.reset();
    expect(t.check(3)).toEqual({ kind: 'first' });
  });

  it('a repeated or older counter is REPLAY with no reading', () => {
    const events = feed(createStreamDecoder({ key }), frames(1, 2, 2, 1, 3));
    expect(summary(events)).toEqual(['telegram:1', 'telegram:2', 'error:REPLAY:2', 'error:REPLAY:1', 'telegram:3']);
    expect(events[2]!.type === 'error' && events[2]!.message).toMatch(/does not increase/);
  });

  it('missed frames give COUNTER_GAP with how many, and the reading is delivered', () => {
    const events = feed(createStreamDecoder({ key }), frames(1, 5));
    expect(summary(events)).toEqual(['telegram:1', 'warning:COUNTER_GAP:5', 'telegram:5']);
    expect(events[1]!.type === 'warning' && events[1]!.missed).toBe(3);
  });

  it('a reset to 0 after a higher counter gives COUNTER_RESET, and the reading is delivered', () => {
    expect(summary(feed(createStreamDecoder({ key }), frames(10, 0, 1)))).toEqual([
      'telegram:10',
      'warning:COUNTER_RESET:0',
      'telegram:0',
      'telegram:1',
    ]);
  });

  it('frames that fail their tag do not move the counter', () => {
    const forged = encryptFrame({ key: new Uint8Array(16), systemTitle, frameCounter: 100, plaintext });
    const events = feed(createStreamDecoder({ key }), concatBytes(frames(1), forged, frames(2)));
    expect(summary(events)).toEqual(['telegram:1', 'error:AUTH_FAILED:100', 'telegram:2']);
  });

  it('setKey() starts a new sequence; a missing key gives NO_KEY and no tracking', () => {
    const d = createStreamDecoder({ key });
    expect(summary(feed(d, frames(7)))).toEqual(['telegram:7']);
    d.setKey(key);
    expect(summary(feed(d, frames(3)))).toEqual(['telegram:3']);
    d.setKey(null);
    expect(summary(feed(d, frames(1)))).toEqual(['error:NO_KEY:1']);
    d.setKey(key);
    expect(summary(feed(d, frames(1)))).toEqual(['telegram:1']);
  });

  it('setKey() with an AAD switches the AAD; without one it keeps the current AAD', () => {
    const aad = new Uint8Array(0);
    const noAad = encryptFrame({ key, systemTitle, frameCounter: 1, plaintext, aad });
    const d = createStreamDecoder({ key });
    expect(summary(feed(d, noAad))).toEqual(['error:AUTH_FAILED:1']);
    d.setKey(key, aad);
    expect(summary(feed(d, noAad))).toEqual(['telegram:1']);
    d.setKey(key);
    expect(summary(feed(d, noAad))).toEqual(['telegram:1']);
  });
});
