/**
 * A copy of the spec folder's inputs (openapi.yaml, the ruleset and Redocly's config) in a
 * temporary directory, so a test can edit the spec and run the real tools on it: the ruleset's
 * per-file overrides match, because the copy is named openapi.yaml beside its .spectral.yaml.
 * The directory lives under spec/node_modules/.cache so the ruleset's `extends` (npm packages)
 * resolve from it as they do from spec/.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourcePath, specDir } from './load.ts';

export interface SpecCopy {
  dir: string;
  file: string;
}

export function copySpec(text: string): SpecCopy {
  const cache = join(specDir, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'fortary-spec-'));
  const file = join(dir, 'openapi.yaml');
  writeFileSync(file, text);
  copyFileSync(join(specDir, '.spectral.yaml'), join(dir, '.spectral.yaml'));
  copyFileSync(join(specDir, 'redocly.yaml'), join(dir, 'redocly.yaml'));
  symlinkSync(join(specDir, 'ruleset'), join(dir, 'ruleset'));
  return { dir, file };
}

/** `pnpm lint` on a copy: the same script, both linters, output as a log file would get it. */
export function lintCopy(copy: SpecCopy) {
  const run = spawnSync(process.execPath, [join(specDir, 'scripts/lint.mjs'), copy.file], { cwd: specDir, encoding: 'utf8', env: { ...process.env, LINT_FORMAT: '' } });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

export { sourcePath };
