import { defineConfig } from 'vitest/config';

// Two workers even on two cores: the browser file spends most of its time waiting on Chromium,
// and the other files (samples against the mock, Redocly lints, tsc programs) fill that time
// instead of queueing behind it.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 60_000, maxWorkers: 2 } });
