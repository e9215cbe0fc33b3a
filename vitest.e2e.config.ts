// Real-browser tests against the BUILT extension (npm run build:chrome first). One file at a time:
// each file launches its own Chromium, and parallel browsers would only fight over the CPU.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60000,
    hookTimeout: 60000,
  },
});
