import { availableParallelism } from 'node:os';

/**
 * How many test files run at once: one more than the cores. Many files spend most of their
 * time waiting on another process (Chromium, the mock, a CLI), and another file fills that
 * time instead of queueing behind it. The docs package and the workspace run (which must agree
 * on it) both use this.
 */
export const TEST_WORKERS = availableParallelism() + 1;
