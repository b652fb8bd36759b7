import { finding, isObject, nonNullBranch, refName, deref, responseSchemas } from './lib/oas.js';

/**
 * An enum may grow within v1 (a scope, a network, a status). A response array of enum values
 * capped by `maxItems` near the enum's size breaks as soon as the enum grows: a response that
 * holds every value (a key with all scopes) no longer validates. The cap must leave `headroom`
 * times the enum's current size.
 */
export default function fortaryResponseArrayHeadroom(document, options) {
  const headroom = options?.headroom ?? 4;
  const results = [];
  const reported = new Set();
  for (const { schema, path } of responseSchemas(document)) {
    if (!Number.isInteger(schema.maxItems) || !isObject(schema.items)) continue;
    const items = nonNullBranch(schema.items);
    const { node } = deref(document, items, [...path, 'items']);
    if (!isObject(node) || !Array.isArray(node.enum)) continue;
    const size = node.enum.filter((value) => value !== null).length;
    if (schema.maxItems >= size * headroom) continue;
    const key = path.join('\u0000');
    if (reported.has(key)) continue;
    reported.add(key);
    const name = refName(items) ?? 'its enum';
    results.push(finding([...path, 'maxItems'], `Raise \`maxItems\` (${schema.maxItems}) to at least ${size * headroom}: a response can return this list of ${name} values (${size} today), and a value added within v1 must not make a full list invalid.`));
  }
  return results;
}
