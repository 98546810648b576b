/**
 * Writes port bytes into the meter end of a pty pair, the way a meter keeps pushing through an
 * unplugged cable: a failed write drops that frame and the next write reopens the path. It has the
 * simulator's Sink shape, so `startSimulator({ sink })` can push through it.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { Sink } from '../../../central-mock/simulator/sinks.ts';

/** A reopening writer for `path` (opened lazily, on the first write). */
export function createPtyWriter(path: string): Sink {
  let handle: FileHandle | null = null;
  const drop = async () => {
    const h = handle;
    handle = null;
    await h?.close().catch(() => {});
  };
  return {
    description: `pty ${path}`,
    async write(bytes) {
      try {
        // O_NOCTTY: the test runner must never adopt the pty as its controlling terminal.
        handle ??= await open(path, constants.O_WRONLY | constants.O_NOCTTY);
        let done = 0;
        while (done < bytes.length) done += (await handle.write(bytes, done)).bytesWritten;
      } catch (err) {
        await drop();
        throw err;
      }
    },
    close: drop,
  };
}
