import { allProperties, finding, isObject, operations, referredSchemaName } from './lib/oas.js';

const isIdName = (name) => name === 'id' || /[a-z0-9]Id$/.test(name);

/**
 * Every `id`/`…Id` property and every path parameter refers to an id schema (a `$ref`, not an
 * inline string), so ids keep one definition each. Options: `prefixes`, `structured` (the id
 * schemas, as in fortary-id-schema).
 */
export default function fortaryIdReferences(document, options) {
  const idSchemas = new Set([...Object.keys(options.prefixes ?? {}), ...(options.structured ?? [])]);
  const known = [...idSchemas].join(', ');
  const results = [];
  for (const { name, schema, path } of allProperties(document)) {
    if (!isIdName(name)) continue;
    const target = referredSchemaName(schema);
    if (target === undefined || !idSchemas.has(target)) {
      results.push(finding(path, `Property \`${name}\` must refer to an id schema (\`$ref: '#/components/schemas/<X>Id'\`, one of ${known}), not ${target ? `\`${target}\`` : 'an inline schema'}.`));
    }
  }
  const checkParameter = (parameter, path) => {
    if (!isObject(parameter) || parameter.$ref || parameter.in !== 'path') return;
    const target = referredSchemaName(parameter.schema);
    if (target === undefined || !idSchemas.has(target)) {
      results.push(finding([...path, 'schema'], `Path parameter \`${parameter.name}\` must refer to an id schema (\`schema: { $ref: '#/components/schemas/<X>Id' }\`, one of ${known}).`));
    }
  };
  const componentParameters = isObject(document.components) && isObject(document.components.parameters) ? document.components.parameters : {};
  for (const [name, parameter] of Object.entries(componentParameters)) checkParameter(parameter, ['components', 'parameters', name]);
  const seenPathItems = new Set();
  for (const { urlPath, pathItem, operation, path } of operations(document)) {
    if (!seenPathItems.has(urlPath) && Array.isArray(pathItem.parameters)) {
      pathItem.parameters.forEach((parameter, index) => checkParameter(parameter, ['paths', urlPath, 'parameters', index]));
    }
    seenPathItems.add(urlPath);
    if (Array.isArray(operation.parameters)) operation.parameters.forEach((parameter, index) => checkParameter(parameter, [...path, 'parameters', index]));
  }
  return results;
}
