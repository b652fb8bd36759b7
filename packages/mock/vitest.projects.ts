import { fileURLToPath } from 'node:url';
import type { TestProjectInlineConfiguration } from 'vitest/config';

// The files share one worker and its module cache (isolate: false), so the mock's sources, zod
// and ajv load once instead of once per file: none of them stubs globals, fakes timers or leaves
// a server open. spec-edits.test.ts replaces the generated spec facts with vi.mock, which needs a
// module graph of its own, so it runs isolated. The package's vitest.config.ts and the
// workspace's (which runs every package in one vitest) both use these two projects.
const root = fileURLToPath(new URL('.', import.meta.url));
const isolated = ['test/spec-edits.test.ts'];

export const mockProjects: TestProjectInlineConfiguration[] = [
  { test: { name: '@fortary/mock', root, include: ['test/**/*.test.ts'], exclude: isolated, testTimeout: 60_000, isolate: false } },
  { test: { name: '@fortary/mock (isolated)', root, include: isolated, testTimeout: 60_000 } },
];
