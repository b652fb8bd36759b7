import { finding, isObject, operations } from './lib/oas.js';

/**
 * Every operation is protected by HTTP bearer authentication (its own `security` or the
 * document's, with no anonymous `{}` alternative and no other scheme). That every operation
 * documents its 401 is owasp:api8:2023-define-error-responses-401's finding, not repeated here.
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
  }
  return results;
}
