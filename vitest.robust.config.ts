// `npm run test:robust`: the robustness suite at full strength. The unit fuzzers (tests/unit/robust, which also run in
// `npm test` with fewer cases) get RC_ROBUST_RUNS generated files each; the hostile-page and layout-drift e2e
// scenarios run against the built extension (dist/chrome, dist/firefox; REPLYCLOCK_DIST / REPLYCLOCK_FIREFOX_DIST).
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [preact()],
        define: { __RC_DEMO__: 'false' },
        test: {
          name: 'robust-unit',
          include: ['tests/unit/robust/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          env: { RC_ROBUST_RUNS: process.env.RC_ROBUST_RUNS ?? '5000' },
        },
      },
      {
        test: {
          name: 'robust-e2e',
          include: ['tests/e2e/hostile.e2e.ts', 'tests/e2e/drift.e2e.ts'],
          environment: 'node',
          // One browser at a time: parallel browsers only fight over the CPU.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
