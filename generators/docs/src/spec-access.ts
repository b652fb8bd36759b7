import { LocatedError, escapePointerToken, resolvePointer, type OpenApiDocument } from '@fortary/codegen-kit';

/** Follows local `$ref`s (`#/…`) until a value that is not a reference; the bundle has no other kind. */
export function deref<T = Record<string, unknown>>(document: OpenApiDocument, value: unknown, file: string, pointer: string): T {
  let current = value;
  const seen = new Set<string>();
  while (current && typeof current === 'object' && typeof (current as { $ref?: unknown }).$ref === 'string') {
    const ref = (current as { $ref: string }).$ref;
    if (!ref.startsWith('#')) throw new LocatedError({ file, pointer }, `only local references are expected in the bundle, found '${ref}'`);
    if (seen.has(ref)) throw new LocatedError({ file, pointer }, `reference cycle through '${ref}'`);
    seen.add(ref);
    current = resolvePointer(document, decodeURIComponent(ref.slice(1)));
    if (current === undefined) throw new LocatedError({ file, pointer }, `'${ref}' does not resolve`);
  }
  return current as T;
}

export function operationPointer(path: string, method: string): string {
  return `/paths/${escapePointerToken(path)}/${method}`;
}
