/**
 * Where the two sides of a comparison come from: the spec as the author edited it, or as git
 * holds it at a ref. Both are bundled here with the spec's own bundler (the same YAML and
 * `$ref` checks, the same Redocly bundle as `pnpm bundle`), into a temporary folder, so a
 * comparison never depends on whether `spec/dist` was rebuilt.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { bundle } from '@fortary/spec/bundle';
import { parse } from 'yaml';

/** The spec's entry file, relative to the repository root. */
export const SPEC_ENTRY = 'spec/openapi.yaml';

export class SpecSourceError extends Error {}

/** Bundles the spec file at `entry` (a path on disk) as `pnpm bundle` would, in memory. */
export function bundleSpecFile(entry: string): unknown {
  const scratch = mkdtempSync(join(tmpdir(), 'fortary-spec-diff-'));
  try {
    const output = join(scratch, 'openapi.json');
    bundle(entry, output);
    return JSON.parse(readFileSync(output, 'utf8')) as unknown;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Bundles the spec as committed at `ref`: the entry file and every file it `$ref`s are read with
 * `git show`, laid out as in the repository in a temporary folder, and bundled there.
 */
export function bundleSpecAtRef(repositoryRoot: string, ref: string, entry: string = SPEC_ENTRY): unknown {
  const commit = resolveCommit(repositoryRoot, ref);
  const scratch = mkdtempSync(join(tmpdir(), 'fortary-spec-ref-'));
  try {
    const pending = [entry];
    const written = new Set<string>();
    while (pending.length > 0) {
      const file = pending.pop() as string;
      if (written.has(file)) continue;
      written.add(file);
      const text = gitShow(repositoryRoot, commit, file, ref);
      mkdirSync(join(scratch, dirname(file)), { recursive: true });
      writeFileSync(join(scratch, file), text);
      for (const target of externalRefs(text, file)) pending.push(target);
    }
    return bundleSpecFile(join(scratch, entry));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The commit `ref` names, or a clear error (a shallow clone lacks older commits). */
export function resolveCommit(repositoryRoot: string, ref: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: repositoryRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch {
    throw new SpecSourceError(`git has no commit '${ref}' in ${repositoryRoot}. In a shallow clone, fetch the history first (actions/checkout with fetch-depth: 0, or git fetch --unshallow).`);
  }
}

function gitShow(repositoryRoot: string, commit: string, file: string, ref: string): string {
  try {
    return execFileSync('git', ['show', `${commit}:${file}`], { cwd: repositoryRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const reason = String((error as { stderr?: string }).stderr ?? error).trim();
    throw new SpecSourceError(`cannot read ${file} at '${ref}': ${reason}`);
  }
}

/** The repository paths of the files a YAML or JSON spec file `$ref`s (local `#/…` refs aside). */
export function externalRefs(text: string, file: string): string[] {
  let document: unknown;
  try {
    document = parse(text);
  } catch {
    return []; // the bundler reports the syntax error with its line
  }
  const targets = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (key === '$ref' && typeof child === 'string' && !child.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(child)) {
          targets.add(posix.normalize(posix.join(posix.dirname(file), decodeURI(child.split('#')[0] as string))));
        } else visit(child);
      }
    }
  };
  visit(document);
  return [...targets];
}
