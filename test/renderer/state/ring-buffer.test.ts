// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createRingBuffer } from '../../../renderer/state/ring-buffer.ts';

describe('createRingBuffer', () => {
  it('keeps the newest items, oldest first, once past capacity', () => {
    const ring = createRingBuffer<number>(3);
    for (let i = 1; i <= 7; i++) ring.push(i);
    expect(ring.toArray()).toEqual([5, 6, 7]);
    expect(ring.size).toBe(3);
  });

  it('drops from the oldest end while the predicate holds', () => {
    const ring = createRingBuffer<number>(5);
    [1, 2, 3, 10, 4].forEach((n) => ring.push(n));
    ring.dropWhile((n) => n < 3);
    expect(ring.toArray()).toEqual([3, 10, 4]);
    ring.push(5);
    ring.push(6);
    ring.push(7);
    expect(ring.toArray()).toEqual([10, 4, 5, 6, 7]);
  });

  it('returns a new array each time and rejects a capacity below 1', () => {
    const ring = createRingBuffer<number>(2);
    ring.push(1);
    expect(ring.toArray()).not.toBe(ring.toArray());
    expect(() => createRingBuffer(0)).toThrow(RangeError);
  });
});
