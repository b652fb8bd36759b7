/**
 * Lints the real spec, or a mutated copy of it, with the very ruleset file `pnpm lint` uses,
 * through Spectral's JS API (the same bundler/loader the CLI uses for a YAML ruleset).
 */
import * as fs from 'node:fs';
import { readFileSync } from 'node:fs';
import spectralCore from '@stoplight/spectral-core';
import spectralParsers from '@stoplight/spectral-parsers';
import { builtins } from '@stoplight/spectral-ruleset-bundler/plugins/builtins';
import { commonjs } from '@stoplight/spectral-ruleset-bundler/plugins/commonjs';
import { bundleAndLoadRuleset } from '@stoplight/spectral-ruleset-bundler/with-loader';
import spectralRuntime from '@stoplight/spectral-runtime';
import YAML from 'yaml';
import { sourcePath, specDir } from './load.ts';

// Default imports: these are CommonJS packages, and Node and vitest agree on `module.exports`.
const { Document, Spectral } = spectralCore;
const { Yaml } = spectralParsers;

export const rulesetPath = `${specDir}.spectral.yaml`;
export const sourceText = readFileSync(sourcePath, 'utf8');

/** The spec as written (with its `$ref`s), a fresh copy for each mutation. */
export type Spec = Record<string, any>;
export const parseSpec = (): Spec => YAML.parse(sourceText);

export interface Finding {
  code: string;
  /** JSON pointer of the finding. */
  path: string;
  message: string;
  severity: number;
  /** 1-based line in the linted text. */
  line: number;
}

let spectralOnce: Promise<InstanceType<typeof Spectral>> | undefined;

/** One Spectral instance per test file, loaded from `rulesetFile` like the CLI does. */
export function loadSpectral(rulesetFile = rulesetPath): Promise<InstanceType<typeof Spectral>> {
  const load = async () => {
    const spectral = new Spectral();
    // The plugins the CLI adds: Spectral's own packages come from this process (`builtins`) and
    // CommonJS rulesets such as the OWASP one can be imported (`commonjs`).
    const plugins = [builtins(), commonjs()];
    spectral.setRuleset(await bundleAndLoadRuleset(rulesetFile, { fs, fetch: spectralRuntime.fetch }, plugins));
    return spectral;
  };
  if (rulesetFile !== rulesetPath) return load();
  spectralOnce ??= load();
  return spectralOnce;
}

export const toPointer = (path: ReadonlyArray<string | number>): string =>
  path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

/** Lints YAML text as if it were spec/openapi.yaml (so the ruleset's per-file overrides apply). */
export async function lintText(text: string, spectral?: InstanceType<typeof Spectral>): Promise<Finding[]> {
  const linter = spectral ?? (await loadSpectral());
  const results = await linter.run(new Document(text, Yaml, sourcePath));
  return results.map((result) => ({
    code: String(result.code),
    path: toPointer(result.path),
    message: result.message,
    severity: result.severity,
    line: result.range.start.line + 1,
  }));
}

/** Lints the real spec after `mutate` changed a parsed copy of it (no mutation: the file itself). */
export async function lintWith(mutate?: (spec: Spec) => void): Promise<Finding[]> {
  if (!mutate) return lintText(sourceText);
  const spec = parseSpec();
  mutate(spec);
  return lintText(YAML.stringify(spec, { aliasDuplicateObjects: false }));
}
