import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Browser and multi-process tests are heavy; two workers fit this 2-core machine.
    maxWorkers: 2,
    env: { NODE_NO_WARNINGS: '1' },
  },
});
