/**
 * The root tasks of turbo.json name the package tasks they wait for one by one (turbo has no
 * "every package's build" for a root task). A package that gains a build would otherwise be
 * tested or type-checked against a stale or missing dist: each list must cover the workspace.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceDirs } from '../workspace-dirs.mjs';

const root = new URL('../..', import.meta.url).pathname;
const turbo = JSON.parse(readFileSync(join(root, 'turbo.json'), 'utf8')) as { tasks: Record<string, { dependsOn?: string[] }> };
const manifests = workspaceDirs(root).map((dir) => JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as { name: string; scripts?: Record<string, string> });

/** `<package>#<script>` for every package whose `script` matches `command` (any, by default). */
function packageTasks(script: string, command: RegExp = /./): string[] {
  return manifests.filter(({ scripts }) => command.test(scripts?.[script] ?? '')).map(({ name }) => `${name}#${script}`).sort();
}

function waitsFor(task: string): string[] {
  return [...(turbo.tasks[task]?.dependsOn ?? [])].sort();
}

describe('turbo.json root tasks', () => {
  it('runs the workspace tests after every package build and the spec bundle', () => {
    expect(packageTasks('build').length).toBeGreaterThan(3);
    expect(waitsFor('//#test:workspace')).toEqual([...packageTasks('build'), ...packageTasks('bundle')].sort());
  });

  it('type-checks after every build that writes declarations (tsc)', () => {
    expect(waitsFor('//#typecheck')).toEqual(packageTasks('build', /\btsc\b/));
  });
});
