import { defineConfig } from 'vitest/config';

// The files share one worker and its module cache (isolate: false): the README test restores its
// console spy after each test and the working directory after each sample, and no file mocks a
// module.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 60_000, isolate: false } });
