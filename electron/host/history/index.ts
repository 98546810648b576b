/**
 * The history recorder, for the host to wire in: `createLiveRecorder({ path: historyPath(dataDir) })`
 * (writes on a worker thread), then `record(reading)` for every verified telegram, `recordEvent` for
 * link losses and key changes, the queries for the views (types in contracts/history.ts), and
 * `await close()` on shutdown. `createRecorder` is the same, synchronous, for the CLI and tests.
 */
export { createLiveRecorder } from './live-recorder.ts';
export type { LiveRecorder, LiveRecorderOptions } from './live-recorder.ts';
export { createRecorder } from './recorder.ts';
export type { Recorder, RecorderOptions, RecordCounts, RecordOutcome } from './recorder.ts';
export { HistoryError, historyPath } from './store.ts';
export type { HistoryErrorCode } from './store.ts';
