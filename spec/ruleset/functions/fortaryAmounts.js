import { allProperties, componentSchema, finding, referredSchemaName } from './lib/oas.js';

/**
 * Money is a decimal string: the amount schema is `type: string` with the decimal pattern, and
 * every money-named property refers to it (so no money is ever a JSON number).
 * Options: `schema`, `pattern`, `names` (exact names), `suffixes` (e.g. `Value`).
 */
export default function fortaryAmounts(document, options) {
  const results = [];
  const path = ['components', 'schemas', options.schema];
  const amount = componentSchema(document, options.schema);
  if (!amount) {
    results.push(finding(['components', 'schemas'], `Define \`${options.schema}\`: a decimal string (\`type: string\`, \`pattern: '${options.pattern}'\`) for every amount of money.`));
  } else {
    if (amount.type !== 'string') results.push(finding(amount.type === undefined ? path : [...path, 'type'], `\`${options.schema}\` must be \`type: string\`: money is a decimal string, never a JSON number.`));
    if (amount.pattern !== options.pattern) results.push(finding(amount.pattern === undefined ? path : [...path, 'pattern'], `\`${options.schema}\` must have \`pattern: '${options.pattern}'\` (a non-negative decimal, no exponent).`));
  }
  const names = new Set(options.names);
  const suffixes = options.suffixes ?? [];
  for (const { name, schema, path: propertyPath } of allProperties(document)) {
    const isMoney = names.has(name) || suffixes.some((suffix) => name.length > suffix.length && name.endsWith(suffix));
    if (isMoney && referredSchemaName(schema) !== options.schema) {
      results.push(finding(propertyPath, `Property \`${name}\` holds money: refer to \`$ref: '#/components/schemas/${options.schema}'\` (or \`oneOf: [{ $ref: ... }, { type: 'null' }]\`), never a number or an inline string.`));
    }
  }
  return results;
}
