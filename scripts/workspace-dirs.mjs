// The workspace's package folders, read from pnpm-workspace.yaml (`- dir` or `- group/*`), so
// the test summary and the benchmark runner find a package wherever the workspace declares it.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Package folders relative to `root`, in the order pnpm-workspace.yaml lists them. */
export function workspaceDirs(root) {
  const manifest = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const section = /^packages:\n((?:[ \t]+-[^\n]*\n?)+)/m.exec(manifest)?.[1];
  if (!section) throw new Error(`${join(root, 'pnpm-workspace.yaml')}: no 'packages:' list`);
  const globs = section.split('\n').map((line) => line.replace(/^\s*-\s*/, '').replace(/^['"]|['"]$/g, '').trim()).filter(Boolean);
  return globs.flatMap((glob) => {
    if (!glob.endsWith('/*')) return existsSync(join(root, glob, 'package.json')) ? [glob] : [];
    const group = glob.slice(0, -2);
    if (!existsSync(join(root, group))) return [];
    return readdirSync(join(root, group)).sort().map((name) => join(group, name)).filter((dir) => existsSync(join(root, dir, 'package.json')));
  });
}
