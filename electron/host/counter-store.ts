/**
 * The last frame counter per system title, per key, kept across restarts (issue 9, "Replay after a
 * counter reset"): under one key the counter must strictly increase, so after a restart a recorded
 * frame replayed on the line is still a REPLAY. Keys are named by a fingerprint (SHA-256, first 8
 * bytes), never stored. Writes are whole-file and coalesced: one in flight, the newest waiting.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { keepBadCopy, readTextIfExists, writeFileAtomic } from './atomic-file.ts';

type Counters = Record<string, number>;
interface CounterFile {
  version: 1;
  keys: Record<string, Counters>; // fingerprint → system title → last counter
}

const MAX_KEYS = 8; // a rotated key's counters are kept a while, in case it comes back

/** A key's fingerprint: enough to tell keys apart, nothing to recover one from. */
export function keyFingerprint(key: Uint8Array): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export interface CounterStore {
  /** Reads the file; a warning (kept as .bad) when it cannot be used. */
  load(): Promise<string | null>;
  get(key: Uint8Array | null): Counters | undefined;
  /** Records `counters` for `key` and writes them soon; a failed write is reported to `onError`. */
  save(key: Uint8Array, counters: Counters): void;
  flush(): Promise<void>;
}

export function createCounterStore(path: string | null, onError: (message: string) => void): CounterStore {
  const file: CounterFile = { version: 1, keys: {} };
  let writing: Promise<void> | null = null;
  let dirty = false;

  function isCounters(v: unknown): v is Counters {
    return (
      typeof v === 'object' &&
      v !== null &&
      Object.entries(v).every(([t, n]) => /^[0-9A-F]{16}$/.test(t) && Number.isSafeInteger(n) && (n as number) >= 0)
    );
  }

  async function write(): Promise<void> {
    while (dirty && path !== null) {
      dirty = false;
      try {
        await writeFileAtomic(path, `${JSON.stringify(file)}\n`, 0o600);
      } catch (err) {
        onError(`counters: could not save ${basename(path)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
    }
    writing = null;
  }

  return {
    async load() {
      if (path === null) return null;
      const text = await readTextIfExists(path);
      if (text === null) return null;
      try {
        const raw = JSON.parse(text) as CounterFile;
        if (raw?.version !== 1 || typeof raw.keys !== 'object' || raw.keys === null) throw new Error('shape');
        for (const [fp, c] of Object.entries(raw.keys)) if (/^[0-9a-f]{16}$/.test(fp) && isCounters(c)) file.keys[fp] = c;
        return null;
      } catch {
        await keepBadCopy(path);
        return `counters: ${path} could not be read; kept a copy as ${basename(path)}.bad (replays are still refused within this run)`;
      }
    },
    get: (key) => (key === null ? undefined : file.keys[keyFingerprint(key)]),
    save(key, counters) {
      const fp = keyFingerprint(key);
      // The newest key last, so the oldest is the first to go.
      delete file.keys[fp];
      file.keys[fp] = { ...counters };
      const fps = Object.keys(file.keys);
      for (const old of fps.slice(0, Math.max(0, fps.length - MAX_KEYS))) delete file.keys[old];
      dirty = true;
      writing ??= write();
    },
    flush: () => writing ?? Promise.resolve(),
  };
}
