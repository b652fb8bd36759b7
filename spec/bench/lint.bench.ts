/**
 * `pnpm bench lint`: how much the Fortary ruleset (spectral:oas + OWASP + the fortary-* rules)
 * costs over `spectral:oas` alone, on the real spec and on a synthetic spec ten times larger.
 * Both rulesets are loaded from YAML files the way the CLI loads them and run in this process,
 * so the figures measure linting, not Node start-up.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import YAML from 'yaml';
import { median, round, type Bench } from '../../scripts/bench-kit.ts';
import { specDir } from '../test/load.ts';
import { lintText, loadSpectral, parseSpec, rulesetPath, sourceText, type Spec } from '../test/ruleset-lint.ts';

/** The schemas that carry a convention by name (ids, formats, errors): shared by every copy. */
const SHARED_SCHEMAS = /(?:Id|Name|Amount|Timestamp|Cursor|Error|ErrorCode|ErrorType|ErrorDetail|Scope|NextCursor|IdempotencyKey)$/;

/** Rewrites every `$ref` found in `renamed` (old ref → new ref) inside `node`. */
function renameRefs(node: unknown, renamed: Map<string, string>): unknown {
  if (Array.isArray(node)) return node.map((child) => renameRefs(child, renamed));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).map(([key, value]) =>
    key === '$ref' && typeof value === 'string' ? [key, renamed.get(value) ?? value] : [key, renameRefs(value, renamed)]));
}

/**
 * The real spec with its paths, resource schemas, responses, parameters and headers copied
 * `times` times under renamed keys (`/v1/copy3/vaults`, `VaultCopy3`, `NotFoundCopy3`,
 * `listVaultsCopy3`), so it is about `times`× larger and lints as clean as the real spec. The
 * schemas whose names carry a convention (ids, formats, errors) stay shared.
 */
export function synthesize(times: number): string {
  const spec = parseSpec();
  const components: Spec = spec.components;
  // ApiKeyIdPath stays shared too: the ruleset's OWASP exception is scoped to its pointer.
  const shared = (section: string, name: string) => (section === 'schemas' && SHARED_SCHEMAS.test(name)) || (section === 'parameters' && name === 'ApiKeyIdPath');
  const copied = (section: string) => Object.keys(components[section]).filter((name) => !shared(section, name));
  const sections = ['schemas', 'responses', 'parameters', 'headers'] as const;
  const originals = Object.fromEntries(sections.map((section) => [section, copied(section)]));
  const originalPaths = Object.entries(spec.paths as Spec);
  for (let copy = 2; copy <= times; copy += 1) {
    const renamed = new Map<string, string>();
    for (const section of sections) {
      for (const name of originals[section]!) renamed.set(`#/components/${section}/${name}`, `#/components/${section}/${name}Copy${copy}`);
    }
    for (const section of sections) {
      for (const name of originals[section]!) components[section][`${name}Copy${copy}`] = renameRefs(components[section][name], renamed);
    }
    for (const [path, item] of originalPaths) {
      const copiedItem = renameRefs(item, renamed) as Spec;
      for (const operation of Object.values(copiedItem)) {
        if (operation && typeof operation === 'object' && 'operationId' in operation) operation.operationId = `${operation.operationId}Copy${copy}`;
      }
      spec.paths[path.replace('/v1/', `/v1/copy${copy}/`)] = copiedItem;
    }
  }
  return YAML.stringify(spec, { aliasDuplicateObjects: false });
}

type Linter = Awaited<ReturnType<typeof loadSpectral>>;

/**
 * Lints `text` with each linter in turn, `rounds` times, after one warm-up each. Interleaving
 * keeps the comparison fair on a machine shared with other work: a slow moment slows both.
 */
async function timeInterleaved(linters: Record<string, Linter>, text: string, rounds: number) {
  const times: Record<string, number[]> = {};
  const findings: Record<string, number> = {};
  for (const [name, linter] of Object.entries(linters)) findings[name] = (await lintText(text, linter)).length;
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, linter] of Object.entries(linters)) {
      const started = performance.now();
      await lintText(text, linter);
      (times[name] ??= []).push(performance.now() - started);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([name, samples]) => [name, { ms: median(samples), findings: findings[name] as number }]));
}

/**
 * The fortary-* rules alone (no extends, no overrides), written next to the real ruleset so
 * its `functionsDir` resolves; removed again at once.
 */
async function loadFortaryOnly(): Promise<Linter> {
  const ruleset = YAML.parse(readFileSync(rulesetPath, 'utf8'), { merge: true }) as Spec;
  const onlyOurs = {
    functionsDir: ruleset.functionsDir,
    functions: ruleset.functions,
    rules: Object.fromEntries(Object.entries(ruleset.rules as Spec).filter(([name]) => name.startsWith('fortary-'))),
  };
  const file = join(specDir, `.bench-fortary-only-${process.pid}.yaml`);
  writeFileSync(file, YAML.stringify(onlyOurs));
  try {
    return await loadSpectral(file);
  } finally {
    rmSync(file, { force: true });
  }
}

