/**
 * Reads the bundled spec and writes src/generated/spec-facts.ts: the facts the mock needs at
 * run time (network names, scopes, the error catalog, and per operation its idempotency rule,
 * body, pagination bounds, success status and deprecation). The mock is published, so it
 * carries these facts with it instead of reading the repository at run time.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import {
  LocatedError,
  doNotEditHeader,
  listOperations,
  loadBundledSpec,
  replaceOutputDir,
  bundledSpecPath,
  type OpenApiDocument,
} from '@fortary/codegen-kit';
import { runCli } from '@fortary/codegen-kit';
import { exampleFacts } from './example-facts.ts';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(packageDir, 'src', 'generated');

type Json = Record<string, unknown>;

function resolveRef(document: OpenApiDocument, value: unknown): Json {
  let current = value as Json;
  const seen = new Set<string>();
  while (current && typeof current === 'object' && typeof current['$ref'] === 'string') {
    const ref = current['$ref'] as string;
    if (seen.has(ref)) throw new LocatedError({ file: 'spec/dist/openapi.json', pointer: ref.slice(1) }, 'circular $ref');
    seen.add(ref);
    if (!ref.startsWith('#/')) throw new LocatedError({ file: 'spec/dist/openapi.json', pointer: ref }, 'only local $refs are expected in the bundle');
    let target: unknown = document;
    for (const token of ref.slice(2).split('/')) {
      target = (target as Json)[token.replaceAll('~1', '/').replaceAll('~0', '~')];
      if (target === undefined) throw new LocatedError({ file: 'spec/dist/openapi.json', pointer: ref.slice(1) }, 'dangling $ref');
    }
    current = target as Json;
  }
  return current;
}

function schemaAt(document: OpenApiDocument, name: string): Json {
  const schema = (document.components['schemas'] as Json | undefined)?.[name] as Json | undefined;
  if (!schema) throw new LocatedError({ file: 'spec/dist/openapi.json', pointer: `/components/schemas/${name}` }, `the mock needs components.schemas.${name}`);
  return schema;
}

function stringEnum(document: OpenApiDocument, name: string): string[] {
  const values = schemaAt(document, name)['enum'];
  if (!Array.isArray(values) || !values.every((value) => typeof value === 'string')) {
    throw new LocatedError({ file: 'spec/dist/openapi.json', pointer: `/components/schemas/${name}/enum` }, 'expected an enum of strings');
  }
  return values;
}

interface OperationFacts {
  idempotencyKey: 'none' | 'optional' | 'required';
  hasBody: boolean;
  paginated: boolean;
  queryParameters: string[];
  successStatus: number;
  deprecated: boolean;
  sunset: string | null;
}

function main(): void {
  const file = bundledSpecPath(packageDir);
  const document = loadBundledSpec(file);
  const networkNames = stringEnum(document, 'NetworkName');
  const scopes = stringEnum(document, 'Scope');
  const transferStatuses = stringEnum(document, 'TransferStatus');
  const catalog = schemaAt(document, 'ErrorCode')['x-error-catalog'] as Record<string, { status: number; type: string }> | undefined;
  if (!catalog) throw new LocatedError({ file, pointer: '/components/schemas/ErrorCode/x-error-catalog' }, 'the error catalog is missing');
  const errorCatalog = Object.fromEntries(Object.entries(catalog).map(([code, entry]) => [code, { status: entry.status, type: entry.type }]));

  const limitSchema = resolveRef(document, (document.components['parameters'] as Json)['Limit'])['schema'] as Json;
  const limit = { minimum: limitSchema['minimum'], maximum: limitSchema['maximum'], default: limitSchema['default'] };

  const operations: Record<string, OperationFacts> = {};
  for (const entry of listOperations(document, file)) {
    const pathItem = document.paths[entry.path] as Json;
    const parameters = [...((pathItem['parameters'] as unknown[]) ?? []), ...((entry.operation['parameters'] as unknown[]) ?? [])].map((parameter) =>
      resolveRef(document, parameter),
    );
    const idempotency = parameters.find((parameter) => parameter['in'] === 'header' && String(parameter['name']).toLowerCase() === 'idempotency-key');
    const responses = entry.operation['responses'] as Json;
    const successStatus = Object.keys(responses).map(Number).find((status) => status >= 200 && status < 300);
    if (successStatus === undefined) {
      throw new LocatedError({ file, pointer: `/paths/${entry.path.replaceAll('/', '~1')}/${entry.method}/responses` }, 'no 2xx response');
    }
    operations[entry.operationId] = {
      idempotencyKey: idempotency ? (idempotency['required'] ? 'required' : 'optional') : 'none',
      hasBody: entry.operation['requestBody'] !== undefined,
      paginated: parameters.some((parameter) => parameter['in'] === 'query' && parameter['name'] === 'cursor'),
      queryParameters: parameters.filter((parameter) => parameter['in'] === 'query').map((parameter) => String(parameter['name'])),
      successStatus,
      deprecated: entry.operation['deprecated'] === true,
      sunset: typeof entry.operation['x-sunset'] === 'string' ? (entry.operation['x-sunset'] as string) : null,
    };
  }

  const lines = [
    doNotEditHeader('@fortary/mock (scripts/generate-spec-facts.ts)'),
    '/** The network names requests may use, in the order of the spec. */',
    `export const NETWORK_NAMES = ${JSON.stringify(networkNames)} as const;`,
    'export type NetworkName = (typeof NETWORK_NAMES)[number];',
    '',
    '/** Every scope an API key may hold. */',
    `export const SCOPES = ${JSON.stringify(scopes)} as const;`,
    'export type Scope = (typeof SCOPES)[number];',
    '',
    `export const TRANSFER_STATUSES = ${JSON.stringify(transferStatuses)} as const;`,
    '',
    '/** x-error-catalog: the status and type of every error code. */',
    `export const ERROR_CATALOG = ${JSON.stringify(errorCatalog, null, 2)} as const;`,
    'export type ErrorCode = keyof typeof ERROR_CATALOG;',
    '',
    '/** The bounds and default of the `limit` query parameter of every list operation. */',
    `export const LIMIT = ${JSON.stringify(limit)} as const;`,
    '',
    '/** What the mock needs to know about each operation beyond its method, path and scope. */',
    'export interface OperationFacts {',
    "  idempotencyKey: 'none' | 'optional' | 'required';",
    '  hasBody: boolean;',
    '  paginated: boolean;',
    '  queryParameters: readonly string[];',
    '  successStatus: number;',
    '  deprecated: boolean;',
    '  /** `x-sunset` of the operation (an ISO date), when it is retiring. */',
    '  sunset: string | null;',
    '}',
    '',
    `export const OPERATION_FACTS = ${JSON.stringify(operations, null, 2)} as const satisfies Record<string, OperationFacts>;`,
    '',
  ];
  const examples = [
    doNotEditHeader('@fortary/mock (scripts/example-facts.ts)'),
    '/** The records the spec\'s response examples show; the default seed holds every one of them. */',
    `export const SPEC_EXAMPLES = ${JSON.stringify(exampleFacts(document, file), null, 2)} as const;`,
    '',
  ];
  replaceOutputDir(outDir, { 'spec-facts.ts': lines.join('\n'), 'spec-examples.ts': examples.join('\n') });
  process.stdout.write(`wrote ${join(outDir, 'spec-facts.ts')}\n`);
}

await runCli('fortary-mock generate', main);
