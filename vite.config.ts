/**
 * Renderer build: renderer/ -> dist/renderer, relative asset URLs so Electron can load it from file://.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Inlined assets would be data: URLs for scripts/styles, which the CSP forbids.
    assetsInlineLimit: 0,
    // One local bundle, loaded from disk or loopback: recharts alone is most of its 640 kB.
    chunkSizeWarningLimit: 800,
  },
});
