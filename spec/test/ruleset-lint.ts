/**
 * Lints the real spec, or a mutated copy of it, with the very ruleset file `pnpm lint` uses,
 * through Spectral's JS API (the same bundler/loader the CLI uses for a YAML ruleset).
 *
 * The ruleset file is loaded once per test file. A mutation case lints with a narrowed view of
 * it: the rule under test and the `fortary-*` rules, each with the definition (function and
 * options) the file gives it, and the file's per-pointer overrides. spectral:oas and OWASP, most
 * of the cost of a lint, run once, on the real spec.
 */
import * as fs from 'node:fs';
import { readFileSync } from 'node:fs';
import { toPointer } from '@fortary/codegen-kit';
import spectralCore from '@stoplight/spectral-core';
import spectralParsers from '@stoplight/spectral-parsers';
import { builtins } from '@stoplight/spectral-ruleset-bundler/plugins/builtins';
import { commonjs } from '@stoplight/spectral-ruleset-bundler/plugins/commonjs';
import { bundleAndLoadRuleset } from '@stoplight/spectral-ruleset-bundler/with-loader';
import spectralRuntime from '@stoplight/spectral-runtime';
import YAML from 'yaml';
import { sourcePath, specDir } from './load.ts';

// Default imports: these are CommonJS packages, and Node and vitest agree on `module.exports`.
const { Document, Ruleset, Spectral } = spectralCore;
const { Json, Yaml } = spectralParsers;

type Linter = InstanceType<typeof Spectral>;
type LoadedRuleset = InstanceType<typeof Ruleset>;

export const rulesetPath = `${specDir}.spectral.yaml`;
export const sourceText = readFileSync(sourcePath, 'utf8');

/** The spec as written (with its `$ref`s), a fresh copy for each mutation. */
export type Spec = Record<string, any>;
const parsedSource: Spec = YAML.parse(sourceText);
export const parseSpec = (): Spec => structuredClone(parsedSource);

/** The ruleset file as written (YAML anchors merged), for the names and overrides it declares. */
export const rulesetFile = YAML.parse(readFileSync(rulesetPath, 'utf8'), { merge: true }) as {
  rules: Record<string, unknown>;
  overrides?: Array<{ files: string[]; rules: Record<string, unknown> }>;
};

/** Every rule the ruleset file defines itself. */
export const ownRules = Object.keys(rulesetFile.rules).filter((name) => name.startsWith('fortary-'));

export interface Finding {
  code: string;
  /** JSON pointer of the finding. */
  path: string;
  message: string;
  severity: number;
  /** 1-based line in the linted text. */
  line: number;
}

const loadedRulesets = new Map<string, Promise<LoadedRuleset>>();

/** A ruleset file loaded like the CLI loads it, once per file and test process. */
export function loadRuleset(file = rulesetPath): Promise<LoadedRuleset> {
  let loading = loadedRulesets.get(file);
  if (!loading) {
    // The plugins the CLI adds: Spectral's own packages come from this process (`builtins`) and
    // CommonJS rulesets such as the OWASP one can be imported (`commonjs`).
    loading = bundleAndLoadRuleset(file, { fs, fetch: spectralRuntime.fetch }, [builtins(), commonjs()]);
    loadedRulesets.set(file, loading);
  }
  return loading;
}

/** A Spectral instance with the whole of `rulesetFile` (extends, rules, overrides). */
export async function loadSpectral(file = rulesetPath): Promise<Linter> {
  const spectral = new Spectral();
  spectral.setRuleset(await loadRuleset(file));
  return spectral;
}

/** A resolver that leaves `$ref`s in place: the "resolved" document is the document itself. */
const unresolvedOnly = {
  uriCache: new Map(),
  resolve: async (document: unknown) => ({ result: document, graph: null, errors: [], refMap: {} }),
};

const narrowed = new Map<string, Promise<Linter>>();

/**
 * A Spectral instance running only `names` (rules of the real ruleset, from its own file or
 * from a ruleset it extends), each with its loaded definition and severity, plus the file's
 * overrides of those rules.
 */
export function spectralFor(names: readonly string[]): Promise<Linter> {
  const key = [...names].sort().join(' ');
  let linter = narrowed.get(key);
  if (!linter) {
    linter = (async () => {
      const full = await loadRuleset();
      const rules = Object.fromEntries(names.map((name) => {
        const rule = full.rules[name];
        if (!rule) throw new Error(`${rulesetPath} has no rule ${name}`);
        return [name, { ...rule.definition, severity: rule.definition.severity ?? rule.severity }];
      }));
      const overrides = (rulesetFile.overrides ?? [])
        .map(({ files, rules: severities }) => ({ files, rules: Object.fromEntries(Object.entries(severities).filter(([name]) => name in rules)) }))
        .filter((override) => Object.keys(override.rules).length > 0);
      // Rules on the unresolved document (every fortary-* rule) never see what the resolver
      // makes, and resolving is most of the cost of a lint: skip it when no rule needs it.
      const needsResolved = names.some((name) => full.rules[name]!.resolved);
      const spectral = needsResolved ? new Spectral() : new Spectral({ resolver: unresolvedOnly as never });
      spectral.setRuleset(new Ruleset({ rules, ...(overrides.length ? { overrides } : {}) } as never, { source: rulesetPath }));
      return spectral;
    })();
    narrowed.set(key, linter);
  }
  return linter;
}

/**
 * Lints `text` as if it were spec/openapi.yaml (so the ruleset's per-file overrides apply).
 * `format: 'json'` reads JSON text (a mutated copy) with Spectral's JSON parser.
 */
export async function lintText(text: string, spectral?: Linter, format: 'yaml' | 'json' = 'yaml'): Promise<Finding[]> {
  const linter = spectral ?? (await loadSpectral());
  const document = format === 'json' ? new Document(text, Json, sourcePath) : new Document(text, Yaml, sourcePath);
  const results = await linter.run(document);
  return results.map((result) => ({
    code: String(result.code),
    path: toPointer(result.path),
    message: result.message,
    severity: result.severity,
    line: result.range.start.line + 1,
  }));
}

/**
 * Lints the real spec after `mutate` changed a copy of it. No mutation: the file itself, with
 * the whole ruleset. With `rules`, only those rules of the real ruleset run (see spectralFor).
 */
export async function lintWith(mutate?: (spec: Spec) => void, rules?: readonly string[]): Promise<Finding[]> {
  const linter = rules ? await spectralFor(rules) : await loadSpectral();
  if (!mutate) return lintText(sourceText, linter);
  const spec = parseSpec();
  mutate(spec);
  // JSON text: the copy serializes in a millisecond; line numbers refer to this text.
  return lintText(JSON.stringify(spec, null, 1), linter, 'json');
}
