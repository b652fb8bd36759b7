import { defineConfig } from 'vitest/config';

// The files share one worker and its module cache (isolate: false), so the client, the mock and
// their dependencies load once instead of once per file. Every file puts back what it changes
// globally: fake timers after each test, console spies, stubbed env and fetch (unstubbed after
// each test), servers closed after all.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 60_000, isolate: false } });
