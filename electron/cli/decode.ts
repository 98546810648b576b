/**
 * `luxp1 decode [--key-file PATH | --key HEX] [--aad HEX] [--plain P] [--no-crc] [--raw] [FILE|-]`: raw port bytes (or a LuxP1 capture) in,
 * one NDJSON record per telegram or problem out, in stream order (shapes: protocol/records.ts).
 * Rejected frames are records, not failures: the exit code is 0 unless an argument is bad or FILE
 * cannot be opened (2), or reading fails midway (1).
 */
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { aadFromAuthKey, createStreamDecoder, LUX_AUTH_KEY, parseHex, toRecord } from '../../protocol/index.ts';
import type { DecoderEvent, PlainPolicy, StreamDecoder } from '../../protocol/index.ts';
import { isCaptureStart, parseCaptureLine } from '../host/capture.ts';

const USAGE = `usage: luxp1 decode [--key-file PATH | --key HEX] [--aad HEX] [--plain P] [--no-crc] [--raw] [FILE|-]

Decodes a Smarty P1 byte stream (encrypted frames and/or plain telegrams) or a LuxP1 capture
from FILE, or from stdin when FILE is '-' or missing, and writes one JSON record per line.

  --key-file PATH  a file holding the meter's 16-byte key, 32 hex digits (whitespace ignored)
  LUXP1_KEY=HEX    the key from the environment, when neither --key-file nor --key is given
  --key HEX        the key on the command line: least safe, every local user can read it
                   (in /proc/PID/cmdline); prefer --key-file or LUXP1_KEY
  --aad HEX        16 bytes: an authentication key (AAD = 30 ‖ it); 17 bytes starting 30: the
                   whole AAD; '' for no AAD. Default: 30 00112233445566778899AABBCCDDEEFF
  --plain P        plain (unencrypted) telegrams: auto (default: refused once an encrypted frame
                   has verified, PLAIN_REFUSED), accept, or refuse
  --no-crc         also read telegrams without a CRC (DSMR 2.2/3.0); never verified
  --raw            add "rawHex", the frame's bytes, to every telegram and error record
  -h, --help       show this help

Exit codes: 0 input decoded (rejected frames are reported as records), 1 reading the input
failed midway, 2 bad argument or a FILE that cannot be opened.`;

export class UsageError extends Error {}

interface Settings {
  key: string | undefined; // --key, as typed
  keyFile: string | undefined; // --key-file: read in main() by resolveKey
  aad: Uint8Array | undefined;
  plain: PlainPolicy;
  noCrc: boolean;
  withRaw: boolean;
  file: string | null; // null: stdin
  help: boolean;
}

/** `hex` as a meter key; `source` names where it came from (never the key itself) in errors. */
export function parseKey(hex: string | undefined, source = '--key'): Uint8Array | null {
  if (hex === undefined) return null;
  const key = /^[0-9a-fA-F]{32}$/.test(hex) ? parseHex(hex) : null;
  if (key === null) throw new UsageError(`${source} must be 32 hex digits (the meter's 16-byte key), got ${hex.length} character(s)`);
  if (key.every((b, i) => b === LUX_AUTH_KEY[i])) {
    throw new UsageError(
      `${source}: 00112233…EEFF is the published authentication key (the AAD), not your meter's key; ask your grid operator for the meter's key`,
    );
  }
  return key;
}

/**
 * The key in a key file: 32 hex digits, any whitespace around or between them ignored. A file that
 * other users may read is still used (the user asked for it), with a one-line warning on stderr.
 */
