import { finding, isObject, operationResponses, operations, refName } from './lib/oas.js';

const isErrorStatus = (status) => status === 'default' || /^[45]([0-9]{2}|XX)$/.test(status);

/**
 * Every 4xx/5xx and `default` response has an `application/json` body that refers to the error
 * schema, and every operation declares `default`, so any status has a documented body.
 * Option: `schema` (the error schema's name).
 */
export default function fortaryErrorResponses(document, options) {
  const results = [];
  const reported = new Set();
  for (const entry of operations(document)) {
    const { operation, path } = entry;
    if (isObject(operation.responses) && !('default' in operation.responses)) {
      results.push(finding([...path, 'responses'], `Operation \`${operation.operationId}\` must declare a \`default\` response: \`default: { $ref: '#/components/responses/UnexpectedError' }\`.`));
    }
    for (const { status, response, path: responsePath } of operationResponses(document, entry)) {
      if (!isErrorStatus(status)) continue;
      const key = responsePath.join('\u0000');
      if (reported.has(key)) continue;
      reported.add(key);
      const media = isObject(response) && isObject(response.content) ? response.content['application/json'] : undefined;
      if (!isObject(media) || refName(media.schema) !== options.schema) {
        results.push(finding(isObject(media) ? [...responsePath, 'content', 'application/json', 'schema'] : responsePath, `Error response ${status} must return \`application/json\` with \`schema: { $ref: '#/components/schemas/${options.schema}' }\` (reuse a shared response from components.responses).`));
      }
    }
  }
  return results;
}
