import { dirname, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { LocatedError } from './located-error.ts';
import { resolvePointer, toPointer } from './pointer.ts';
import { YamlSource } from './yaml-source.ts';

/**
 * Checks that every `$ref` in a YAML document (and in the files it refers to) resolves, and
 * throws one LocatedError listing each dangling reference with its file, line and pointer.
 * Redocly's bundler also fails on these, but names neither the line nor the referring pointer.
 */
export function assertRefsResolve(entry: YamlSource): void {
  const problems: LocatedError[] = [];
  const sources = new Map<string, YamlSource>([[resolve(entry.file), entry]]);
  const pending = [entry];
  const load = (file: string): YamlSource | undefined => {
    const key = resolve(file);
    if (!sources.has(key) && existsSync(key)) {
      const source = YamlSource.load(file);
      sources.set(key, source);
      pending.push(source);
    }
    return sources.get(key);
  };

  for (let source = pending.shift(); source; source = pending.shift()) {
    const current = source;
    walk(current.value, [], (ref, path) => {
      const [filePart = '', fragment = ''] = ref.split('#', 2);
      const target = filePart === '' ? current : load(resolve(dirname(current.file), filePart));
      const pointer = decodeURIComponent(fragment);
      if (!target) {
        problems.push(current.errorAt(toPointer(path), `$ref '${ref}' names a file that does not exist`));
      } else if (resolvePointer(target.value, pointer) === undefined) {
        problems.push(current.errorAt(toPointer(path), `$ref '${ref}' does not resolve: nothing at '#${pointer}' in ${target.file}`));
      }
    });
  }

  if (problems.length === 1) throw problems[0];
  if (problems.length > 1) {
    const first = problems[0] as LocatedError;
    const error = new LocatedError(first.location, `${problems.length} dangling $refs:\n  ${problems.map((p) => p.message).join('\n  ')}`);
    throw error;
  }
}

function walk(value: unknown, path: Array<string | number>, onRef: (ref: string, path: Array<string | number>) => void): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, [...path, index], onRef));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') onRef(child, [...path, key]);
      else walk(child, [...path, key], onRef);
    }
  }
}
