import { allProperties, finding, isObject, operations } from './lib/oas.js';

const CAMEL_CASE = /^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)*$/;

const suggestion = (name) => {
  const words = name.split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean).map((word) => word.toLowerCase());
  return words.map((word, index) => (index === 0 ? word : word[0].toUpperCase() + word.slice(1))).join('');
};

/** Property names, query parameter names and operationIds are camelCase (`nextCursor`, `listVaults`). */
export default function fortaryCamelCase(document) {
  const results = [];
  const check = (name, path, what) => {
    if (typeof name === 'string' && !CAMEL_CASE.test(name)) results.push(finding(path, `${what} \`${name}\` must be camelCase: rename it to \`${suggestion(name)}\`.`));
  };
  for (const { name, path } of allProperties(document)) check(name, path, 'Property');
  const checkParameter = (parameter, path) => {
    if (isObject(parameter) && parameter.in === 'query') check(parameter.name, [...path, 'name'], 'Query parameter');
  };
  const components = isObject(document.components) && isObject(document.components.parameters) ? document.components.parameters : {};
  for (const [name, parameter] of Object.entries(components)) checkParameter(parameter, ['components', 'parameters', name]);
  const seenPathItems = new Set();
  for (const { urlPath, pathItem, operation, path } of operations(document)) {
    if (!seenPathItems.has(urlPath) && Array.isArray(pathItem.parameters)) pathItem.parameters.forEach((parameter, index) => checkParameter(parameter, ['paths', urlPath, 'parameters', index]));
    seenPathItems.add(urlPath);
    if (Array.isArray(operation.parameters)) operation.parameters.forEach((parameter, index) => checkParameter(parameter, [...path, 'parameters', index]));
    check(operation.operationId, [...path, 'operationId'], 'operationId');
  }
  return results;
}
