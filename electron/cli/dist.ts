/**
 * `npm run dist`: desktop packages with electron-builder (config: electron-builder.yml). It is not a
 * dependency of the project (it is large, and packaging fetches Electron and its tools for each
 * target, which this project's CI cannot): where it is missing this says how to get it and stops.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildElectron } from '../build.ts';
import { ensureRendererBuilt, projectRootFromHere } from '../host/serve-cli.ts';

/** electron-builder's CLI script, or null when the package is not installed. */
export function findElectronBuilder(root: string): string | null {
  try {
    return createRequire(join(root, 'package.json')).resolve('electron-builder/cli.js');
  } catch {
    return null;
  }
}

export async function main(argv: string[]): Promise<number> {
  const root = projectRootFromHere();
  const cli = findElectronBuilder(root);
  if (!cli) {
    console.error(
      'dist: electron-builder is not installed. Run `npm install --no-save electron-builder` (with internet access), ' +
        'then `npm run dist` on each target OS: AppImage and deb on Linux, the installer on Windows, the dmg on macOS.',
    );
    return 1;
  }
  const renderer = await ensureRendererBuilt(root, (line) => console.error(line));
  if (!renderer.ok) {
    console.error(`dist: ${renderer.message}`);
    return 1;
  }
  const built = await buildElectron(root);
  if (!built.ok) {
    console.error(`dist: the Electron main process did not build: ${built.error.message}`);
    return 1;
  }
  const child = spawn(process.execPath, [cli, '--config', join(root, 'electron-builder.yml'), ...argv], { cwd: root, stdio: 'inherit' });
  return new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
}