/**
 * The custom functions alone, called the way Spectral calls them (whole unresolved document,
 * the rule's options), on a fresh copy each time so no per-document cache carries over.
 * Returns the sum over the functions of each one's fastest of 25 runs, in ms: their own cost,
 * free of parse/resolve and of pauses caused by other work on the machine.
 */
async function timeFunctions(text: string): Promise<number> {
  const ruleset = YAML.parse(readFileSync(rulesetPath, 'utf8'), { merge: true }) as Spec;
  const rules = Object.entries(ruleset.rules as Spec).filter(([name]) => name.startsWith('fortary-'));
  const functions = new Map<string, (input: unknown, options: unknown, context: unknown) => unknown>();
  for (const name of ruleset.functions as string[]) {
    functions.set(name, (await import(pathToFileURL(join(specDir, ruleset.functionsDir, `${name}.js`)).href)).default);
  }
  const document = YAML.parse(text);
  const fastest = new Map<string, number>();
  for (let run = 0; run < 25; run += 1) {
    const copy = structuredClone(document);
    for (const [name, rule] of rules) {
      const started = performance.now();
      functions.get(rule.then.function)!(copy, rule.then.functionOptions ?? null, {});
      fastest.set(name, Math.min(fastest.get(name) ?? Number.POSITIVE_INFINITY, performance.now() - started));
    }
  }
  return [...fastest.values()].reduce((sum, ms) => sum + ms, 0);
}

const bench: Bench = {
  name: 'lint',
  async run() {
    const folder = mkdtempSync(join(tmpdir(), 'fortary-bench-'));
    const oasRuleset = join(folder, 'oas.spectral.yaml');
    writeFileSync(oasRuleset, 'extends:\n  - spectral:oas\n');
    const linters = {
      ours: await loadSpectral(),
      oas: await loadSpectral(oasRuleset),
      fortary: await loadFortaryOnly(),
    };
    const large = synthesize(10);
    const sizeRatio = large.length / sourceText.length;

    const real = await timeInterleaved(linters, sourceText, 9);
    const big = await timeInterleaved(linters, large, 3);
    const growth = (name: keyof typeof linters) => round((big[name]!.ms / real[name]!.ms) / sizeRatio, 2);
    const directReal = await timeFunctions(sourceText);
    const directBig = await timeFunctions(large);

    return [
      { metric: 'ours ms (real spec)', value: round(real.ours!.ms, 0), unit: 'ms', note: `spectral:oas + OWASP + fortary-*, median of 9, ${real.ours!.findings} findings` },
      { metric: 'spectral:oas ms (real spec)', value: round(real.oas!.ms, 0), unit: 'ms', note: 'baseline, interleaved in the same run' },
      { metric: 'ours / spectral:oas', value: round(real.ours!.ms / real.oas!.ms, 2), unit: '×', target: { atMost: 1.5 }, note: 'same run' },
      { metric: 'fortary-* rules alone ms (real spec)', value: round(real.fortary!.ms, 1), unit: 'ms', note: `the custom rules through Spectral, ${real.fortary!.findings} findings, parse + resolve included` },
      { metric: 'synthetic spec size', value: round(sizeRatio, 1), unit: '× bytes', note: `10× the paths and components but the convention schemas, ${large.length} bytes` },
      { metric: 'ours ms (10× spec)', value: round(big.ours!.ms, 0), unit: 'ms', note: `median of 3, ${big.ours!.findings} findings` },
      { metric: 'spectral:oas ms (10× spec)', value: round(big.oas!.ms, 0), unit: 'ms', note: 'baseline, median of 3' },
      { metric: 'fortary-* rules alone ms (10× spec)', value: round(big.fortary!.ms, 1), unit: 'ms', note: `median of 3, ${big.fortary!.findings} findings, parse + resolve included; growth/size ${growth('fortary')}×` },
      { metric: 'fortary-* functions ms (real spec)', value: round(directReal, 2), unit: 'ms', note: 'the 21 functions called directly, sum of each one\'s fastest of 25' },
      { metric: 'fortary-* functions ms (10× spec)', value: round(directBig, 2), unit: 'ms', note: 'sum of each one\'s fastest of 25' },
      // Linear is the goal. The synthetic spec has 10× the operations in fewer than 10× the bytes,
      // so a function linear in operations reads a little above 1 against bytes; one that is
      // quadratic in anything reads near the size ratio itself. The bound leaves room for the
      // first and allows nothing close to the second.
      { metric: 'fortary-* functions growth / size growth', value: round(directBig / directReal / sizeRatio, 2), unit: '×', target: { atMost: 1.3 }, note: 'time grows linearly with the spec' },
      { metric: 'ours growth / size growth', value: growth('ours'), unit: '×', note: 'whole ruleset; dominated by spectral:oas' },
      { metric: 'spectral:oas growth / size growth', value: growth('oas'), unit: '×', note: 'baseline' },
    ];
  },
};

export default bench;
