import openapiTS, { astToString } from 'openapi-typescript';
import { LocatedError, deref, doNotEditHeader, listOperations, mergedParameters, type OpenApiDocument, type OperationEntry } from '@fortary/codegen-kit';

const GENERATOR = '@fortary/generator-types';
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * The files of @fortary/types' `src/generated` folder, from the bundled document:
 * - `openapi.ts`: openapi-typescript's `paths`, `components` and `operations`;
 * - `schemas.ts`: one named type per component schema (`Vault`, `Transfer`, …);
 * - `operations.ts`: the operation table, every per-operation fact as data (routing, scopes,
 *   idempotency, pagination bounds, success status, deprecation), shared by the client and the mock.
 */
export async function generateTypes(document: OpenApiDocument): Promise<Record<string, string>> {
  // A copy: openapi-typescript writes the discriminator's values into the schemas it is given,
  // so a second run over the same document would add them twice.
  const ast = await openapiTS(structuredClone(document) as unknown as Parameters<typeof openapiTS>[0], {
    alphabetize: false,
    exportType: false,
    immutable: false,
  });
  const header = doNotEditHeader(GENERATOR);
  return {
    'openapi.ts': `${header}\n${astToString(ast)}`,
    'schemas.ts': `${header}\n${schemaAliases(document)}`,
    'operations.ts': `${header}\n${operationTable(document)}`,
  };
}

function schemaAliases(document: OpenApiDocument): string {
  const names = Object.keys(document.components['schemas'] ?? {});
  const lines = ["import type { components } from './openapi.js';", ''];
  for (const name of names) {
    if (!IDENTIFIER.test(name)) throw new Error(`component schema '${name}' is not a valid TypeScript identifier`);
    const description = (document.components['schemas']?.[name] as { description?: string } | undefined)?.description;
    if (description) lines.push(`/** ${description.trim().replaceAll('*/', '*\\/').split('\n').join('\n * ')} */`);
    lines.push(`export type ${name} = components['schemas']['${name}'];`);
  }
  return `${lines.join('\n')}\n`;
}

function operationTable(document: OpenApiDocument): string {
  const rows = listOperations(document).map((entry) => `  ${entry.operationId}: ${literal(operationFacts(document, entry))},`);
  // openapi-typescript lists the webhooks' operations in `operations` too; they are deliveries
  // the API makes, not operations it serves, so the table leaves them out.
  const webhookIds = webhookOperationIds(document);
  const served = webhookIds.length ? `Exclude<keyof operations, ${webhookIds.map((id) => `'${id}'`).join(' | ')}>` : 'keyof operations';
  return [
    "import type { operations } from './openapi.js';",
    '',
    '/** What every operation is, keyed by operationId: read by the client, the mock and the docs. */',
    'export interface OperationFacts {',
    '  /** Lower case, as in the spec. */',
    '  readonly method: string;',
    '  /** The path template, e.g. `/v1/vaults/{vaultId}`. */',
    '  readonly path: string;',
    '  /** `x-required-scope`: the scope a key needs to call it, or null. */',
    '  readonly requiredScope: string | null;',
    "  /** The Idempotency-Key header: not taken, optional or required. */",
    "  readonly idempotencyKey: 'none' | 'optional' | 'required';",
    '  /** It takes a JSON request body. */',
    '  readonly hasBody: boolean;',
    '  /** The status of its success response. */',
    '  readonly successStatus: number;',
    '  /** The bounds and default of its `limit` query parameter; null when it is not paginated. */',
    '  readonly limit: { readonly minimum: number; readonly maximum: number; readonly default: number } | null;',
    '  readonly deprecated: boolean;',
    '  /** `x-sunset` (an ISO date) when it is retiring, else null. */',
    '  readonly sunset: string | null;',
    '}',
    '',
    'export const operationTable = {',
    ...rows,
    `} as const satisfies Record<${served}, OperationFacts>;`,
    '',
    'export type OperationId = keyof typeof operationTable;',
    '',
  ].join('\n');
}

function operationFacts(document: OpenApiDocument, entry: OperationEntry): Record<string, unknown> {
  const at = entry.pointer;
  const parameters = mergedParameters(document, entry, 'spec/dist/openapi.json').map(({ parameter }) => parameter as unknown as Record<string, unknown>);
  const idempotency = parameters.find((parameter) => parameter['in'] === 'header' && String(parameter['name']).toLowerCase() === 'idempotency-key');
  const successStatus = Object.keys((entry.operation['responses'] as Record<string, unknown> | undefined) ?? {})
    .map(Number)
    .find((status) => status >= 200 && status < 300);
  if (successStatus === undefined) throw new LocatedError({ file: 'spec/dist/openapi.json', pointer: `${at}/responses` }, 'the operation documents no 2xx response');
  const scope = entry.operation['x-required-scope'];
  const sunset = entry.operation['x-sunset'];
  return {
    method: entry.method,
    path: entry.path,
    requiredScope: typeof scope === 'string' ? scope : null,
    idempotencyKey: idempotency ? (idempotency['required'] === true ? 'required' : 'optional') : 'none',
    hasBody: entry.operation['requestBody'] !== undefined,
    successStatus,
    limit: limitOf(document, parameters, at),
    deprecated: entry.operation['deprecated'] === true,
    sunset: typeof sunset === 'string' ? sunset : null,
  };
}

/** The bounds of the `limit` query parameter, read from its schema; every bound must be there. */
function limitOf(document: OpenApiDocument, parameters: Array<Record<string, unknown>>, at: string): { minimum: number; maximum: number; default: number } | null {
  const parameter = parameters.find((candidate) => candidate['in'] === 'query' && candidate['name'] === 'limit');
  if (!parameter) return null;
  const schema = deref(document, parameter['schema'], { file: 'spec/dist/openapi.json', pointer: `${at}/parameters` }).value;
  const bounds = { minimum: schema['minimum'], maximum: schema['maximum'], default: schema['default'] };
  for (const [name, value] of Object.entries(bounds)) {
    if (typeof value !== 'number') {
      throw new LocatedError({ file: 'spec/dist/openapi.json', pointer: `${at}/parameters` }, `the limit parameter's schema needs a numeric ${name} (clients and the mock page by it)`);
    }
  }
  return bounds as { minimum: number; maximum: number; default: number };
}

/** A value as a TypeScript literal in the style of the rest of the code: `{ method: 'get', limit: null }`. */
function literal(value: unknown): string {
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (value === null || typeof value !== 'object') return String(value);
  const entries = Object.entries(value as Record<string, unknown>).map(([key, child]) => `${IDENTIFIER.test(key) ? key : `'${key}'`}: ${literal(child)}`);
  return `{ ${entries.join(', ')} }`;
}

/** The operationIds of the webhooks' deliveries (OpenAPI 3.1 `webhooks`). */
function webhookOperationIds(document: OpenApiDocument): string[] {
  const webhooks = ((document as unknown as { webhooks?: Record<string, Record<string, { operationId?: unknown }>> }).webhooks) ?? {};
  return Object.values(webhooks).flatMap((pathItem) => Object.values(pathItem ?? {}).map((operation) => operation?.operationId).filter((id): id is string => typeof id === 'string'));
}
