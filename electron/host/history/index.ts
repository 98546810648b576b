/**
 * The history recorder, for the host to wire in: `createRecorder({ path: historyPath(dataDir) })`,
 * then `record(reading)` for every verified telegram, `recordEvent` for link losses and key changes,
 * the queries for the views (types in contracts/history.ts), `close()` on shutdown.
 */
export { createRecorder } from './recorder.ts';
export type { Recorder, RecorderOptions, RecordCounts, RecordOutcome } from './recorder.ts';
export { HistoryError, historyPath } from './store.ts';
export type { HistoryErrorCode } from './store.ts';
