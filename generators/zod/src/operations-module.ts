import { LocatedError, deref, escapePointerToken, listOperations, mergedParameters, type OpenApiDocument, type OperationEntry } from '@fortary/codegen-kit';
import { NamedParts, headerSetName } from './named-parts.ts';
import { parametersObject, requestBodySchema, responseBodySchema, responseHeadersSchema } from './operation-parts.ts';
import { helperImport } from './refinement-table.ts';
import type { ConvertContext } from './schema-to-zod.ts';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The request parts, in the order `operationSchemas` lists them, with the parameter location each holds. */
const REQUEST_PARTS = [
  { part: 'path', location: 'path' },
  { part: 'query', location: 'query' },
  { part: 'headers', location: 'header' },
] as const;

/** One operation's entry of `operationSchemas`: per part or status, the constant that holds its schema. */
interface OperationCode {
  operationId: string;
  method: string;
  path: string;
  request: Array<[string, string]>;
  responses: Array<[string, string]>;
  responseHeaders: Array<[string, string]>;
}

/**
 * `operations.ts`: every request part and response body and header set as a named constant (so
 * the declaration files stay small), and `operationSchemas`, per operationId its method, path,
 * request parts and, per status, response body and headers.
 */
export function operationsModule(document: OpenApiDocument, context: ConvertContext): string {
  const parts = new NamedParts();
  const operations = listOperations(document, context.file).map((entry) => operationCode(document, entry, parts, context));
  const code = parts.declarations.join('\n');
  const typeLines = operations.flatMap((operation) => renderOperation(operation, 'type'));
  const valueLines = operations.flatMap((operation) => renderOperation(operation, 'value'));
  const componentImports = [...new Set([code, ...valueLines].join('\n').match(/\b(?:request|response)\$[A-Za-z0-9_]+/g) ?? [])].sort();
  return [
    "import { z } from 'zod';",
    ...helperImport(code),
    "import type { OperationSchema } from '../operation-schema.js';",
    `import { ${componentImports.join(', ')} } from './components.js';`,
    '',
    code,
    '',
    '/**',
    ' * Per operationId: its method and path, its request parts (strict; header names lower-cased;',
    " * query values coerced from their text with the spec's defaults) and, per status, its",
    ' * response body and headers (tolerant).',
    ' */',
    'export const operationSchemas: {',
    ...typeLines,
    '} = {',
    ...valueLines,
    '};',
    '',
    '// Checked here rather than by annotation, so each entry keeps its precise type.',
    'operationSchemas satisfies Record<string, OperationSchema>;',
    '',
    'export type OperationId = keyof typeof operationSchemas;',
    '',
  ].join('\n');
}

function operationCode(document: OpenApiDocument, entry: OperationEntry, parts: NamedParts, context: ConvertContext): OperationCode {
  const { file } = context;
  const { operationId, method, path, operation, pointer } = entry;
  if (!IDENTIFIER.test(operationId)) throw new LocatedError({ file, pointer }, `operationId '${operationId}' is not a valid identifier`);
  const parameters = mergedParameters(document, entry, file);
  const cookie = parameters.find(({ parameter }) => parameter.in === 'cookie');
  if (cookie) throw new LocatedError({ file, pointer: cookie.pointer }, 'cookie parameters are not supported by the zod generator');

  const result: OperationCode = { operationId, method, path, request: [], responses: [], responseHeaders: [] };
  for (const { part, location } of REQUEST_PARTS) {
    const inLocation = parameters.filter(({ parameter }) => parameter.in === location);
    if (inLocation.length) result.request.push([part, parts.name(`${operationId}$${part}`, parametersObject(inLocation, location, context))]);
  }
  const body = requestBodySchema(operation['requestBody'], `${pointer}/requestBody`, context);
  if (body) result.request.push(['body', parts.name(`${operationId}$body`, body)]);

  for (const [status, raw] of Object.entries((operation['responses'] ?? {}) as Record<string, unknown>)) {
    const response = deref(document, raw, { file, pointer: `${pointer}/responses/${escapePointerToken(status)}` });
    const stem = response.componentName ?? `${operationId}$${status}`;
    result.responses.push([status, parts.name(`${stem}$body`, responseBodySchema(response.value, response.pointer, context))]);
    // Most responses share one header set: name it by its headers, not by its first user.
    result.responseHeaders.push([status, parts.name(headerSetName(response.value), responseHeadersSchema(response.value, response.pointer, context))]);
  }
  return result;
}

/**
 * The lines of one entry of `operationSchemas`, in its type annotation (`readonly`, `typeof`
 * each constant, members ended by `;`) or in its value (the constants, members ended by `,`).
 */
function renderOperation(operation: OperationCode, mode: 'type' | 'value'): string[] {
  const [readonly, end, refer] = mode === 'type' ? ['readonly ', ';', (name: string) => `typeof ${name}`] : ['', ',', (name: string) => name];
  const record = (key: string, pairs: Array<[string, string]>) =>
    pairs.length
      ? [`    ${readonly}${key}: {`, ...pairs.map(([name, constant]) => `      ${readonly}${JSON.stringify(name)}: ${refer(constant)}${end}`), `    }${end}`]
      : [`    ${readonly}${key}: {}${end}`];
  return [
    `  ${readonly}${operation.operationId}: {`,
    `    ${readonly}method: ${JSON.stringify(operation.method)}${end}`,
    `    ${readonly}path: ${JSON.stringify(operation.path)}${end}`,
    ...record('request', operation.request),
    ...record('responses', operation.responses),
    ...record('responseHeaders', operation.responseHeaders),
    `  }${end}`,
  ];
}
