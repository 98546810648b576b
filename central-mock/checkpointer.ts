/**
 * WAL checkpoints off the request path. SQLite's automatic checkpoint runs inside whichever commit
 * crosses the threshold and fsyncs the WAL and the database file there, on the event loop: with
 * synchronous=NORMAL that one commit takes milliseconds to hundreds of milliseconds on a busy disk,
 * while the others take tens of microseconds, and every request queued behind it waits too. A worker
 * thread with its own connection runs PASSIVE checkpoints instead; PASSIVE never blocks the writer.
 *
 * The connection's own auto-checkpoint stays on as a backstop with a high threshold: it only fires if
 * the worker falls behind (a sustained overload that never leaves the WAL fully copied, or a dead worker).
 */
import type { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';

const EVERY_MS = 200;
const BACKSTOP_PAGES = 10_000; // ~40 MiB of WAL
const CATCH_UP_MS = 10; // when a checkpoint could not copy everything (commits kept coming)

// Plain JS (an eval'd worker is CommonJS): no file to locate, whatever bundles this module.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.file);
db.exec('PRAGMA synchronous = NORMAL');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
let timer;
const tick = () => {
  let behind = false;
  try {
    const r = checkpoint.get();
    behind = r.busy === 0 && r.checkpointed < r.log;
  } catch {}
  timer = setTimeout(tick, behind ? workerData.catchUpMs : workerData.everyMs);
};
timer = setTimeout(tick, workerData.everyMs);
parentPort.on('message', () => {
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Stops the worker and closes its connection, so the caller's close is the last and tidies the WAL away. */
  stop(): Promise<void>;
}

/** Moves `db`'s WAL checkpoints (the file `file`) to a worker thread. */
export function startCheckpointer(db: DatabaseSync, file: string): Checkpointer {
  db.exec(`PRAGMA wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  const worker = new Worker(WORKER, { eval: true, workerData: { file, everyMs: EVERY_MS, catchUpMs: CATCH_UP_MS } });
  worker.unref(); // the HTTP server keeps the process alive, not this
  let failed = false;
  worker.on('error', () => {
    failed = true; // the backstop keeps the WAL bounded; nothing else depends on the worker
  });
  let stopping: Promise<void> | null = null;
  return {
    stop() {
      stopping ??= failed || worker.threadId === -1 ? Promise.resolve() : new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.ref(); // keep the process up until the worker's connection is closed
        worker.postMessage('stop');
      });
      return stopping;
    },
  };
}
