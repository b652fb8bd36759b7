/**
 * `pnpm test` runs every package's tests in this one vitest (the turbo task `//#test:workspace`,
 * `vitest run --config scripts/vitest.workspace.ts` from the repository root),
 * each package as a project with its own vitest.config.ts: one start-up and one pool of workers
 * for the whole workspace, the longest files first. `pnpm --filter <package> test` still runs
 * one package alone with the same config.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { mockProjects } from '../packages/mock/vitest.projects.ts';
import { TEST_WORKERS } from './test-support/workers.ts';
import { workspaceDirs } from './workspace-dirs.mjs';

const root = new URL('..', import.meta.url).pathname;
// The mock's config splits it into two projects; vitest does not nest projects, so they are listed here.
const MOCK = 'packages/mock';
const packages = workspaceDirs(root).filter((dir) => dir !== MOCK && existsSync(join(root, dir, 'vitest.config.ts')));

export default defineConfig({
  test: {
    root,
    maxWorkers: TEST_WORKERS,
    projects: [
      ...packages,
      ...mockProjects,
      // The workspace's own checks (the task graph), which belong to no package.
      { test: { name: 'workspace', root: '.', include: ['scripts/test/**/*.test.ts'] } },
    ],
  },
});
