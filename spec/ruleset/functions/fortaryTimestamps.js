import { allProperties, componentSchema, finding, referredSchemaName } from './lib/oas.js';

/**
 * Instants are UTC: the timestamp schema is `format: date-time` with a pattern that ends in
 * `Z$`, and every `…At` property refers to it. Options: `schema`, `suffix`.
 */
export default function fortaryTimestamps(document, options) {
  const results = [];
  const path = ['components', 'schemas', options.schema];
  const timestamp = componentSchema(document, options.schema);
  if (!timestamp) {
    results.push(finding(['components', 'schemas'], `Define \`${options.schema}\`: \`type: string\`, \`format: date-time\` and a pattern ending in \`Z$\`.`));
  } else {
    if (timestamp.type !== 'string' || timestamp.format !== 'date-time') {
      results.push(finding(path, `\`${options.schema}\` must be \`type: string\` with \`format: date-time\`.`));
    }
    if (typeof timestamp.pattern !== 'string' || !timestamp.pattern.endsWith('Z$')) {
      results.push(finding(timestamp.pattern === undefined ? path : [...path, 'pattern'], `\`${options.schema}\` must enforce UTC with a pattern that ends in \`Z$\` (e.g. '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z$').`));
    }
  }
  for (const { name, schema, path: propertyPath } of allProperties(document)) {
    if (name.length > options.suffix.length && name.endsWith(options.suffix) && referredSchemaName(schema) !== options.schema) {
      results.push(finding(propertyPath, `Property \`${name}\` is an instant: refer to \`$ref: '#/components/schemas/${options.schema}'\` (or \`oneOf: [{ $ref: ... }, { type: 'null' }]\` when it can be null).`));
    }
  }
  return results;
}
