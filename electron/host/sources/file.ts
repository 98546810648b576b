/**
 * Replays a file as if it came off the port: a LuxP1 capture (electron/host/capture.ts, one frame
 * per line with its receive time) at the recorded pace divided by `speed`, or any other file as
 * raw bytes in serial-sized chunks. `speed` 0 means no pauses at all.
 */
import { readFile } from 'node:fs/promises';
import type { Clock } from '../clock.ts';
import { readCaptureFrames } from '../capture-read.ts';
import type { Source } from './source.ts';

const RAW_CHUNK = 256; // about what a USB serial adapter hands over at once
const RAW_CHUNK_MS = 22; // 256 bytes at 115200 baud (10 bits per byte)

interface Step {
  delayMs: number;
  bytes: Uint8Array;
}

function rawSteps(data: Uint8Array, speed: number): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < data.length; i += RAW_CHUNK) {
    steps.push({ delayMs: speed > 0 && i > 0 ? RAW_CHUNK_MS / speed : 0, bytes: data.subarray(i, i + RAW_CHUNK) });
  }
  return steps;
}

/** File source; `clock` paces the replay, so tests can run it on a fake clock. */
export function createFileSource(path: string, speed: number, clock: Clock): Source {
  let timer: unknown = null;
  let cancelled = false;

  return {
    label: path,
    open(onBytes, onState) {
      cancelled = false;
      void (async () => {
        let data: Buffer;
        try {
          data = await readFile(path);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code ?? 'ERROR';
          onState({ status: 'failed', message: code === 'ENOENT' ? `ENOENT: ${path} not found` : `${code}: ${path}`, fatal: true });
          return;
        }
        if (cancelled) return;
        const capture = readCaptureFrames(data);
        const steps: Step[] = capture
          ? capture.map((f, i) => ({ delayMs: speed > 0 && i > 0 ? Math.max(0, f.at - capture[i - 1]!.at) / speed : 0, bytes: f.bytes }))
          : rawSteps(new Uint8Array(data.buffer, data.byteOffset, data.length), speed);
        onState({ status: 'open' });
        let i = 0;
        const next = (): void => {
          timer = null;
          if (cancelled) return;
          if (i >= steps.length) {
            onState({
              status: 'ended',
              message: `replay of ${path} finished (${capture ? `${steps.length} frames` : `${data.length} bytes`})`,
            });
            return;
          }
          onBytes(steps[i++]!.bytes);
          // Even at speed 0, yield between steps so a long file does not block the event loop.
          timer = clock.setTimeout(next, steps[i]?.delayMs ?? 0);
        };
        timer = clock.setTimeout(next, 0);
      })();
    },
    async close() {
      cancelled = true;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
    },
  };
}
