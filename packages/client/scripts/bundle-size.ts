/**
 * The size an application pays for the client: `src/index.ts` bundled with everything it imports
 * at runtime (openapi-fetch, the operation table of @fortary/types), minified by esbuild and
 * gzipped. Shared by the budget test, `pnpm --filter @fortary/client size` and the benchmark.
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const SIZE_BUDGET_BYTES = 6 * 1024;

export interface BundleSize {
  minified: number;
  gzipped: number;
}

async function measure(options: { entry: string } | { contents: string; resolveDir: string }): Promise<BundleSize> {
  const result = await build({
    ...('entry' in options ? { entryPoints: [options.entry] } : { stdin: { contents: options.contents, resolveDir: options.resolveDir, loader: 'ts' } }),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** The whole public entry. */
export function clientBundleSize(): Promise<BundleSize> {
  return measure({ entry: fileURLToPath(new URL('../src/index.ts', import.meta.url)) });
}

/** openapi-fetch's `createClient` alone, for comparison. */
export function openapiFetchBundleSize(): Promise<BundleSize> {
  return measure({ contents: "export { default } from 'openapi-fetch';", resolveDir: packageRoot });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [client, bare] = await Promise.all([clientBundleSize(), openapiFetchBundleSize()]);
  console.log(`@fortary/client entry: ${client.minified} B minified, ${client.gzipped} B gzipped (budget ${SIZE_BUDGET_BYTES} B)`);
  console.log(`openapi-fetch alone:   ${bare.minified} B minified, ${bare.gzipped} B gzipped`);
  if (client.gzipped > SIZE_BUDGET_BYTES) {
    console.error(`over budget by ${client.gzipped - SIZE_BUDGET_BYTES} B`);
    process.exit(1);
  }
}
