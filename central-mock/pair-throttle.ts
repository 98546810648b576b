/**
 * Who may try pairing codes, and how fast. A lock per meter let anyone lock any household out of its
 * own meter for 15 minutes, renewably, with 5 wrong codes; so the hard limit is per client address
 * instead, and a meter under attack only slows down:
 *
 * - an address (IPv4, or the /64 of IPv6) with 5 wrong codes within 15 minutes, on any meters, is
 *   refused (429 LOCKED) until 15 minutes after its 5th; this never touches other addresses;
 * - a meter reference with 5 or more wrong codes within 15 minutes, from anywhere, answers every
 *   attempt (the right code too, so timing tells nothing) after a delay of 250 ms per failure beyond
 *   the 4th, at most 5 s: a distributed guesser is slowed, the household still pairs;
 * - the right code clears its address's and its reference's counts.
 *
 * Codes carry 60 bits: 5 guesses per address per 15 minutes leave a million addresses about 2^-36
 * of a chance per day. Unknown meters are counted like known ones, so the answers never tell whether
 * a meter id exists. The counts live in memory (bounded), a restart forgets them.
 */

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
const STEP_MS = 250;
const MAX_DELAY_MS = 5_000;
const MAX_ENTRIES = 100_000;

interface Count {
  failures: number;
  since: number; // first failure of the window
  lockedUntil: number; // 0 when not locked
}

export type Gate = { kind: 'open'; attemptsLeft: number } | { kind: 'locked'; lockedUntil: number };

/** The key of a client address: IPv4 as is (also when IPv4-mapped), IPv6 by its /64. */
export function addressKey(address: string | undefined): string {
  if (!address) return '?';
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (v4) return v4[1]!;
  const parts = address.toLowerCase().split('::');
  const head = parts[0]!.split(':').filter((p) => p !== '');
  const tail = parts.length > 1 ? parts[1]!.split(':').filter((p) => p !== '') : [];
  const full = [...head, ...Array<string>(Math.max(0, 8 - head.length - tail.length)).fill('0'), ...tail];
  return `${full.slice(0, 4).join(':')}::/64`;
}

export function createPairThrottle(now: () => number) {
  const addresses = new Map<string, Count>();
  const refs = new Map<string, Count>();

  function current(map: Map<string, Count>, key: string): Count | undefined {
    const c = map.get(key);
    if (c === undefined) return undefined;
    const t = now();
    if (c.lockedUntil > 0 ? t >= c.lockedUntil : t - c.since >= WINDOW_MS) {
      map.delete(key);
      return undefined;
    }
    return c;
  }

  function bump(map: Map<string, Count>, key: string): Count {
    const c = current(map, key) ?? { failures: 0, since: now(), lockedUntil: 0 };
    c.failures++;
    map.delete(key); // re-inserted last: the map's order is oldest activity first
    map.set(key, c);
    if (map.size > MAX_ENTRIES) {
      for (const k of map.keys()) {
        if (map.size <= MAX_ENTRIES * 0.9) break;
        map.delete(k);
      }
    }
    return c;
  }

  return {
    /** Whether `client` may try a code now. */
    gate(client: string): Gate {
      const c = current(addresses, client);
      if (c && c.lockedUntil > 0) return { kind: 'locked', lockedUntil: c.lockedUntil };
      return { kind: 'open', attemptsLeft: MAX_FAILURES - (c?.failures ?? 0) };
    },
    /** How long to hold the answer of an attempt on `ref` (before counting this one). */
    delayMs(ref: string): number {
      const f = current(refs, ref)?.failures ?? 0;
      return f < MAX_FAILURES ? 0 : Math.min(MAX_DELAY_MS, (f - MAX_FAILURES + 1) * STEP_MS);
    },
    /** Counts a wrong code; the gate for `client` afterwards. */
    failed(client: string, ref: string): Gate {
      bump(refs, ref);
      const c = bump(addresses, client);
      if (c.failures >= MAX_FAILURES) {
        c.lockedUntil = now() + WINDOW_MS;
        return { kind: 'locked', lockedUntil: c.lockedUntil };
      }
      return { kind: 'open', attemptsLeft: MAX_FAILURES - c.failures };
    },
    succeeded(client: string, ref: string): void {
      addresses.delete(client);
      refs.delete(ref);
    },
  };
}

export type PairThrottle = ReturnType<typeof createPairThrottle>;
