import { finding, mergedParameters, operations } from './lib/oas.js';

/**
 * Every POST accepts the idempotency header, and the operations that move value require it.
 * Options: `header`, `requiredFor` (operationIds).
 */
export default function fortaryIdempotency(document, options) {
  const results = [];
  const requiredFor = new Set(options.requiredFor);
  const headerName = options.header.toLowerCase();
  for (const entry of operations(document)) {
    const { operation, method, path } = entry;
    if (method !== 'post') continue;
    const found = mergedParameters(document, entry).find(({ parameter }) => parameter.in === 'header' && String(parameter.name).toLowerCase() === headerName);
    const id = operation.operationId;
    if (!found) {
      const component = requiredFor.has(id) ? 'IdempotencyKeyRequired' : 'IdempotencyKey';
      results.push(finding(path, `POST \`${id}\` must accept \`${options.header}\`: add \`- $ref: '#/components/parameters/${component}'\` to its parameters.`));
    } else if (requiredFor.has(id) && found.parameter.required !== true) {
      results.push(finding([...path, 'parameters'], `\`${id}\` must require \`${options.header}\` (a retried request must never act twice): use \`$ref: '#/components/parameters/IdempotencyKeyRequired'\`.`));
    }
  }
  return results;
}
