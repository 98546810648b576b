/**
 * The live recorder's writer thread: owns the write connection, so a commit's fsync (milliseconds on
 * an SSD, far more on an SD card) never holds up the host's event loop. Messages are handled in the
 * order they were posted; the host's clock travels with each one.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ReadingRecord } from '../../../contracts/ipc.ts';
import type { HistoryEventKind } from '../../../contracts/history.ts';
import { createRecorder } from './recorder.ts';

export type WriterCommand =
  | { type: 'record'; reading: ReadingRecord }
  | { type: 'records'; readings: ReadingRecord[] } // a batch in one transaction (the demo's past)
  | { type: 'event'; event: { meterId: string; at: number; kind: HistoryEventKind; detail?: string } }
  | { type: 'flush'; id: number }
  | { type: 'close' };
export type WriterMessage = WriterCommand & { now: number };

export type WriterReply = { type: 'error'; code: string; message: string } | { type: 'flushed'; id: number } | { type: 'closed' };

export interface WriterData {
  path: string;
  now: number;
  detailRetentionDays?: number;
  maxBytes?: number;
}

const port = parentPort!;
const data = workerData as WriterData;
let now = data.now;
const reply = (r: WriterReply) => port.postMessage(r);
const recorder = createRecorder({
  path: data.path,
  detailRetentionDays: data.detailRetentionDays,
  maxBytes: data.maxBytes,
  clock: { now: () => now },
  onError: (e) => reply({ type: 'error', code: e.code, message: e.message }),
});

port.on('message', (m: WriterMessage) => {
  now = m.now;
  if (m.type === 'record') recorder.record(m.reading);
  else if (m.type === 'records') recorder.recordMany(m.readings);
  else if (m.type === 'event') recorder.recordEvent(m.event);
  else if (m.type === 'flush') reply({ type: 'flushed', id: m.id });
  else {
    recorder.close();
    reply({ type: 'closed' });
    port.close();
  }
});
