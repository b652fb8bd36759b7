import { componentSchema, finding, operations } from './lib/oas.js';

/** Every operation names the one scope it needs in `x-required-scope`, from the scope enum. Option: `scopeSchema`. */
export default function fortaryRequiredScope(document, options) {
  const scopes = componentSchema(document, options.scopeSchema)?.enum ?? [];
  const results = [];
  for (const { operation, path } of operations(document)) {
    const scope = operation['x-required-scope'];
    if (scope === undefined) results.push(finding(path, `Operation \`${operation.operationId}\` must declare the scope it needs: add \`x-required-scope: <one of ${scopes.join(', ')}>\`.`));
    else if (!scopes.includes(scope)) results.push(finding([...path, 'x-required-scope'], `\`${String(scope)}\` is not a scope: use one of ${scopes.join(', ')} (or add it to \`${options.scopeSchema}\`).`));
  }
  return results;
}
