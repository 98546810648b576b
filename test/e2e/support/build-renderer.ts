/**
 * Builds a renderer page for browser-mode tests with Vite, into a temp directory. `app` is the
 * product's renderer (renderer/index.html), built as `npx vite build` builds it.
 */
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const ROOTS = {
  app: join(process.cwd(), 'renderer'),
} as const;

/** Builds the page into `outDir` and returns `outDir`. */
export async function buildRenderer(page: keyof typeof ROOTS, outDir: string): Promise<string> {
  await build({
    configFile: false,
    root: ROOTS[page],
    base: './',
    logLevel: 'error',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, assetsInlineLimit: 0, reportCompressedSize: false },
  });
  return outDir;
}
