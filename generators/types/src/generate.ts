import openapiTS, { astToString } from 'openapi-typescript';
import { doNotEditHeader, listOperations, type OpenApiDocument } from '@fortary/codegen-kit';

const GENERATOR = '@fortary/generator-types';
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * The files of @fortary/types' `src/generated` folder, from the bundled document:
 * - `openapi.ts`: openapi-typescript's `paths`, `components` and `operations`;
 * - `schemas.ts`: one named type per component schema (`Vault`, `Transfer`, …);
 * - `operations.ts`: the method and path of every operation, as data, for routing and docs.
 */
export async function generateTypes(document: OpenApiDocument): Promise<Record<string, string>> {
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0], {
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
  const rows = listOperations(document).map(({ operationId, method, path, operation }) => {
    const scope = operation['x-required-scope'];
    const deprecated = operation['deprecated'] === true;
    return `  ${operationId}: { method: '${method}', path: '${path}', requiredScope: ${scope ? `'${String(scope)}'` : 'null'}, deprecated: ${deprecated} },`;
  });
  // openapi-typescript lists the webhooks' operations in `operations` too; they are deliveries
  // the API makes, not operations it serves, so the table leaves them out.
  const webhookIds = webhookOperationIds(document);
  const served = webhookIds.length ? `Exclude<keyof operations, ${webhookIds.map((id) => `'${id}'`).join(' | ')}>` : 'keyof operations';
  return [
    "import type { operations } from './openapi.js';",
    '',
    '/** The HTTP method, path template and required scope of every operation, keyed by operationId. */',
    'export const operationTable = {',
    ...rows,
    `} as const satisfies Record<${served}, { method: string; path: string; requiredScope: string | null; deprecated: boolean }>;`,
    '',
    'export type OperationId = keyof typeof operationTable;',
    '',
  ].join('\n');
}

/** The operationIds of the webhooks' deliveries (OpenAPI 3.1 `webhooks`). */
function webhookOperationIds(document: OpenApiDocument): string[] {
  const webhooks = ((document as unknown as { webhooks?: Record<string, Record<string, { operationId?: unknown }>> }).webhooks) ?? {};
  return Object.values(webhooks).flatMap((pathItem) => Object.values(pathItem ?? {}).map((operation) => operation?.operationId).filter((id): id is string => typeof id === 'string'));
}
