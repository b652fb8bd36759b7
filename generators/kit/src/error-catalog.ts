import { LocatedError } from './located-error.ts';
import { deref, isRecord } from './deref.ts';
import { escapePointerToken } from './pointer.ts';
import type { OpenApiDocument } from './bundled-spec.ts';

/** One row of `x-error-catalog`: the HTTP status and `type` that go with a `code`. */
export interface ErrorCatalogEntry {
  code: string;
  status: number;
  type: string;
  description: string;
}

const ERROR_SCHEMA = '/components/schemas/Error';
const ENTRY_KEYS = new Set(['status', 'type', 'description']);

/**
 * The error catalog: `x-error-catalog` on the schema of the Error schema's `code` property
 * (code → `{ status, type, description }`), in catalog order. Checked strictly, because the docs
 * table and the mock's error answers are made from it: every code of that schema's enum has
 * exactly one entry with a 4xx/5xx status, a type and a description, and nothing else. A stray
 * key, a missing code or a wrong status is a LocatedError at the entry.
 */
export function readErrorCatalog(document: OpenApiDocument, file: string): ErrorCatalogEntry[] {
  const error = document.components['schemas']?.['Error'];
  const codeProperty = isRecord(error) && isRecord(error['properties']) ? error['properties']['code'] : undefined;
  if (codeProperty === undefined) throw new LocatedError({ file, pointer: ERROR_SCHEMA }, 'expected an Error schema with a `code` property, whose schema holds the x-error-catalog');
  const { value: schema, pointer: codePointer } = deref(document, codeProperty, { file, pointer: `${ERROR_SCHEMA}/properties/code` });
  const catalogPointer = `${codePointer}/x-error-catalog`;
  const catalog = schema['x-error-catalog'];
  if (!isRecord(catalog)) throw new LocatedError({ file, pointer: catalogPointer }, 'expected an object mapping each error code to { status, type, description }');
  const codes: unknown[] = Array.isArray(schema['enum']) ? schema['enum'] : [];
  const entries: ErrorCatalogEntry[] = [];
  for (const [code, value] of Object.entries(catalog)) {
    const pointer = `${catalogPointer}/${escapePointerToken(code)}`;
    if (!isRecord(value)) throw new LocatedError({ file, pointer }, 'expected { status, type, description }');
    const extra = Object.keys(value).filter((key) => !ENTRY_KEYS.has(key));
    if (extra.length) {
      throw new LocatedError({ file, pointer }, `unexpected key(s) ${extra.map((key) => JSON.stringify(key)).join(', ')}; an unquoted comma in a YAML flow mapping splits the description`);
    }
    const { status, type, description } = value;
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) {
      throw new LocatedError({ file, pointer: `${pointer}/status` }, `expected an HTTP error status (400-599), got ${JSON.stringify(status)}`);
    }
    if (typeof type !== 'string' || !type) throw new LocatedError({ file, pointer: `${pointer}/type` }, 'expected the error type as a non-empty string');
    if (typeof description !== 'string' || !description.trim()) {
      throw new LocatedError({ file, pointer: `${pointer}/description` }, 'expected a non-empty description of what the code means and what to do');
    }
    if (!codes.includes(code)) throw new LocatedError({ file, pointer }, `'${code}' is not in the enum of ${codePointer}`);
    entries.push({ code, status, type, description: description.trim() });
  }
  const missing = codes.filter((code) => typeof code === 'string' && !Object.hasOwn(catalog, code));
  if (missing.length) throw new LocatedError({ file, pointer: catalogPointer }, `no catalog entry for ${missing.join(', ')}`);
  return entries;
}
