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
