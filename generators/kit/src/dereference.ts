import type { OpenApiDocument, OperationEntry } from './bundled-spec.ts';
import { LocatedError, escapePointerToken, resolvePointer } from './located-error.ts';

type Json = Record<string, unknown>;

/**
 * Follows a chain of local `$ref`s from `value` to the object it names (the value itself when it
 * is not a reference). A dangling, circular or non-local reference is a LocatedError at the
 * reference's target pointer.
 */
export function resolveRef(document: OpenApiDocument, value: unknown, file = 'spec/dist/openapi.json'): Json {
  let current = value as Json;
  const seen = new Set<string>();
  while (current !== null && typeof current === 'object' && typeof current['$ref'] === 'string') {
    const ref = current['$ref'] as string;
    if (!ref.startsWith('#')) throw new LocatedError({ file, pointer: ref }, `only local $refs are expected in the bundle, found '${ref}'`);
    const pointer = decodeURIComponent(ref.slice(1));
    if (seen.has(pointer)) throw new LocatedError({ file, pointer }, 'circular $ref');
    seen.add(pointer);
    const target = resolvePointer(document, pointer);
    if (target === undefined) throw new LocatedError({ file, pointer }, `dangling $ref '${ref}'`);
    current = target as Json;
  }
  return current;
}

/** The name of the component schema a `{ $ref: '#/components/schemas/Name' }` points at, else null. */
export function componentSchemaName(value: unknown): string | null {
  const ref = value !== null && typeof value === 'object' ? (value as Json)['$ref'] : undefined;
  const match = typeof ref === 'string' ? /^#\/components\/schemas\/([^/]+)$/.exec(ref) : null;
  return match ? (match[1] as string) : null;
}

/**
 * The parameters an operation takes, resolved: the path item's, overridden by the operation's
 * own of the same name and location (OpenAPI's merge rule), in document order.
 */
export function operationParameters(document: OpenApiDocument, entry: OperationEntry, file = 'spec/dist/openapi.json'): Json[] {
  const pathItem = document.paths[entry.path] ?? {};
  const merged = new Map<string, Json>();
  for (const raw of [...((pathItem['parameters'] as unknown[] | undefined) ?? []), ...((entry.operation['parameters'] as unknown[] | undefined) ?? [])]) {
    const parameter = resolveRef(document, raw, file);
    merged.set(`${String(parameter['in'])}:${String(parameter['name'])}`, parameter);
  }
  return [...merged.values()];
}

/** The JSON pointer of an operation in the bundle, for located errors. */
export function operationPointer(entry: Pick<OperationEntry, 'path' | 'method'>): string {
  return `/paths/${escapePointerToken(entry.path)}/${entry.method}`;
}
