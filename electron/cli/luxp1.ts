#!/usr/bin/env node
/**
 * `luxp1 <command>`: one entry point for integrators, staff and the app's own scripts.
 * Each command lives in its own module and is loaded only when asked for, so `luxp1 decode`
 * never pays for the UI or the central system.
 */

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ main(argv: string[]): Promise<number> }> }> = {
  decode: { summary: 'decode raw port bytes to NDJSON', load: () => import('./decode.ts') },
  history: { summary: 'import port dumps into the history, export it as CSV/NDJSON', load: () => import('./history.ts') },
  central: { summary: 'run the bundled central system (HTTP API)', load: () => import('../../central-mock/main.ts') },
  simulate: { summary: 'run simulated meters from the central system', load: () => import('../../central-mock/simulate-cli.ts') },
  serve: { summary: 'serve the app in a browser (browser mode)', load: () => import('../host/serve-cli.ts') },
  start: { summary: 'start the desktop app, or browser mode where Electron cannot start', load: () => import('./start.ts') },
  dist: { summary: 'desktop packages with electron-builder (AppImage/deb, Windows installer, dmg)', load: () => import('./dist.ts') },
};

/** The version in the project's package.json (the CLI runs from the sources, so it is always beside them). */
async function packageVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`);
  return [
    'usage: luxp1 <command> [options]',
    '',
    ...lines,
    '',
    "run 'luxp1 <command> --help' for a command's options; 'luxp1 --version' (-v) for the version",
  ].join('\n');
}

const [command, ...rest] = process.argv.slice(2);
if (command === '--version' || command === '-v' || command === 'version') {
  console.log(`luxp1 ${await packageVersion()}`);
  process.exit(0);
}
if (command === undefined || command === '--help' || command === '-h') {
  console.log(usage());
  process.exit(command === undefined ? 2 : 0);
}
const entry = COMMANDS[command];
if (!entry) {
  console.error(`luxp1: unknown command '${command}'\n${usage()}`);
  process.exit(2);
}
const mod = await entry.load();
process.exitCode = await mod.main(rest);
