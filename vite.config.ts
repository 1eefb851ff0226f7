import { defineConfig } from 'vitest/config';

// One config for the page (Vite) and the tests (Vitest).
export default defineConfig({
  root: '.',
  worker: { format: 'es' },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'threads',
    // Two workers (Vitest's default is one fewer than the cores: one on CI's two): the
    // claims, the heaviest file, are split in two files so both cores share them.
    maxWorkers: 2,
  },
});
