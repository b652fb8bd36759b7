/**
 * `pnpm docs` (root) / `pnpm --filter @fortary/docs serve [--port N]`: builds the site when
 * dist/index.html or dist/openapi.json is missing, or the page is older than the generated document, then serves it on
 * 127.0.0.1 and prints the URL. PORT or --port choose the port (default 4020; 0 picks a free one).
 */
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildSite } from './build.ts';
import { distDir, docsDocument, siteFile, siteSpecFile } from './paths.ts';
import { serveSite } from './server.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: process.env['PORT'] ?? '4020' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`docs serve: --port must be a port number (0-65535), got '${values.port}'`);
  process.exit(1);
}

if (!existsSync(siteFile) || !existsSync(siteSpecFile) || statSync(siteFile).mtimeMs < statSync(docsDocument).mtimeMs) {
  console.log('docs: building the site first…');
  buildSite();
}
try {
  const { server, url } = await serveSite(distDir, port);
  console.log(`docs: serving ${distDir}\ndocs: open ${url}  (Ctrl+C to stop)`);
  // Ctrl+C is how this is meant to end: stop listening and exit 0, so neither tsx nor pnpm
  // reports the interrupt as a failed run (pnpm forwards the signal too, so it may come twice).
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`docs serve: cannot listen on 127.0.0.1:${port}: ${(error as Error).message}`);
  process.exit(1);
}
