import { escapePointerToken } from '@fortary/codegen-kit';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: under NodeNext its default import is the module object in the types,
// while Node hands over the function itself.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

/**
 * Every example in the bundled document, with the pointer of the schema it must satisfy:
 * media-type, parameter and header examples (single and named), and schema-level `examples`.
 */
export function collectExamples(document: Record<string, any>): Array<{ at: string; schema: string; value: unknown }> {
  const found: Array<{ at: string; schema: string; value: unknown }> = [];
  const visit = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) return node.forEach((child, index) => visit(child, `${pointer}/${index}`));
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, any>;
    if ('schema' in record && typeof record.schema === 'object') {
      if ('example' in record) found.push({ at: `${pointer}/example`, schema: `${pointer}/schema`, value: record.example });
      for (const [name, example] of Object.entries<any>(record.examples ?? {})) {
        found.push({ at: `${pointer}/examples/${escapePointerToken(name)}`, schema: `${pointer}/schema`, value: example.value });
      }
    }
    const isSchema = pointer.startsWith('/components/schemas/') && Array.isArray(record.examples);
    if (isSchema) record.examples.forEach((value: unknown, index: number) => found.push({ at: `${pointer}/examples/${index}`, schema: pointer, value }));
    for (const [key, child] of Object.entries(record)) {
      if (key === 'example' || (key === 'examples' && (isSchema || 'schema' in record))) continue;
      visit(child, `${pointer}/${escapePointerToken(key)}`);
    }
  };
  visit(document, '');
  return found;
}

/** ajv (JSON Schema 2020-12) holding `document` as `openapi.json`: `getSchema('openapi.json#/pointer')`. */
export function exampleValidator(document: Record<string, any>) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document, 'openapi.json');
  return ajv;
}
