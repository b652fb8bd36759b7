import { LocatedError, doNotEditHeader, escapePointerToken, type OpenApiDocument } from '@fortary/codegen-kit';
import { componentsModule } from './components-module.ts';
import { networksModule } from './networks-module.ts';
import { operationsModule } from './operations-module.ts';
import { assertRefinedComponentsExist } from './refinement-table.ts';
import type { ConvertContext, JsonSchema } from './schema-to-zod.ts';

const GENERATOR = '@fortary/generator-zod';
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * The files of @fortary/schemas' `src/generated` folder, one builder each:
 * - `networks.ts`: the network names, the asset grammar and the EVM networks, from the spec;
 * - `components.ts`: a request and a response zod schema per component schema;
 * - `operations.ts`: per operation, its method, path, request parts and response bodies.
 */
export function generateZod(document: OpenApiDocument, file = 'spec/dist/openapi.json'): Record<string, string> {
  const components = (document.components['schemas'] ?? {}) as Record<string, JsonSchema>;
  for (const name of Object.keys(components)) {
    if (!IDENTIFIER.test(name)) throw new LocatedError({ file, pointer: `/components/schemas/${escapePointerToken(name)}` }, `component schema '${name}' is not a valid identifier`);
  }
  assertRefinedComponentsExist(components, file);
  const context: ConvertContext = { file, document, components, constName: (name, flavour) => `${flavour}$${name}` };
  const header = doNotEditHeader(GENERATOR);
  return {
    'networks.ts': `${header}\n${networksModule(components, file)}`,
    'components.ts': `${header}\n${componentsModule(context)}`,
    'operations.ts': `${header}\n${operationsModule(document, context)}`,
  };
}
