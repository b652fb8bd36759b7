/**
 * Bundles spec/openapi.yaml into spec/dist/openapi.json, the single input of every generator.
 *
 * Before Redocly bundles, the YAML is parsed with source positions and every $ref is checked,
 * so a syntax error or a dangling reference is reported with its file, line and JSON pointer.
 * The output is written to a temporary file and renamed into place: a failed bundle leaves the
 * previous dist/openapi.json exactly as it was.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LocatedError, YamlSource, assertRefsResolve, replaceOutputFile, runCli } from '@fortary/codegen-kit';

const specDir = resolve(dirname(new URL(import.meta.url).pathname), '..');

function redoclyBin(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('@redocly/cli/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: Record<string, string> };
  return join(dirname(manifestPath), manifest.bin['redocly'] as string);
}

export function bundle(input: string, output: string): void {
  const shownInput = relative(process.cwd(), input) || input;
  const source = YamlSource.load(shownInput, readFileSync(input, 'utf8'));
  assertRefsResolve(source);

  const scratch = mkdtempSync(join(tmpdir(), 'fortary-bundle-'));
  try {
    const scratchFile = join(scratch, 'openapi.json');
    try {
      execFileSync(process.execPath, [redoclyBin(), 'bundle', input, '--output', scratchFile, '--ext', 'json'], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      });
    } catch (error) {
      const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim();
      throw new LocatedError({ file: shownInput }, `redocly bundle failed:\n${stderr}`);
    }
    const bundled = JSON.parse(readFileSync(scratchFile, 'utf8')) as unknown;
    replaceOutputFile(output, `${JSON.stringify(bundled, null, 2)}\n`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const { values } = parseArgs({
    options: {
      input: { type: 'string', default: join(specDir, 'openapi.yaml') },
      output: { type: 'string', default: join(specDir, 'dist', 'openapi.json') },
    },
  });
  await runCli('bundle', () => bundle(resolve(values.input), resolve(values.output)));
}
