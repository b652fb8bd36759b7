import { deref, finding, isNullable, isObject, mergedParameters, operationResponses, operations } from './lib/oas.js';

/** The JSON schema of a response, resolved, with its path. */
function jsonSchema(document, response, path) {
  const media = isObject(response) && isObject(response.content) ? response.content['application/json'] : undefined;
  if (!isObject(media) || !isObject(media.schema)) return { node: undefined, path };
  return deref(document, media.schema, [...path, 'content', 'application/json', 'schema']);
}

/**
 * A list operation (a GET whose operationId starts with `list`, or whose success body has a
 * `data` array) takes `cursor` and `limit` query parameters and returns `{ data, nextCursor }`
 * with both required, `nextCursor` nullable, and no total or count.
 * Options: `forbidden` (property names that would leak a total).
 */
export default function fortaryPagination(document, options) {
  const results = [];
  const reportedEnvelopes = new Set();
  const forbidden = new Set(options.forbidden);
  for (const entry of operations(document)) {
    const { operation, method, path } = entry;
    if (method !== 'get') continue;
    const success = operationResponses(document, entry).find(({ status }) => status === '200');
    const envelope = success ? jsonSchema(document, success.response, success.path) : { node: undefined, path };
    const hasDataArray = isObject(envelope.node) && isObject(envelope.node.properties) && isObject(envelope.node.properties.data);
    const namedAsList = typeof operation.operationId === 'string' && operation.operationId.startsWith('list');
    if (!hasDataArray && !namedAsList) continue;
    const id = operation.operationId ?? `${method.toUpperCase()} ${path[1]}`;

    const query = new Set(mergedParameters(document, entry).filter(({ parameter }) => parameter.in === 'query').map(({ parameter }) => parameter.name));
    for (const name of ['cursor', 'limit']) {
      if (!query.has(name)) {
        const component = name === 'cursor' ? 'Cursor' : 'Limit';
        results.push(finding(path, `List operation \`${id}\` must take the \`${name}\` query parameter: add \`- $ref: '#/components/parameters/${component}'\` to its parameters.`));
      }
    }

    if (!isObject(envelope.node)) {
      results.push(finding(success ? success.path : [...path, 'responses'], `List operation \`${id}\` must answer 200 with an \`application/json\` page \`{ data, nextCursor }\` (reuse a \`…Page\` schema).`));
      continue;
    }
    const envelopeKey = envelope.path.join('\u0000');
    if (reportedEnvelopes.has(envelopeKey)) continue;
    reportedEnvelopes.add(envelopeKey);
    const properties = isObject(envelope.node.properties) ? envelope.node.properties : {};
    const required = new Set(Array.isArray(envelope.node.required) ? envelope.node.required : []);
    const data = deref(document, properties.data, [...envelope.path, 'properties', 'data']).node;
    if (!isObject(data) || data.type !== 'array') {
      results.push(finding(envelope.path, `The page of \`${id}\` must have a \`data\` array property holding the items.`));
    }
    const nextCursor = deref(document, properties.nextCursor, [...envelope.path, 'properties', 'nextCursor']).node;
    if (!isObject(properties.nextCursor)) {
      results.push(finding(envelope.path, `The page of \`${id}\` must have a \`nextCursor\` property: \`$ref: '#/components/schemas/NextCursor'\` (a cursor, or null on the last page).`));
    } else if (!isNullable(nextCursor)) {
      results.push(finding([...envelope.path, 'properties', 'nextCursor'], `\`nextCursor\` must be nullable (null on the last page): use \`$ref: '#/components/schemas/NextCursor'\`.`));
    }
    for (const name of ['data', 'nextCursor']) {
      if (isObject(properties[name]) && !required.has(name)) results.push(finding([...envelope.path, 'properties', name], `\`${name}\` of the page of \`${id}\` must be in \`required\`.`));
    }
    for (const name of Object.keys(properties)) {
      if (forbidden.has(name)) results.push(finding([...envelope.path, 'properties', name], `The page of \`${id}\` must not expose \`${name}\`: pages never carry a total (it is costly and changes while clients page). Remove it.`));
    }
  }
  return results;
}
