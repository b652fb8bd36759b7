import { defineConfig } from 'vitest/config';

// The files share one worker and its module cache (isolate: false), so the mock's sources, zod
// and ajv load once instead of once per file: none of them stubs globals, fakes timers or leaves
// a server open. spec-edits.test.ts replaces the generated spec facts with vi.mock, which needs a
// module graph of its own, so it runs isolated.
const isolated = ['test/spec-edits.test.ts'];

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: isolated, testTimeout: 60_000, isolate: false } },
      { test: { name: 'isolated', include: isolated, testTimeout: 60_000 } },
    ],
  },
});
