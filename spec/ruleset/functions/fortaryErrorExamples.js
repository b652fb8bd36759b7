import { errorCatalog } from './lib/catalog.js';
import { finding, isObject, operationResponses, operations, refName } from './lib/oas.js';

/** The examples of one response's JSON body: `{ value, path }`. */
function examplesOf(response, path) {
  const media = isObject(response) && isObject(response.content) ? response.content['application/json'] : undefined;
  if (!isObject(media)) return { schema: undefined, examples: [] };
  const base = [...path, 'content', 'application/json'];
  const examples = [];
  if ('example' in media) examples.push({ value: media.example, path: [...base, 'example'] });
  if (isObject(media.examples)) {
    for (const [name, example] of Object.entries(media.examples)) if (isObject(example) && 'value' in example) examples.push({ value: example.value, path: [...base, 'examples', name, 'value'] });
  }
  return { schema: media.schema, examples };
}

/**
 * Each error example agrees with the status it is returned under: its `code` belongs to that
 * status in the catalog and its `type` is the type of that status (for `default`, the type of
 * its code). Options: `codeSchema`, `errorSchema`.
 */
export default function fortaryErrorExamples(document, options) {
  const { catalog, typeOfStatus } = errorCatalog(document, options.codeSchema);
  const results = [];
  const reported = new Set();
  for (const entry of operations(document)) {
    for (const { status, response, path } of operationResponses(document, entry)) {
      const { schema, examples } = examplesOf(response, path);
      if (refName(schema) !== options.errorSchema) continue;
      for (const example of examples) {
        const key = `${status}\u0000${example.path.join('\u0000')}`;
        if (reported.has(key) || !isObject(example.value)) continue;
        reported.add(key);
        const { type, code } = example.value;
        const documented = typeof code === 'string' ? catalog[code] : undefined;
        if (!isObject(documented)) continue; // an unknown code is fortary-error-catalog's finding
        const where = entry.operation.operationId ?? entry.path.join(' ');
        if (status !== 'default' && String(documented.status) !== status) {
          results.push(finding([...example.path, 'code'], `Error code \`${code}\` is documented for status ${documented.status}, but this example is returned as ${status} by \`${where}\`: use a ${status} code, or move the example to the ${documented.status} response.`));
        }
        const expectedType = status === 'default' ? documented.type : (typeOfStatus.get(status) ?? documented.type);
        if (type !== expectedType) {
          results.push(finding([...example.path, 'type'], `Error type \`${String(type)}\` does not match status ${status === 'default' ? `${documented.status} of code \`${code}\`` : status}: set \`type: ${expectedType}\`.`));
        }
      }
    }
  }
  return results;
}
