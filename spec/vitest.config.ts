import { defineConfig } from 'vitest/config';

// isolate: false lets the test files of a worker share loaded modules (Spectral, Redocly, yaml),
// which are most of a file's start-up. Safe here: no file mocks modules, stubs globals or fakes
// timers, and each works on its own copies of the spec.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 60_000, isolate: false } });
