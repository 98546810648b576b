/**
 * Where the host keeps its files. One data directory (Electron's userData, or `--data` in browser
 * mode); every file the host writes lives directly in it.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface DataPaths {
  dir: string;
  settings: string; // settings.json: source, central URL, tuning; never key material
  key: string; // key.json: the meter key, sealed or mode 0600
  messages: string; // messages.json: the text-message inbox, kept across restarts
  counters: string; // counters.json: the last frame counter per system title, per key (by fingerprint, never the key)
}

/** Paths inside `dir`. */
export function dataPaths(dir: string): DataPaths {
  return {
    dir,
    settings: join(dir, 'settings.json'),
    key: join(dir, 'key.json'),
    messages: join(dir, 'messages.json'),
    counters: join(dir, 'counters.json'),
  };
}

/** The data directory when no shell chose one: $LUXP1_DATA, else ~/.luxp1. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.LUXP1_DATA || join(homedir(), '.luxp1');
}
