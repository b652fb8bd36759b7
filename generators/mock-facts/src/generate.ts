import { LocatedError, doNotEditHeader, type OpenApiDocument } from '@fortary/codegen-kit';
import { exampleFacts } from './example-facts.ts';
import { responseShapes } from './response-shapes.ts';

const GENERATOR = '@fortary/generator-mock-facts';

type Json = Record<string, unknown>;

/**
 * The files of @fortary/mock's `src/generated` folder. The mock is published, so it carries
 * these facts with it instead of reading the repository at run time. Per-operation facts
 * (method, path, scope, idempotency, pagination bounds, …) live in @fortary/types'
 * `operationTable`, which the mock imports; this adds what only the mock needs:
 * - every scope (the bootstrap key holds them all),
 * - the error catalog (status and type of every code),
 * - the properties of every response schema, in document order, with their nullability, which
 *   the mock's finisher uses to serve a field no renderer fills (see the mock's README).
 */
export function generateMockFacts(document: OpenApiDocument, file = 'spec/dist/openapi.json'): Record<string, string> {
  const scopes = stringEnum(document, 'Scope', file);
  const catalog = errorCatalog(document, file);
  const shapes = responseShapes(document, file);
  const lines = [
    doNotEditHeader(GENERATOR),
    "import type { components } from '@fortary/types';",
    '',
    '/** Every scope an API key may hold, in the order of the spec. */',
    `export const SCOPES = ${JSON.stringify(scopes)} as const;`,
    'export type Scope = (typeof SCOPES)[number];',
    '',
    '/** x-error-catalog: the status and type of every error code. */',
    `export const ERROR_CATALOG = ${JSON.stringify(catalog, null, 2)} as const;`,
    'export type ErrorCode = keyof typeof ERROR_CATALOG;',
    '',
    '/** One property of a response schema: whether it is required, may be null, and is a date-time. */',
    'export interface PropertyShape {',
    '  readonly name: string;',
    '  readonly required: boolean;',
    '  readonly nullable: boolean;',
    '  readonly timestamp: boolean;',
    '}',
    '',
    '/** The properties of every object schema a response can contain, in the order of the spec. */',
    'export const RESPONSE_SHAPES = {',
    ...Object.entries(shapes).map(
      ([name, properties]) =>
        `  ${name}: [\n${properties.map((property) => `    { name: ${JSON.stringify(property.name)}, required: ${property.required}, nullable: ${property.nullable}, timestamp: ${property.timestamp} },`).join('\n')}\n  ],`,
    ),
    "} as const satisfies Partial<Record<keyof components['schemas'], readonly PropertyShape[]>>;",
    'export type ShapedSchema = keyof typeof RESPONSE_SHAPES;',
    '',
  ];
  const examples = [
    doNotEditHeader('@fortary/generator-mock-facts (src/example-facts.ts)'),
    "/** The records the spec's response examples show; the default seed holds every one of them. */",
    `export const SPEC_EXAMPLES = ${JSON.stringify(exampleFacts(document, file), null, 2)} as const;`,
    '',
  ];
  return { 'spec-facts.ts': lines.join('\n'), 'spec-examples.ts': examples.join('\n') };
}

function stringEnum(document: OpenApiDocument, name: string, file: string): string[] {
  const values = ((document.components['schemas'] ?? {}) as Json)[name] as Json | undefined;
  const list = values?.['enum'];
  if (!Array.isArray(list) || !list.every((value) => typeof value === 'string')) {
    throw new LocatedError({ file, pointer: `/components/schemas/${name}/enum` }, `the mock needs components.schemas.${name} as an enum of strings`);
  }
  return list;
}

function errorCatalog(document: OpenApiDocument, file: string): Record<string, { status: number; type: string }> {
  const pointer = '/components/schemas/ErrorCode/x-error-catalog';
  const catalog = (((document.components['schemas'] ?? {}) as Json)['ErrorCode'] as Json | undefined)?.['x-error-catalog'] as Json | undefined;
  if (!catalog || typeof catalog !== 'object') throw new LocatedError({ file, pointer }, 'the error catalog is missing');
  return Object.fromEntries(
    Object.entries(catalog).map(([code, raw]) => {
      const entry = raw as Json;
      if (typeof entry['status'] !== 'number' || typeof entry['type'] !== 'string') {
        throw new LocatedError({ file, pointer: `${pointer}/${code}` }, 'each catalog entry needs a numeric status and a type');
      }
      return [code, { status: entry['status'], type: entry['type'] }];
    }),
  );
}
