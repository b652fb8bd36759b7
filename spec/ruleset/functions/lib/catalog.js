import { componentSchema, isObject } from './oas.js';

/**
 * The documented error catalog: `x-error-catalog` on the error code schema, code →
 * `{ status, type, description }`. Returns the catalog and the type each status implies.
 */
export function errorCatalog(document, codeSchemaName) {
  const schema = componentSchema(document, codeSchemaName);
  const catalog = schema && isObject(schema['x-error-catalog']) ? schema['x-error-catalog'] : {};
  const typeOfStatus = new Map();
  for (const entry of Object.values(catalog)) {
    if (isObject(entry) && !typeOfStatus.has(String(entry.status))) typeOfStatus.set(String(entry.status), entry.type);
  }
  return { schema, catalog, typeOfStatus };
}
