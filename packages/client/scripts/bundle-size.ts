/**
 * The size an application pays for the client: an entry (`src/index.ts`, or the separate
 * `src/webhooks/index.ts`) bundled with everything it imports at runtime, minified by esbuild and
 * gzipped. Shared by the budget test, `pnpm --filter @fortary/client size` and the benchmark.
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const SIZE_BUDGET_BYTES = 6 * 1024;

export interface BundleSize {
  minified: number;
  gzipped: number;
  /** The files bundled, relative to the working directory (esbuild's metafile). */
  inputs: string[];
  /** The bundle itself. */
  code: string;
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
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return {
    minified: code.byteLength,
    gzipped: gzipSync(code, { level: 9 }).byteLength,
    inputs: Object.keys(result.metafile.inputs),
    code: new TextDecoder().decode(code),
  };
}

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** The whole public entry. */
export function clientBundleSize(): Promise<BundleSize> {
  return measure({ entry: fileURLToPath(new URL('../src/index.ts', import.meta.url)) });
}

/** `@fortary/client/webhooks`, which a webhook receiver loads without the HTTP client. */
export function webhooksBundleSize(): Promise<BundleSize> {
  return measure({ entry: fileURLToPath(new URL('../src/webhooks/index.ts', import.meta.url)) });
}

/** openapi-fetch's `createClient` alone, for comparison. */
export function openapiFetchBundleSize(): Promise<BundleSize> {
  return measure({ contents: "export { default } from 'openapi-fetch';", resolveDir: packageRoot });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [client, webhooks, bare] = await Promise.all([clientBundleSize(), webhooksBundleSize(), openapiFetchBundleSize()]);
  console.log(`@fortary/client entry:   ${client.minified} B minified, ${client.gzipped} B gzipped (budget ${SIZE_BUDGET_BYTES} B)`);
  console.log(`@fortary/client/webhooks: ${webhooks.minified} B minified, ${webhooks.gzipped} B gzipped`);
  console.log(`openapi-fetch alone:     ${bare.minified} B minified, ${bare.gzipped} B gzipped`);
  if (client.gzipped > SIZE_BUDGET_BYTES) {
    console.error(`over budget by ${client.gzipped - SIZE_BUDGET_BYTES} B`);
    process.exit(1);
  }
}
