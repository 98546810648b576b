/**
 * Bundles the Electron shell with esbuild: electron/main.ts -> dist-electron/main.cjs and
 * electron/preload.ts -> dist-electron/preload.cjs. CommonJS because a sandboxed preload cannot be
 * an ES module, and Electron's own Node (22) must not be asked to strip TypeScript.
 * Native and optional modules stay outside the bundle and load from node_modules.
 *
 * Run: `node electron/build.ts` (part of `npm run build`); `npm start` calls buildElectron().
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { fail, ok } from '../protocol/index.ts';
import type { Failure, Result } from '../protocol/types.ts';

/** The folder built into, or esbuild's first message. */
export type BuildResult = Result<string, Failure<'BUILD_FAILED'>>;

// ws probes for these optional speed-ups with try/require; serialport has a native binding.
const EXTERNAL = ['electron', 'serialport', '@serialport/*', 'bufferutil', 'utf-8-validate'];

/** Builds main and preload into `outDir` (default `<root>/dist-electron`); a failure is a value with esbuild's first message. */
export async function buildElectron(root: string, outDir = join(root, 'dist-electron')): Promise<BuildResult> {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    sourcemap: 'linked',
    logLevel: 'silent',
    external: EXTERNAL,
  } as const;
  // Host sources read import.meta.url; in the CJS bundle that is the bundle file's own URL.
  const mainOnly = {
    banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { 'import.meta.url': '__bundleUrl' },
  };
  try {
    await Promise.all([
      build({ ...common, ...mainOnly, entryPoints: [join(root, 'electron', 'main.ts')], outfile: join(outDir, 'main.cjs') }),
      build({ ...common, entryPoints: [join(root, 'electron', 'preload.ts')], outfile: join(outDir, 'preload.cjs') }),
    ]);
    return ok(outDir);
  } catch (err) {
    const first = (err as { errors?: { text: string; location?: { file: string; line: number } | null }[] }).errors?.[0];
    const where = first?.location ? ` (${first.location.file}:${first.location.line})` : '';
    return fail('BUILD_FAILED', first ? `${first.text}${where}` : (err as Error).message);
  }
}

if (import.meta.main) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const result = await buildElectron(root);
  if (result.ok) console.log(`electron: built ${result.value}/main.cjs and preload.cjs`);
  else console.error(`electron: build failed: ${result.error.message}`);
  process.exitCode = result.ok ? 0 : 1;
}
