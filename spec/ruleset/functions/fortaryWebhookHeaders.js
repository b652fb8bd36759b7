import { deref, finding, isObject } from './lib/oas.js';
import { webhookDeliveries } from './lib/webhooks.js';

/**
 * Every webhook documents the headers of its delivery as required header parameters: the
 * signature receivers verify, and the event id and type. Options: `headers` (names).
 */
export default function fortaryWebhookHeaders(document, options) {
  const results = [];
  const reported = new Set();
  for (const { name, operation, path } of webhookDeliveries(document)) {
    if (!operation) continue;
    const declared = new Map();
    for (const [index, entry] of (Array.isArray(operation.parameters) ? operation.parameters : []).entries()) {
      const { node, path: at } = deref(document, entry, [...path, 'post', 'parameters', index]);
      if (isObject(node) && node.in === 'header' && typeof node.name === 'string') declared.set(node.name.toLowerCase(), { node, at });
    }
    for (const header of options.headers) {
      const found = declared.get(header.toLowerCase());
      if (!found) {
        const component = header.replaceAll('-', '');
        results.push(finding(Array.isArray(operation.parameters) ? [...path, 'post', 'parameters'] : [...path, 'post'], `Webhook \`${name}\` must document the \`${header}\` header of its delivery: add \`{ $ref: '#/components/parameters/${component}' }\` to its parameters.`));
      } else if (found.node.required !== true && !reported.has(found.at.join('\u0000'))) {
        // A shared parameter component is reported once, where it is written.
        reported.add(found.at.join('\u0000'));
        results.push(finding([...found.at, 'required'], `The \`${header}\` header is on every delivery of \`${name}\`: set \`required: true\`.`));
      }
    }
  }
  return results;
}
