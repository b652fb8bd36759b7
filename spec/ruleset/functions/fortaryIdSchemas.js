import { finding, isObject } from './lib/oas.js';

/**
 * Every component schema named `…Id` is a prefixed id: `type: string`, pattern exactly
 * `^<prefix>_[a-z0-9]+$` with the prefix registered for it in the ruleset, and bounded length.
 * Options: `prefixes` (schema name → prefix), `structured` (ids with their own grammar, e.g.
 * AssetId), `maxLength` (the largest bound allowed).
 */
export default function fortaryIdSchemas(document, options) {
  const results = [];
  const schemas = isObject(document.components) && isObject(document.components.schemas) ? document.components.schemas : {};
  const structured = new Set(options.structured ?? []);
  for (const [name, schema] of Object.entries(schemas)) {
    if (!/Id$/.test(name) || structured.has(name) || !isObject(schema)) continue;
    const path = ['components', 'schemas', name];
    const prefix = options.prefixes?.[name];
    if (prefix === undefined) {
      results.push(finding(path, `\`${name}\` is named like an id but has no known prefix. Register its prefix under fortary-id-schema's \`prefixes\` in spec/.spectral.yaml (and the id-reference rule), or rename the schema.`));
      continue;
    }
    const expected = `^${prefix}_[a-z0-9]+$`;
    if (schema.type !== 'string') results.push(finding([...path, 'type'], `\`${name}\` must be \`type: string\`: ids are opaque strings like \`${prefix}_3f8a2c1d9b\`.`));
    if (schema.pattern !== expected) results.push(finding(schema.pattern === undefined ? path : [...path, 'pattern'], `\`${name}\` must have \`pattern: '${expected}'\` (prefix \`${prefix}_\`, then lowercase letters and digits).`));
    if (typeof schema.maxLength !== 'number' || schema.maxLength > options.maxLength) {
      results.push(finding(schema.maxLength === undefined ? path : [...path, 'maxLength'], `\`${name}\` must bound its length: set \`maxLength\` to at most ${options.maxLength}.`));
    }
    if (typeof schema.minLength !== 'number' || schema.minLength < prefix.length + 2) {
      results.push(finding(schema.minLength === undefined ? path : [...path, 'minLength'], `\`${name}\` must set \`minLength: ${prefix.length + 2}\` (the prefix \`${prefix}_\` and at least one character).`));
    }
  }
  return results;
}
