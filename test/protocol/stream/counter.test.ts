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
  it('judges counters per system title: first, next, gap, replay; 0 after a higher counter is a replay', () => {
    const t = createCounterTracker();
    expect([5, 6, 9, 9, 7, 0, 1, 10].map((c) => t.check('A', c))).toEqual([
      { kind: 'first' },
      { kind: 'next' },
      { kind: 'gap', missed: 2 },
      { kind: 'replay', last: 9 },
      { kind: 'replay', last: 9 },
      { kind: 'replay', last: 9 },
      { kind: 'replay', last: 9 },
      { kind: 'next' },
    ]);
    expect(t.check('B', 3)).toEqual({ kind: 'first' }); // another meter on the same key has its own sequence
    expect(t.snapshot()).toEqual({ A: 10, B: 3 });
    t.newKey();
    expect(t.check('A', 0)).toEqual({ kind: 'reset', last: 10 });
    expect(t.check('A', 0)).toEqual({ kind: 'replay', last: 0 });
    expect(t.check('B', 4)).toEqual({ kind: 'first' }); // higher than under the old key: nothing to report
  });

  it('starts from persisted counters and ignores entries that are not a title with a 32-bit counter', () => {
    const t = createCounterTracker({ '534147677001bd54': 7, NOTATITLE: 3, '5341476770010000': -1, '5341476770010001': 2 ** 32 });
    expect(t.snapshot()).toEqual({ '534147677001BD54': 7 });
    expect(t.check('534147677001BD54', 7)).toEqual({ kind: 'replay', last: 7 });
    expect(t.check('534147677001BD54', 8)).toEqual({ kind: 'next' });
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

  it('counter 0 after a higher counter under one key is a REPLAY, and so is every recorded frame after it (issue 9)', () => {
    const events = feed(createStreamDecoder({ key }), frames(10, 0, 1, 9, 11));
    expect(summary(events)).toEqual(['telegram:10', 'error:REPLAY:0', 'error:REPLAY:1', 'error:REPLAY:9', 'telegram:11']);
  });

  it('a new key starts a new sequence: its first frame may be lower (COUNTER_RESET), and the reading is delivered', () => {
    const other = new Uint8Array(16).fill(0x33);
    const d = createStreamDecoder({ key });
    expect(summary(feed(d, frames(10)))).toEqual(['telegram:10']);
    d.setKey(other);
    const underNew = encryptFrame({ key: other, systemTitle, frameCounter: 0, plaintext });
    const events = feed(d, concatBytes(underNew, underNew));
    expect(summary(events)).toEqual(['warning:COUNTER_RESET:0', 'telegram:0', 'error:REPLAY:0']);
    expect(events[0]!.type === 'warning' && events[0]!.message).toMatch(/restarted at 0 under the new key \(last under the old key: 10\)/);
  });

  it('the persistence hook: counters() reports the last counter per title, and a decoder created with them refuses replays', () => {
    const d = createStreamDecoder({ key });
    feed(d, frames(4, 5));
    const saved = d.counters();
    expect(saved).toEqual({ '4141414141414141': 5 });
    const restarted = createStreamDecoder({ key, counters: saved });
    expect(summary(feed(restarted, frames(0, 5, 6)))).toEqual(['error:REPLAY:0', 'error:REPLAY:5', 'telegram:6']);
    expect(restarted.counters()).toEqual({ '4141414141414141': 6 });
  });

  it('frames that fail their tag do not move the counter', () => {
    const forged = encryptFrame({ key: new Uint8Array(16), systemTitle, frameCounter: 100, plaintext });
    const events = feed(createStreamDecoder({ key }), concatBytes(frames(1), forged, frames(2)));
    expect(summary(events)).toEqual(['telegram:1', 'error:AUTH_FAILED:100', 'telegram:2']);
  });

  it('setKey() with the same key keeps the sequence; a missing key gives NO_KEY and no tracking', () => {
    const d = createStreamDecoder({ key });
    expect(summary(feed(d, frames(7)))).toEqual(['telegram:7']);
    d.setKey(key.slice()); // the same key again (e.g. re-saved settings) is no licence to replay
    expect(summary(feed(d, frames(3)))).toEqual(['error:REPLAY:3']);
    d.setKey(null);
    expect(summary(feed(d, frames(1)))).toEqual(['error:NO_KEY:1']);
    expect(d.counters()).toEqual({});
  });

  it('setKey() with an AAD switches the AAD; without one it keeps the current AAD', () => {
    const aad = new Uint8Array(0);
    const noAad = encryptFrame({ key, systemTitle, frameCounter: 1, plaintext, aad });
    const d = createStreamDecoder({ key });
    expect(summary(feed(d, noAad))).toEqual(['error:AUTH_FAILED:1']);
    d.setKey(key, aad);
    expect(summary(feed(d, noAad))).toEqual(['telegram:1']);
    d.setKey(key);
    const next = encryptFrame({ key, systemTitle, frameCounter: 2, plaintext, aad });
    expect(summary(feed(d, next))).toEqual(['telegram:2']);
  });
});
