import { allProperties, finding, isObject, mergedParameters, operations, referredSchemaName } from './lib/oas.js';

/** Every `network` property or parameter refers to the network schema. Options: `schema`, `names`. */
export default function fortaryNetworkReferences(document, options) {
  const names = new Set(options.names);
  const fix = `refer to it with \`$ref: '#/components/schemas/${options.schema}'\` so the list of networks stays in one place`;
  const results = [];
  for (const { name, schema, path } of allProperties(document)) {
    if (names.has(name) && referredSchemaName(schema) !== options.schema) results.push(finding(path, `Property \`${name}\` names a network: ${fix}.`));
  }
  const reported = new Set();
  for (const operation of operations(document)) {
    for (const { parameter, path } of mergedParameters(document, operation)) {
      const key = path.join('\u0000');
      if (!names.has(parameter.name) || reported.has(key)) continue;
      reported.add(key);
      if (!isObject(parameter.schema) || referredSchemaName(parameter.schema) !== options.schema) {
        results.push(finding([...path, 'schema'], `Parameter \`${parameter.name}\` names a network: ${fix}.`));
      }
    }
  }
  return results;
}
