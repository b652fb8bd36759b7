import { defineConfig } from 'vitest/config';

// The files share one worker and its module cache (isolate: false), so zod, ajv and the generated
// schemas load once instead of once per file: no file mocks a module or changes a global.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 60_000, isolate: false } });