export async function readKeyFile(path: string): Promise<Uint8Array> {
  let text: string;
  let shared = false;
  try {
    const info = await stat(path);
    if (info.size > 4096) throw Object.assign(new Error('too large'), { code: 'EFBIG' });
    text = await readFile(path, 'latin1');
    shared = info.isFile() && (info.mode & 0o077) !== 0;
  } catch (err) {
    throw new UsageError(`cannot read key file ${JSON.stringify(path)}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const key = parseKey(text.replace(/\s+/g, ''), `--key-file ${JSON.stringify(path)}`)!;
  if (shared) process.stderr.write(`luxp1 decode: warning: key file ${JSON.stringify(path)} can be read by other users; chmod 600 it\n`);
  return key;
}

const POLICIES: readonly PlainPolicy[] = ['auto', 'accept', 'refuse'];

function parsePlain(value: string | undefined): PlainPolicy {
  if (value === undefined) return 'auto';
  if (!(POLICIES as readonly string[]).includes(value))
    throw new UsageError(`--plain must be auto, accept or refuse, got ${JSON.stringify(value)}`);
  return value as PlainPolicy;
}

function parseAad(hex: string | undefined): Uint8Array | undefined {
  if (hex === undefined) return undefined;
  const bytes = parseHex(hex);
  if (bytes === null) throw new UsageError('--aad must be hex digits (an even number of them)');
  if (bytes.length === 0) return bytes;
  if (bytes.length === 16) return aadFromAuthKey(bytes);
  if (bytes.length === 17 && bytes[0] === 0x30) return bytes;
  throw new UsageError(`--aad must be 16 bytes (authentication key), 17 bytes starting 30 (whole AAD) or empty, got ${bytes.length} bytes`);
}

function parseSettings(argv: string[]): Settings {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  return settingsFrom(parsed);
}

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      key: { type: 'string' },
      'key-file': { type: 'string' },
      aad: { type: 'string' },
      plain: { type: 'string' },
      'no-crc': { type: 'boolean' },
      raw: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/**
 * The meter key from `--key-file`, `--key` or `$LUXP1_KEY` (the options exclude each other; the
 * environment counts only when neither is given). Shared by `decode` and `history import`.
 */
export async function resolveKey(key: string | undefined, keyFile: string | undefined): Promise<Uint8Array | null> {
  if (key !== undefined && keyFile !== undefined) throw new UsageError('give --key-file or --key, not both');
  if (keyFile !== undefined) return readKeyFile(keyFile);
  if (key !== undefined) return parseKey(key);
  const env = process.env.LUXP1_KEY?.trim();
  return env ? parseKey(env, 'LUXP1_KEY') : null;
}

function settingsFrom(parsed: ReturnType<typeof parseOptions>): Settings {
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`expected at most one FILE, got ${positionals.length}`);
  const file = positionals[0] === undefined || positionals[0] === '-' ? null : positionals[0];
  return {
    key: values.key,
    keyFile: values['key-file'],
    aad: parseAad(values.aad),
    plain: parsePlain(values.plain),
    noCrc: values['no-crc'] === true,
    withRaw: values.raw === true,
    file,
    help: values.help === true,
  };
}

export async function openInput(file: string | null): Promise<Readable> {
  if (file === null) return process.stdin;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, 'r');
    if ((await handle.stat()).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  } catch (err) {
    await handle?.close();
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`cannot read ${JSON.stringify(file)}: ${code}`);
  }
  return createReadStream('', { fd: handle });
}

/**
 * Writes NDJSON to stdout, waiting when the pipe is full. When the reader goes away (EPIPE, e.g.
 * `luxp1 decode … | head`), `closed` turns true and the callers stop reading: a wait for 'drain'
 * that can never come would otherwise leave the command hanging.
 */
function createWriter(withRaw: boolean) {
  const stdout = process.stdout;
  let closed = false;
  // Kept for the life of the process: output still buffered when main() returns can fail too.
  stdout.on('error', () => {
    closed = true;
  });
  return {
    get closed() {
      return closed;
    },
    async write(events: DecoderEvent[], extra: string[] = []): Promise<void> {
      if (closed || (events.length === 0 && extra.length === 0)) return;
      const lines = [...extra, ...events.map((e) => JSON.stringify(toRecord(e, { withRaw })))];
      if (stdout.write(`${lines.join('\n')}\n`) || closed) return;
      await new Promise<void>((resolve) => {
        const settle = () => {
          for (const name of ['drain', 'error', 'close'] as const) stdout.off(name, settle);
          resolve();
        };
        for (const name of ['drain', 'error', 'close'] as const) stdout.on(name, settle);
      });
    },
  };
}

/** Where decoded events go: stdout here, the history for `luxp1 history import`. */
export interface DecodeSink {
  readonly closed: boolean;
  write(events: DecoderEvent[], extra?: string[]): Promise<void>;
}

/** Replays a capture: frame lines go through the decoder, redacted records are printed as they are, other lines skipped. */
async function decodeCapture(input: AsyncIterable<Uint8Array>, first: Uint8Array, decoder: StreamDecoder, out: DecodeSink): Promise<void> {
  let pending = '';
  let lineNo = 0;
  const utf8 = new TextDecoder();
  const handle = async (line: string) => {
    lineNo++;
    const parsed = parseCaptureLine(line);
    if (parsed.kind === 'frame') await out.write(decoder.push(parsed.raw));
    else if (parsed.kind === 'redacted') await out.write([], [JSON.stringify(parsed.record)]);
    else if (parsed.kind === 'invalid') {
      await out.write(
        [],
        [JSON.stringify({ type: 'error', code: 'MALFORMED', message: `${parsed.message} (line ${lineNo})`, frameCounter: null })],
      );
    }
  };
  const consume = async (chunk: Uint8Array) => {
    pending += utf8.decode(chunk, { stream: true });
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) await handle(line);
  };
  await consume(first);
  for await (const chunk of input) {
    await consume(chunk as Uint8Array);
    if (out.closed) return;
  }
  if (pending !== '') await handle(pending);
}

async function* emptyInput(): AsyncIterable<Uint8Array> {}

/** Entry point called by electron/cli/luxp1.ts. */
export async function main(argv: string[]): Promise<number> {
  let settings: Settings;
  let input: Readable;
  let key: Uint8Array | null;
  try {
    settings = parseSettings(argv);
    if (settings.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    key = await resolveKey(settings.key, settings.keyFile);
    input = await openInput(settings.file);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`luxp1 decode: ${err.message}\n`);
    return 2;
  }
  const decoder = createStreamDecoder({ key, aad: settings.aad, plain: settings.plain, noCrc: settings.noCrc });
  const out = createWriter(settings.withRaw);
  try {
    await decodeInput(input, decoder, out);
  } catch (err) {
    process.stderr.write(`luxp1 decode: reading input failed: ${(err as Error).message}\n`);
    return 1;
  }
  return 0;
}

/** Tells a capture from raw port bytes and feeds all of `input` through `decoder` into `out`. */
export async function decodeInput(input: Readable, decoder: StreamDecoder, out: DecodeSink): Promise<void> {
  const iterator = input[Symbol.asyncIterator]();
  // Enough bytes to tell a capture from raw port bytes.
  let head = new Uint8Array(0);
  let done = false;
  while (head.length < 40 && !done) {
    const next = await iterator.next();
    if (next.done) done = true;
    else head = Buffer.concat([head, next.value as Uint8Array]);
  }
  const rest: AsyncIterable<Uint8Array> = { [Symbol.asyncIterator]: () => iterator };
  if (isCaptureStart(head)) await decodeCapture(done ? emptyInput() : rest, head, decoder, out);
  else {
    await out.write(decoder.push(head));
    if (!done) {
      for await (const chunk of rest) {
        await out.write(decoder.push(chunk));
        if (out.closed) break; // nobody reads the output: stop reading the input too
      }
    }
  }
  await out.write(decoder.finish());
}
