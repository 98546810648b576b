/**
 * Frame-counter rules (LUX §3.2.5): the meter increments the counter after every frame, and only
 * a key change starts it again. So under one key the counter must strictly increase, per system
 * title; counter 0 after a higher one is a replay, not a reset (issue 9: otherwise frame 0 and then
 * every recorded frame of that key could be replayed). A new key starts a new sequence: the first
 * frame under it may be lower than the last one under the old key, and that is reported as a reset.
 * Only frames whose tag verified reach this tracker: anything else could be forged and must not move it.
 */

export type CounterVerdict =
  | { kind: 'first' } // nothing to compare with yet
  | { kind: 'next' } // last + 1
  | { kind: 'gap'; missed: number } // frames lost in between; reading delivered
  | { kind: 'reset'; last: number } // first frame under a new key, lower than the old key's last; reading delivered
  | { kind: 'replay'; last: number }; // not increasing under this key: no reading

export interface CounterTracker {
  /** Judges `counter` of `systemTitle` and, unless it is a replay, remembers it as the last one seen. */
  check(systemTitle: string, counter: number): CounterVerdict;
  /** A new key: a new sequence per system title (the old key's counters only explain a restart). */
  newKey(): void;
  /** The last counter per system title under the current key (what a host persists). */
  snapshot(): Record<string, number>;
}

const MAX_COUNTER = 0xffffffff;

/** The valid entries of persisted counters: upper-case system titles, 32-bit unsigned counters. */
export function sanitizeCounters(initial: Readonly<Record<string, unknown>> | undefined): Map<string, number> {
  const out = new Map<string, number>();
  if (initial === null || typeof initial !== 'object') return out;
  for (const [title, n] of Object.entries(initial)) {
    if (/^[0-9A-Fa-f]{16}$/.test(title) && typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_COUNTER) {
      out.set(title.toUpperCase(), n);
    }
  }
  return out;
}

/**
 * A tracker for one port's frame counters, starting from `initial` (persisted last counters of the
 * current key; entries that are not a 16-hex-digit title with a 32-bit counter are ignored).
 */
export function createCounterTracker(initial?: Readonly<Record<string, unknown>>): CounterTracker {
  let last = sanitizeCounters(initial);
  let previousKey = new Map<string, number>();
  return {
    check(systemTitle, counter) {
      const previous = last.get(systemTitle);
      if (previous === undefined) {
        last.set(systemTitle, counter);
        const old = previousKey.get(systemTitle);
        return old !== undefined && counter <= old ? { kind: 'reset', last: old } : { kind: 'first' };
      }
      if (counter <= previous) return { kind: 'replay', last: previous };
      last.set(systemTitle, counter);
      return counter === previous + 1 ? { kind: 'next' } : { kind: 'gap', missed: counter - previous - 1 };
    },
    newKey() {
      previousKey = last;
      last = new Map();
    },
    snapshot() {
      return Object.fromEntries(last);
    },
  };
}
