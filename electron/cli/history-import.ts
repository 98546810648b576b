/**
 * `luxp1 history import`: port dumps and captures through the same input handling and stream
 * decoder as `luxp1 decode`, into the recorder in batches (one transaction each). Idempotent:
 * telegrams are placed by their own timestamp, so a second import finds them all stored.
 */
import { statSync } from 'node:fs';
import type { ReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { ReadingRecord } from '../../contracts/ipc.ts';
import { createStreamDecoder } from '../../protocol/index.ts';
import type { ErrorCode } from '../../protocol/types.ts';
import { createRecorder } from '../host/history/recorder.ts';
import type { RecordCounts } from '../host/history/recorder.ts';
import { HistoryError, historyPath } from '../host/history/store.ts';
import { decodeInput, openInput, resolveKey, UsageError } from './decode.ts';
import type { DecodeSink } from './decode.ts';
import { dataDir, parseFlags } from './history.ts';

const BATCH = 5_000;

/** A progress bar on stderr, only when it is a terminal. */
function progress(total: number, done: () => number, telegrams: () => number) {
  if (!process.stderr.isTTY) return { stop() {} };
  const draw = () => {
    const d = done();
    const share = total > 0 ? Math.min(1, d / total) : 0;
    const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '-');
    const mb = (n: number) => (n / 1e6).toFixed(1);
    process.stderr.write(`\r[${bar}] ${Math.round(share * 100)}% ${mb(d)}/${mb(total)} MB, ${telegrams()} telegrams`);
  };
  const timer = setInterval(draw, 250);
  return {
    stop() {
      clearInterval(timer);
      draw();
      process.stderr.write('\n');
    },
  };
}

export async function runImport(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, { key: { type: 'string' }, 'key-file': { type: 'string' } });
  const dir = dataDir(values.data);
  const key = await resolveKey(values.key as string | undefined, values['key-file'] as string | undefined);
  if (positionals.length === 0) throw new UsageError('expected at least one FILE to import');
  if (positionals.filter((f) => f === '-').length > 1) throw new UsageError("stdin ('-') can be read only once");
  // Open every file before importing anything: a typo in the third name leaves no half import.
  const inputs: { name: string; stream: Readable; size: number }[] = [];
  for (const name of positionals) {
    const stream = await openInput(name === '-' ? null : name);
    inputs.push({ name, stream, size: name === '-' ? 0 : statSync(name).size });
  }
  let recorder: ReturnType<typeof createRecorder>;
  const failures: HistoryError[] = [];
  try {
    recorder = createRecorder({ path: historyPath(dir), onError: (e) => failures.push(e) });
  } catch (err) {
    for (const input of inputs) input.stream.destroy();
    if (err instanceof HistoryError) throw new UsageError(err.message);
    throw err;
  }

  const counts: RecordCounts = { stored: 0, duplicate: 0, expired: 0, 'no-time': 0, future: 0, failed: 0 };
  const rejected: Partial<Record<ErrorCode, number>> = {};
  let telegrams = 0;
  let finished = 0;
  let current: Readable | null = null;
  const pending: ReadingRecord[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const c = recorder.recordMany(pending);
    for (const k of Object.keys(counts) as (keyof RecordCounts)[]) counts[k] += c[k];
    pending.length = 0;
  };
  const sink: DecodeSink = {
    get closed() {
      return failures.length > 0;
    },
    async write(events, extra = []) {
      for (const e of events) {
        if (e.type === 'telegram') {
          telegrams++;
          // No host receive time in a dump: the telegram's own timestamp places it.
          pending.push({ receivedAt: Number.NaN, encrypted: e.encrypted, frame: e.frame, telegram: e.telegram });
        } else if (e.type === 'error') rejected[e.code] = (rejected[e.code] ?? 0) + 1;
      }
      if (extra.length > 0) rejected.MALFORMED = (rejected.MALFORMED ?? 0) + extra.length;
      if (pending.length >= BATCH) flush();
    },
  };
  const total = inputs.reduce((s, i) => s + i.size, 0);
  const bar = progress(
    total,
    () => finished + ((current as ReadStream | null)?.bytesRead ?? 0),
    () => telegrams,
  );
  try {
    for (const input of inputs) {
      current = input.stream;
      await decodeInput(input.stream, createStreamDecoder({ key }), sink);
      flush();
      finished += input.size;
      current = null;
      if (failures.length > 0) break;
    }
  } catch (err) {
    bar.stop();
    recorder.close();
    process.stderr.write(`luxp1 history: reading input failed: ${(err as Error).message}\n`);
    return 1;
  }
  bar.stop();
  recorder.close();
  if (failures.length > 0) {
    process.stderr.write(`luxp1 history: ${failures[0]!.message}\n`);
    return 1;
  }
  const bad = Object.values(rejected).reduce((s, n) => s + n, 0);
  if (telegrams === 0 && (rejected.AUTH_FAILED ?? 0) > 0) {
    throw new UsageError(`no telegram could be read: ${rejected.AUTH_FAILED} frame(s) failed authentication (wrong key?)`);
  }
  if (telegrams === 0 && (rejected.NO_KEY ?? 0) > 0) {
    throw new UsageError("the frames are encrypted: give the meter's key with --key, --key-file or LUXP1_KEY");
  }
  const why = Object.entries(rejected)
    .map(([code, n]) => `${n} ${code}`)
    .join(', ');
  process.stdout.write(
    `imported ${telegrams} telegrams from ${inputs.length} file(s) into ${historyPath(dir)}: ${counts.stored} new, ` +
      `${counts.duplicate} already stored, ${counts.expired} older than the kept 10-s detail, ${counts['no-time']} without a time, ${counts.future} stamped in the future; ` +
      `${bad} frame(s) rejected${bad > 0 ? ` (${why})` : ''}\n`,
  );
  return 0;
}
