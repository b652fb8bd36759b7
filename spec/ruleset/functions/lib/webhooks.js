import { isObject } from './oas.js';

/**
 * The webhooks of an OpenAPI 3.1 document: `{ name, pathItem, operation, path }` for each
 * delivery (the `post` of each `webhooks` entry; `operation` is undefined when it has none).
 */
export function webhookDeliveries(document) {
  if (!isObject(document.webhooks)) return [];
  return Object.entries(document.webhooks)
    .filter(([, pathItem]) => isObject(pathItem))
    .map(([name, pathItem]) => ({ name, pathItem, operation: isObject(pathItem.post) ? pathItem.post : undefined, path: ['webhooks', name] }));
}
