/**
 * `luxp1 history import|export`: fills the history from port dumps and captures, and writes it out
 * as CSV or NDJSON (record shapes: contracts/history.ts, documented in README "History export").
 * Bad input (an unknown meter, --to before --from, an unreadable file, a bad flag) is one line on
 * stderr and exit code 2.
 */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { defaultDataDir } from '../host/paths.ts';
import { UsageError } from './decode.ts';

export const USAGE = `usage: luxp1 history import [--data DIR] [--key HEX | --key-file FILE] FILE…
       luxp1 history export [--data DIR] [--meter ID] --step 10s|15m|1h|1d|1mo [--from ISO] [--to ISO]
                            [--kind electricity|gas|water|heat] [--format csv|ndjson]

import  reads what 'luxp1 decode' reads (raw port dumps, LuxP1 captures; '-' is stdin) into the
        history in DIR/history.sqlite. Importing the same data twice changes nothing.
        The key: --key HEX, --key-file FILE (32 hex digits in it) or $LUXP1_KEY.
export  writes the history of one meter: electricity energy from the registers, or gas, water
        and heat consumption from the hourly M-Bus values. --from/--to: ISO 8601; a date or a
        time without offset is Luxembourg local time. Default: everything, CSV.

  --data DIR  the data directory (default: $LUXP1_DATA, else ~/.luxp1)
  -h, --help  show this help

Exit codes: 0 done, 1 reading or writing failed midway, 2 bad argument, unknown meter, or a FILE
or database that cannot be read.`;

/** parseArgs with its own messages turned into UsageError. */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { ...options, data: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0]!);
  }
}

export function dataDir(value: string | boolean | undefined): string {
  if (value === '') throw new UsageError('--data must name a directory');
  return typeof value === 'string' ? value : defaultDataDir();
}

/** Entry point called by electron/cli/luxp1.ts. */
export async function main(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h' || rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    if (sub === 'import') return await (await import('./history-import.ts')).runImport(rest);
    if (sub === 'export') return await (await import('./history-export.ts')).runExport(rest);
    throw new UsageError(
      sub === undefined ? 'expected import or export' : `unknown subcommand ${JSON.stringify(sub)}: expected import or export`,
    );
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`luxp1 history: ${err.message}\n`);
    return 2;
  }
}
