import { LocatedError, type OpenApiDocument } from '@fortary/codegen-kit';

/** One row of `x-error-catalog`: the HTTP status and `type` that go with a `code`. */
export interface ErrorCatalogEntry {
  code: string;
  status: number;
  type: string;
  description: string;
}

const CATALOG_POINTER = '/components/schemas/ErrorCode/x-error-catalog';
const ENTRY_KEYS = new Set(['status', 'type', 'description']);

/**
 * Reads `x-error-catalog` from `components.schemas.ErrorCode` and checks it strictly: every code
 * of the enum has exactly one entry with a numeric 4xx/5xx status, a type and a description, and
 * nothing else. The errors concept page is generated from it, so a slip in the spec (a stray key,
 * a missing code) stops the build instead of publishing a wrong table.
 */
export function readErrorCatalog(document: OpenApiDocument, file: string): ErrorCatalogEntry[] {
  const schema = document.components['schemas']?.['ErrorCode'] as Record<string, unknown> | undefined;
  if (!schema) throw new LocatedError({ file, pointer: '/components/schemas/ErrorCode' }, 'the spec has no ErrorCode schema');
  const catalog = schema['x-error-catalog'];
  if (!catalog || typeof catalog !== 'object' || Array.isArray(catalog)) {
    throw new LocatedError({ file, pointer: CATALOG_POINTER }, 'expected an object mapping each error code to { status, type, description }');
  }
  const codes = Array.isArray(schema['enum']) ? (schema['enum'] as unknown[]) : [];
  const entries: ErrorCatalogEntry[] = [];
  for (const [code, value] of Object.entries(catalog as Record<string, unknown>)) {
    const pointer = `${CATALOG_POINTER}/${code}`;
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new LocatedError({ file, pointer }, 'expected { status, type, description }');
    const entry = value as Record<string, unknown>;
    const extra = Object.keys(entry).filter((key) => !ENTRY_KEYS.has(key));
    if (extra.length) {
      throw new LocatedError({ file, pointer }, `unexpected key(s) ${extra.map((key) => JSON.stringify(key)).join(', ')}; an unquoted comma in a YAML flow mapping splits the description`);
    }
    const { status, type, description } = entry;
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) {
      throw new LocatedError({ file, pointer: `${pointer}/status` }, `expected an HTTP error status (400-599), got ${JSON.stringify(status)}`);
    }
    if (typeof type !== 'string' || !type) throw new LocatedError({ file, pointer: `${pointer}/type` }, 'expected the error type as a non-empty string');
    if (typeof description !== 'string' || !description.trim()) {
      throw new LocatedError({ file, pointer: `${pointer}/description` }, 'expected a non-empty description of what the code means and what to do');
    }
    if (!codes.includes(code)) throw new LocatedError({ file, pointer }, `'${code}' is not in the ErrorCode enum`);
    entries.push({ code, status, type, description: description.trim() });
  }
  const missing = codes.filter((code) => typeof code === 'string' && !(code in (catalog as object)));
  if (missing.length) throw new LocatedError({ file, pointer: CATALOG_POINTER }, `no catalog entry for ${missing.join(', ')}`);
  return entries;
}

/** Whether a client should retry a request that failed with this status (the spec's retry policy). */
export function retryAdvice(status: number): string {
  if (status === 429) return 'Yes, after `Retry-After`';
  if (status === 500 || status === 503) return 'Yes, with backoff';
  if (status === 409) return 'Yes, shortly, same key';
  return 'No';
}

/** The catalog as a Markdown table, ordered by status and then by catalog order. */
export function renderErrorCatalog(entries: ErrorCatalogEntry[]): string {
  const escape = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
  const rows = [...entries]
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.status - b.entry.status || a.index - b.index)
    .map(({ entry }) => `| ${entry.status} | \`${entry.type}\` | \`${entry.code}\` | ${escape(entry.description)} | ${retryAdvice(entry.status)} |`);
  return ['| Status | `type` | `code` | Meaning and what to do | Retry? |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
