import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { median, round, type Bench } from '../../../scripts/bench-kit.ts';
import { buildSite } from '../scripts/build.ts';
import { docsDocument, siteFile } from '../scripts/paths.ts';

function timeBuild(): number {
  const started = performance.now();
  buildSite();
  return (performance.now() - started) / 1000;
}

/** The docs build (redocly build-docs --inlineBundle + offline pass) and the size of the page it writes. */
const bench: Bench = {
  name: 'docs',
  async run() {
    timeBuild(); // warm the file cache
    const seconds = median([timeBuild(), timeBuild(), timeBuild()]);
    const html = readFileSync(siteFile);
    const documentBytes = statSync(docsDocument).size;
    return [
      { metric: 'build seconds', value: round(seconds), unit: 's', note: 'median of 3 warm builds' },
      { metric: 'html size', value: round(html.length / 1024, 0), unit: 'KiB', note: 'one self-contained file' },
      { metric: 'html size gzip', value: round(gzipSync(html).length / 1024, 0), unit: 'KiB', note: 'as served compressed' },
      { metric: 'html/document ratio', value: round(html.length / documentBytes, 1), unit: '×', note: `vs openapi.docs.json (${round(documentBytes / 1024, 0)} KiB), same run` },
    ];
  },
};

export default bench;
