/**
 * The command-line options `luxp1 serve` and `npm start` share: where to listen, the access token
 * (from a file or the environment first: argv is readable by every local user), public origins
 * for a reverse proxy, the data directory.
 */
import { parseListen } from '../../contracts/listen.ts';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultDataDir } from './paths.ts';
import { normaliseOrigin } from './serve-access.ts';
import type { IntegrationsSettings } from '../../contracts/integrations.ts';
import { integrationFlags, parseIntegrationFlags } from './integrations/integration-flags.ts';

export type CliArgs = {
  listen: { host: string; port: number | null };
  token?: string;
  origins: string[];
  dataDir: string;
  open: boolean;
  fast: boolean;
  integrations?: Partial<IntegrationsSettings>; // --mqtt, --reserve, --api …: for this run (issue 12)
};

/** Parses the options shared by `serve` and `start`; `extra` adds command-specific flags. */
export function parseCliArgs(argv: string[], extra: Record<string, { type: 'boolean' }> = {}, env: NodeJS.ProcessEnv = process.env) {
  const options = {
    listen: { type: 'string' },
    token: { type: 'string' },
    'token-file': { type: 'string' },
    origin: { type: 'string', multiple: true },
    data: { type: 'string' },
    open: { type: 'boolean' },
    fast: { type: 'boolean' },
    help: { type: 'boolean' },
    ...integrationFlags,
    ...extra,
  } as const;
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    values = parseArgs({ args: argv, options, strict: true }).values as Record<string, string | string[] | boolean | undefined>;
  } catch (err) {
    return { ok: false as const, message: (err as Error).message };
  }
  const listen = values.listen === undefined ? { host: '127.0.0.1', port: null } : parseListen(String(values.listen));
  if (!listen) return { ok: false as const, message: `--listen expects HOST:PORT, got ${JSON.stringify(values.listen)}` };
  const token = readToken(values, env);
  if (!token.ok) return { ok: false as const, message: token.message };
  const origins: string[] = [];
  for (const text of (values.origin as string[] | undefined) ?? []) {
    const origin = normaliseOrigin(text);
    if (!origin) return { ok: false as const, message: `--origin expects http(s)://HOST[:PORT], got ${JSON.stringify(text)}` };
    origins.push(origin);
  }
  const integrations = parseIntegrationFlags(values);
  if (!integrations.ok) return { ok: false as const, message: integrations.message };
  const args: CliArgs = {
    listen,
    ...(token.token === undefined ? {} : { token: token.token }),
    origins,
    dataDir: typeof values.data === 'string' ? values.data : defaultDataDir(),
    open: values.open === true,
    fast: values.fast === true,
    ...(integrations.value ? { integrations: integrations.value } : {}),
  };
  return { ok: true as const, args, values };
}

/** The token from --token-file, $LUXP1_TOKEN or --token (in that order of preference); none: one per run. */
function readToken(values: Record<string, unknown>, env: NodeJS.ProcessEnv): { ok: true; token?: string } | { ok: false; message: string } {
  const given = [values['token-file'] !== undefined, env.LUXP1_TOKEN !== undefined && env.LUXP1_TOKEN !== '', values.token !== undefined];
  if (given.filter(Boolean).length > 1) return { ok: false, message: 'give the token one way: --token-file, $LUXP1_TOKEN or --token' };
  let token: string | undefined;
  let from = '--token';
  if (typeof values['token-file'] === 'string') {
    from = '--token-file';
    try {
      token = readFileSync(values['token-file'], 'utf8').trim();
    } catch (err) {
      return {
        ok: false,
        message: `--token-file: cannot read ${values['token-file']}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      };
    }
  } else if (given[1]) {
    from = '$LUXP1_TOKEN';
    token = env.LUXP1_TOKEN;
  } else if (typeof values.token === 'string') token = values.token;
  if (token === undefined) return { ok: true };
  if (token.length < 8 || /[\s]/.test(token))
    return { ok: false, message: `${from}: the token must be at least 8 characters, without spaces` };
  return { ok: true, token };
}
