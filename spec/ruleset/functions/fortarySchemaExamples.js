import { allSchemas, finding } from './lib/oas.js';

/**
 * Schema-level `examples` belong to named component schemas (`#/components/schemas/X`), where
 * the docs show them and the tests validate them with the generated validators. On an inline
 * schema (a property, list items, a branch) they would be seen by neither.
 */
export default function fortarySchemaExamples(document) {
  const results = [];
  const reported = new Set();
  for (const { schema, path } of allSchemas(document)) {
    const named = path.length === 3 && path[0] === 'components' && path[1] === 'schemas';
    if (named || !('examples' in schema)) continue;
    const key = path.join('\u0000');
    if (reported.has(key)) continue;
    reported.add(key);
    results.push(finding([...path, 'examples'], 'Move `examples` off this inline schema: put the schema in `components/schemas` under a name and refer to it with `$ref` (examples live on named schemas), or show the value in the operation\'s media-type example.'));
  }
  return results;
}
