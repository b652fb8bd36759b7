import { defineConfig } from 'vitest/config';

// The browser suite is sequential: one Chromium, one local server, and two shared cores.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 60_000, fileParallelism: false } });
