import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Serial ptys, loopback servers and Chromium share two cores: keep file-level parallelism modest.
    maxWorkers: 2,
  },
});
