/**
 * An error that says where the problem is: the file, the line and column when known, and the
 * JSON pointer inside the document. Every generator and the bundler report bad input this way,
 * so a spec author can jump straight to the cause.
 */
export interface Location {
  file: string;
  line?: number;
  column?: number;
  pointer?: string;
}

export class LocatedError extends Error {
  readonly location: Location;

  constructor(location: Location, reason: string) {
    super(`${formatLocation(location)}: ${reason}`);
    this.name = 'LocatedError';
    this.location = location;
  }
}

export function formatLocation({ file, line, column, pointer }: Location): string {
  let where = file;
  if (line !== undefined) where += `:${line}`;
  if (line !== undefined && column !== undefined) where += `:${column}`;
  if (pointer !== undefined) where += ` (at ${pointer === '' ? '#' : `#${pointer}`})`;
  return where;
}

/** Escapes one JSON pointer token (RFC 6901). */
export function escapePointerToken(token: string | number): string {
  return String(token).replaceAll('~', '~0').replaceAll('/', '~1');
}

export function unescapePointerToken(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

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
