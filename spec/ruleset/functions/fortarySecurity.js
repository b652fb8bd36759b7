import { finding, isObject, operations } from './lib/oas.js';

/**
 * Every operation is protected by HTTP bearer authentication (its own `security` or the
 * document's, with no anonymous `{}` alternative) and documents the 401 it answers without it.
 */
export default function fortarySecurity(document) {
  const results = [];
  const schemes = isObject(document.components) && isObject(document.components.securitySchemes) ? document.components.securitySchemes : {};
  const isBearer = (name) => isObject(schemes[name]) && schemes[name].type === 'http' && String(schemes[name].scheme).toLowerCase() === 'bearer';
  for (const { operation, path } of operations(document)) {
    const own = Array.isArray(operation.security);
    const requirements = own ? operation.security : document.security;
    const at = own ? [...path, 'security'] : path;
    const id = operation.operationId;
    const bearer = Array.isArray(requirements) && requirements.length > 0 && requirements.every((requirement) => isObject(requirement) && Object.keys(requirement).length > 0 && Object.keys(requirement).some(isBearer));
    if (!bearer) results.push(finding(at, `Operation \`${id}\` must require bearer authentication: set \`security: [{ bearerAuth: [] }]\` (no empty \`{}\` alternative, no non-bearer scheme).`));
    if (!isObject(operation.responses) || !('401' in operation.responses)) {
      results.push(finding(isObject(operation.responses) ? [...path, 'responses'] : path, `Operation \`${id}\` must document its 401: add \`'401': { $ref: '#/components/responses/Unauthorized' }\`.`));
    }
  }
  return results;
}
