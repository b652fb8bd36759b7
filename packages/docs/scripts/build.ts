/**
 * `pnpm --filter @fortary/docs build`: renders src/generated/openapi.docs.json with
 * `redocly build-docs --inlineBundle` into one self-contained page, dist/index.html.
 * `--inlineBundle` embeds Redoc's scripts; without it the page loads them from a CDN and shows
 * nothing offline. The page is then made fully offline (see offline.ts), gets its favicon and
 * style rules (page-head.ts) and spaced search text (search-text.ts). Beside it goes
 * openapi.json, the published spec the page links to; the folder is replaced atomically.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replaceOutputDir } from '@fortary/codegen-kit';
import { makeOffline } from './offline.ts';
import { addHeadElements } from './page-head.ts';
import { distDir, docsDocument, packageDir, publishedSpec, SITE_SPEC_NAME, siteFile } from './paths.ts';
import { spaceSearchText } from './search-text.ts';

export function buildSite(): { file: string; bytes: number } {
  const document = JSON.parse(readFileSync(docsDocument, 'utf8')) as { info?: { title?: string } };
  const redocly = createRequire(join(packageDir, 'package.json')).resolve('@redocly/cli/bin/cli.js');
  const scratch = mkdtempSync(join(tmpdir(), 'fortary-docs-'));
  try {
    const rendered = join(scratch, 'index.html');
    const run = spawnSync(process.execPath, [
      redocly, 'build-docs', docsDocument,
      '--inlineBundle',
      '--output', rendered,
      '--title', document.info?.title ?? 'API reference',
      '--config', join(packageDir, 'redocly.yaml'),
      '--lint-config', 'off',
    ], {
      cwd: scratch,
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    });
    if (run.status !== 0) throw new Error(`redocly build-docs failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    const html = spaceSearchText(addHeadElements(makeOffline(readFileSync(rendered, 'utf8'))));
    replaceOutputDir(distDir, { 'index.html': html, [SITE_SPEC_NAME]: readFileSync(publishedSpec, 'utf8') });
    return { file: siteFile, bytes: Buffer.byteLength(html) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { file, bytes } = buildSite();
    console.log(`docs: wrote ${file} (${(bytes / 1024).toFixed(0)} KiB, no outside requests) and ${SITE_SPEC_NAME} beside it`);
  } catch (error) {
    console.error(`docs build: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
