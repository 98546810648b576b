/**
 * Frame-counter rules (LUX §3.2.5): the meter increments the counter after every frame, and a key
 * change resets it to 0. Only frames whose tag verified reach this tracker: anything else could be
 * forged and must not move it.
 */

export type CounterVerdict =
  | { kind: 'first' } // nothing to compare with yet
  | { kind: 'next' } // last + 1
  | { kind: 'gap'; missed: number } // frames lost in between; reading delivered
  | { kind: 'reset'; last: number } // back to 0 after a higher counter; reading delivered
  | { kind: 'replay'; last: number }; // not increasing: no reading

export interface CounterTracker {
  /** Judges `counter` and, unless it is a replay, remembers it as the last one seen. */
  check(counter: number): CounterVerdict;
  /** Forgets the last counter (a new key starts a new sequence). */
  reset(): void;
}

/** A tracker for one meter's frame counters. */
export function createCounterTracker(): CounterTracker {
  let last: number | null = null;
  return {
    check(counter) {
      const previous = last;
      if (previous === null) {
        last = counter;
        return { kind: 'first' };
      }
      if (counter === 0 && previous > 0) {
        last = 0;
        return { kind: 'reset', last: previous };
      }
      if (counter <= previous) return { kind: 'replay', last: previous };
      last = counter;
      return counter === previous + 1 ? { kind: 'next' } : { kind: 'gap', missed: counter - previous - 1 };
    },
    reset() {
      last = null;
    },
  };
}
