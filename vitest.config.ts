import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ when missing or stale: the CLI tests run the built command.
    globalSetup: ['test/cli/setup.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
    testTimeout: 60_000,
    // Two files at a time: on the project's 2-core machine the default (cores - 1) ran the files one by
    // one (386 s); two workers take about 265 s, the CLI tests waiting on child processes meanwhile.
    maxWorkers: 2,
  },
});
