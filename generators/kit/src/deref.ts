import { LocatedError } from './located-error.ts';
import { resolvePointer, unescapePointerToken } from './pointer.ts';

/** A place in the spec: the file and the JSON pointer (without `#`) inside it. */
export interface SpecLocation {
  file: string;
  pointer: string;
}

/** A value with every `$ref` on the way followed. */
export interface Dereferenced<T> {
  value: T;
  /** Where `value` is written: the pointer it was asked for, or the target of the last `$ref`. */
  pointer: string;
  /** The name when the last `$ref` landed on a component (`#/components/<kind>/<name>`). */
  componentName?: string;
}

const COMPONENT = /^\/components\/[^/]+\/([^/]+)$/;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The component name a local `$ref` of `node` points at (`{ $ref: '#/components/schemas/VaultId' }`
 * → `VaultId`), or undefined when `node` is no reference into `components.<kind>`.
 */
export function refName(node: unknown, kind = 'schemas'): string | undefined {
  if (!isRecord(node) || typeof node['$ref'] !== 'string') return undefined;
  const prefix = `#/components/${kind}/`;
  return node['$ref'].startsWith(prefix) ? unescapePointerToken(node['$ref'].slice(prefix.length)) : undefined;
}

/**
 * Follows `$ref`s from `value` (found at `at`) until a value that is not a reference. The bundle
 * holds local references only (`#/…`, URI-encoded JSON pointers); a reference elsewhere, one that
 * resolves to nothing, or a chain that comes back on itself is a LocatedError at the offending
 * `$ref`, so the author is sent to the line to fix.
 */
export function deref<T = Record<string, unknown>>(document: unknown, value: unknown, at: SpecLocation): Dereferenced<T> {
  let current = value;
  let pointer = at.pointer;
  let componentName: string | undefined;
  const trail: string[] = [];
  while (isRecord(current) && typeof current['$ref'] === 'string') {
    const ref = current['$ref'];
    const refAt = { file: at.file, pointer: `${pointer}/$ref` };
    if (!ref.startsWith('#')) throw new LocatedError(refAt, `only local references are expected in the bundle, found '${ref}'`);
    let target: string;
    try {
      target = decodeURIComponent(ref.slice(1));
    } catch {
      throw new LocatedError(refAt, `$ref '${ref}' is not a valid URI fragment`);
    }
    if (trail.includes(target)) throw new LocatedError(refAt, `$ref cycle: ${[...trail, target].map((step) => `#${step}`).join(' → ')}`);
    trail.push(target);
    const next = resolvePointer(document, target);
    if (next === undefined) throw new LocatedError(refAt, `cannot resolve $ref '${ref}': nothing at '#${target}'`);
    const component = COMPONENT.exec(target)?.[1];
    componentName = component === undefined ? undefined : unescapePointerToken(component);
    current = next;
    pointer = target;
  }
  return { value: current as T, pointer, ...(componentName === undefined ? {} : { componentName }) };
}
