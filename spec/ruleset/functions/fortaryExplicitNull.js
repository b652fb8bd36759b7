import { allSchemas, finding, isObject, responseSchemas } from './lib/oas.js';

/**
 * Nothing is optional in a response: every property of an object schema a response can return
 * is in `required`, and a value that can be absent is nullable instead (`type: [T, 'null']`, or
 * `oneOf: [{ $ref: T }, { type: 'null' }]` when T is a `$ref`). The OpenAPI 3.0 `nullable`
 * keyword means nothing in 3.1 and is rejected everywhere.
 */
export default function fortaryExplicitNull(document) {
  const results = [];
  const reported = new Set();
  for (const { schema, path } of responseSchemas(document)) {
    if (!isObject(schema.properties)) continue;
    const key = path.join('\u0000');
    if (reported.has(key)) continue;
    reported.add(key);
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    for (const name of Object.keys(schema.properties)) {
      if (!required.has(name)) {
        results.push(finding([...path, 'properties', name], `Response property \`${name}\` must be listed in \`required\`: when it can be absent, keep it required and make it nullable (\`oneOf: [{ $ref: ... }, { type: 'null' }]\` or \`type: [T, 'null']\`).`));
      }
    }
  }
  for (const { schema, path } of allSchemas(document)) {
    if ('nullable' in schema) {
      results.push(finding([...path, 'nullable'], `Remove \`nullable\` (not OpenAPI 3.1): write \`type: [T, 'null']\`, or \`oneOf: [{ $ref: ... }, { type: 'null' }]\` for a \`$ref\`.`));
    }
  }
  return results;
}
