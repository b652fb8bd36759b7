/**
 * JSON pointers (RFC 6901, written without the leading `#`): how every error names a place in
 * the spec, and how a `$ref` names its target.
 */

/** Escapes one JSON pointer token: `~` → `~0`, `/` → `~1`. */
export function escapePointerToken(token: string | number): string {
  return String(token).replaceAll('~', '~0').replaceAll('/', '~1');
}

export function unescapePointerToken(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** `['paths', '/v1/vaults', 'get']` → `/paths/~1v1~1vaults/get`. */
export function toPointer(path: ReadonlyArray<string | number>): string {
  return path.map((token) => `/${escapePointerToken(token)}`).join('');
}

/** Resolves a JSON pointer (`/a/b`, without `#`) in a plain value; `undefined` when it does not exist. */
export function resolvePointer(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  if (!pointer.startsWith('/')) return undefined;
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const token = unescapePointerToken(raw);
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** The pointer of a path item: `/paths/~1v1~1vaults`. */
export function pathItemPointer(path: string): string {
  return `/paths/${escapePointerToken(path)}`;
}

/** The pointer of an operation: `/paths/~1v1~1vaults/get`. */
export function operationPointer(path: string, method: string): string {
  return `${pathItemPointer(path)}/${method}`;
}
