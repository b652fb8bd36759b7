import { defineConfig } from 'vitest/config';
import { TEST_WORKERS } from '../../scripts/test-support/workers.ts';

export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 60_000, maxWorkers: TEST_WORKERS } });
