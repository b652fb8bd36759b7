import { finding, isObject, operationResponses, operations } from './lib/oas.js';

/**
 * Every response declares the headers every response carries (request id, rate limit,
 * deprecation), and the statuses a client must wait on declare `Retry-After`.
 * Options: `always` (header names), `retryStatuses`, `retryHeader`.
 */
export default function fortaryResponseHeaders(document, options) {
  const results = [];
  const checked = new Set();
  const declared = (response) => new Set(Object.keys(isObject(response.headers) ? response.headers : {}).map((name) => name.toLowerCase()));
  const checkAlways = (response, path) => {
    const key = path.join('\u0000');
    if (checked.has(key) || !isObject(response)) return;
    checked.add(key);
    const names = declared(response);
    const missing = options.always.filter((name) => !names.has(name.toLowerCase()));
    if (missing.length > 0) {
      results.push(finding(isObject(response.headers) ? [...path, 'headers'] : path, `The response must declare header(s) ${missing.join(', ')}: add \`${missing[0]}: { $ref: '#/components/headers/${missing[0]}' }\` (and the others likewise) under \`headers\`.`));
    }
  };
  const retryChecked = new Set();
  for (const entry of operations(document)) {
    for (const { status, response, path } of operationResponses(document, entry)) {
      checkAlways(response, path);
      const key = path.join('\u0000');
      if (!options.retryStatuses.includes(status) || !isObject(response) || retryChecked.has(key)) continue;
      retryChecked.add(key);
      if (!declared(response).has(options.retryHeader.toLowerCase())) {
        results.push(finding(isObject(response.headers) ? [...path, 'headers'] : path, `A ${status} response must declare \`${options.retryHeader}\` (seconds to wait): add \`${options.retryHeader}: { $ref: '#/components/headers/${options.retryHeader}' }\`.`));
      }
    }
  }
  const components = isObject(document.components) && isObject(document.components.responses) ? document.components.responses : {};
  for (const [name, response] of Object.entries(components)) checkAlways(response, ['components', 'responses', name]);
  return results;
}
