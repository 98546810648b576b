/**
 * WAL checkpoints off the request path. SQLite's automatic checkpoint runs inside whichever commit
 * crosses the threshold and fsyncs the WAL and the database file there, on the event loop: with
 * synchronous=NORMAL that one commit takes milliseconds to hundreds of milliseconds on a busy disk,
 * while the others take tens of microseconds, and every request queued behind it waits too. A worker
 * thread with its own connection runs PASSIVE checkpoints instead; PASSIVE never blocks the writer.
 *
 * SQLite rewinds the WAL only when a writer starts after a checkpoint that copied everything, so under
 * a sustained overload (commits landing during every checkpoint) the WAL keeps growing. The connection's
 * own auto-checkpoint therefore stays on as a backstop with a high threshold: it fires only then, or if
 * the worker died, and copies what the worker has not.
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
export function startCheckpointer(db: DatabaseSync, file: string, log: (line: string) => void = () => {}): Checkpointer {
  db.exec(`PRAGMA wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  const worker = new Worker(WORKER, { eval: true, workerData: { file, everyMs: EVERY_MS, catchUpMs: CATCH_UP_MS } });
  worker.unref(); // the HTTP server keeps the process alive, not this
  let exited = false;
  worker.on('error', (err) => log(`central: WAL checkpointer stopped (${err.message}); SQLite's own checkpoints take over`));
  worker.once('exit', () => {
    exited = true;
  });
  let stopping: Promise<void> | null = null;
  return {
    stop() {
      stopping ??= exited
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            worker.once('exit', () => resolve());
            worker.ref(); // keep the process up until the worker's connection is closed
            worker.postMessage('stop');
          });
      return stopping;
    },
  };
}
