/**
 * Shared, dependency-free helpers for the Fortary ruleset functions. Spectral bundles these
 * files with rollup (CLI and JS API alike), so they stay plain ESM JavaScript.
 *
 * Every rule runs once on the whole unresolved document (`given: $`, `resolved: false`) so it
 * can see `$ref`s (a convention is "refers to X", not "looks like X") and walk the document in
 * one linear pass. The expensive inventories (every schema, every operation) are computed once
 * per document and shared by all rules through a WeakMap.
 *
 * The generators read the bundle through `@fortary/codegen-kit` (generators/kit), which cannot be
 * imported here. Where the two overlap they share names and meaning:
 *   HTTP_METHODS      the same list, in the same order;
 *   refName           the same;
 *   deref             follows local `$ref`s like the kit's, but returns `{ node, path }` with
 *                     Spectral's path array instead of a pointer, and never throws (Spectral's
 *                     own rules report bad references): a dangling `$ref` yields
 *                     `node: undefined`, a cycle stops after 20 hops;
 *   mergedParameters  the same merge (path item first, the operation's own wins by `in` and
 *                     name, names compared without case), as `{ parameter, path }`, skipping
 *                     what is not an object instead of throwing;
 *   operationPath     the kit's `operationPointer`, as Spectral's path array;
 *   operations        the kit's `listOperations`, keeping operations without an operationId
 *                     (a rule reports those).
 */

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
export { isObject };

/** Decodes one JSON-pointer segment. */
const unescapePointer = (segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~');

/** The component name a local `$ref` points at (`#/components/schemas/VaultId` → `VaultId`). */
export function refName(node, section = 'schemas') {
  if (!isObject(node) || typeof node.$ref !== 'string') return undefined;
  const prefix = `#/components/${section}/`;
  return node.$ref.startsWith(prefix) ? unescapePointer(node.$ref.slice(prefix.length)) : undefined;
}

/**
 * Follows local `$ref`s until a real node: returns it with its path, so a finding lands where
 * the offending definition is written (a shared component is reported once, at its home).
 */
export function deref(document, node, path) {
  let current = node;
  let currentPath = path;
  for (let hops = 0; hops < 20 && isObject(current) && typeof current.$ref === 'string'; hops += 1) {
    if (!current.$ref.startsWith('#/')) return { node: undefined, path: currentPath };
    const segments = current.$ref.slice(2).split('/').map(unescapePointer);
    let target = document;
    for (const segment of segments) target = isObject(target) || Array.isArray(target) ? target[segment] : undefined;
    current = target;
    currentPath = segments;
  }
  return { node: current, path: currentPath };
}

/** `type: [T, 'null']` or `oneOf`/`anyOf` with a `{ type: 'null' }` branch. */
export function isNullable(schema) {
  if (!isObject(schema)) return false;
  if (Array.isArray(schema.type) && schema.type.includes('null')) return true;
  return [schema.oneOf, schema.anyOf].some((list) => Array.isArray(list) && list.some(isNullSchema));
}

export function isNullSchema(schema) {
  return isObject(schema) && (schema.type === 'null' || (Array.isArray(schema.type) && schema.type.length === 1 && schema.type[0] === 'null'));
}

/** The schema a value has when it is not null: the other `oneOf`/`anyOf` branch, or the schema itself. */
export function nonNullBranch(schema) {
  if (!isObject(schema)) return schema;
  for (const list of [schema.oneOf, schema.anyOf]) {
    if (Array.isArray(list) && list.some(isNullSchema)) {
      const others = list.filter((branch) => !isNullSchema(branch));
      if (others.length === 1) return others[0];
    }
  }
  return schema;
}

/** The component schema a property refers to, directly or through its nullable form. */
export function referredSchemaName(schema) {
  return refName(schema) ?? refName(nonNullBranch(schema));
}

const cache = new WeakMap();

function inventory(document) {
  let found = cache.get(document);
  if (!found) {
    found = { operations: collectOperations(document), schemas: undefined, reachable: undefined };
    cache.set(document, found);
  }
  return found;
}

function collectOperations(document) {
  const found = [];
  if (!isObject(document.paths)) return found;
  for (const [urlPath, pathItem] of Object.entries(document.paths)) {
    if (!isObject(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (isObject(operation)) found.push({ urlPath, method, pathItem, operation, path: operationPath(urlPath, method) });
    }
  }
  return found;
}

/** Where an operation is written, as Spectral's path array (the kit's `operationPointer`). */
export function operationPath(urlPath, method) {
  return ['paths', urlPath, method];
}

/** Every operation: `{ urlPath, method, pathItem, operation, path }`. */
export function operations(document) {
  return inventory(document).operations;
}

/**
 * The parameters of an operation, path-level ones included (an operation-level parameter with
 * the same name and location wins), each resolved: `{ parameter, path }`.
 */
export function mergedParameters(document, { pathItem, operation, path }) {
  const byKey = new Map();
  const add = (list, listPath) => {
    if (!Array.isArray(list)) return;
    list.forEach((entry, index) => {
      const resolved = deref(document, entry, [...listPath, 'parameters', index]);
      if (!isObject(resolved.node)) return;
      byKey.set(`${resolved.node.in}:${String(resolved.node.name).toLowerCase()}`, { parameter: resolved.node, path: resolved.path });
    });
  };
  add(pathItem.parameters, path.slice(0, 2));
  add(operation.parameters, path);
  return [...byKey.values()];
}

/** Each response of an operation: `{ status, response, path }`, resolved through `$ref`. */
export function operationResponses(document, { operation, path }) {
  if (!isObject(operation.responses)) return [];
  return Object.entries(operation.responses).map(([status, entry]) => {
    const resolved = deref(document, entry, [...path, 'responses', status]);
    return { status, response: resolved.node, path: resolved.path };
  });
}

const SUBSCHEMA_LISTS = ['allOf', 'oneOf', 'anyOf', 'prefixItems'];
const SUBSCHEMA_SINGLES = ['items', 'not', 'additionalProperties', 'contains', 'if', 'then', 'else'];

/** Calls `visit(schema, path)` for a schema and every schema nested in it (not across `$ref`). */
export function walkSchema(schema, path, visit) {
  if (!isObject(schema)) return;
  visit(schema, path);
  if (isObject(schema.properties)) {
    for (const [name, child] of Object.entries(schema.properties)) walkSchema(child, [...path, 'properties', name], visit);
  }
  if (isObject(schema.patternProperties)) {
    for (const [name, child] of Object.entries(schema.patternProperties)) walkSchema(child, [...path, 'patternProperties', name], visit);
  }
  for (const key of SUBSCHEMA_LISTS) {
    if (Array.isArray(schema[key])) schema[key].forEach((child, index) => walkSchema(child, [...path, key, index], visit));
  }
  for (const key of SUBSCHEMA_SINGLES) walkSchema(schema[key], [...path, key], visit);
}

/**
 * Calls `visit(holder, path, usage)` for every media type, parameter and header object of the
 * document (inline or in components, `$ref`s skipped): the objects that carry a `schema` and
 * examples. `usage` is 'request', 'response', 'parameter' or 'header'. One walk serves both
 * `rootSchemas` and `allExamples`, so they always look in the same places.
 */
function forEachSchemaHolder(document, visit) {
  const fromContent = (content, path, usage) => {
    if (!isObject(content)) return;
    for (const [mediaType, media] of Object.entries(content)) if (isObject(media)) visit(media, [...path, 'content', mediaType], usage);
  };
  const fromHeaders = (headers, path) => {
    if (!isObject(headers)) return;
    for (const [name, header] of Object.entries(headers)) if (isObject(header) && !header.$ref) visit(header, [...path, 'headers', name], 'header');
  };
  const fromResponse = (response, path) => {
    if (!isObject(response) || response.$ref) return;
    fromContent(response.content, path, 'response');
    fromHeaders(response.headers, path);
  };
  const fromParameters = (list, path) => {
    if (!Array.isArray(list)) return;
    list.forEach((parameter, index) => {
      if (isObject(parameter) && !parameter.$ref) visit(parameter, [...path, 'parameters', index], 'parameter');
    });
  };
  const components = isObject(document.components) ? document.components : {};
  for (const [name, parameter] of Object.entries(isObject(components.parameters) ? components.parameters : {})) {
    if (isObject(parameter) && !parameter.$ref) visit(parameter, ['components', 'parameters', name], 'parameter');
  }
  fromHeaders(components.headers, ['components']);
  for (const [name, body] of Object.entries(isObject(components.requestBodies) ? components.requestBodies : {})) {
    if (isObject(body)) fromContent(body.content, ['components', 'requestBodies', name], 'request');
  }
  for (const [name, response] of Object.entries(isObject(components.responses) ? components.responses : {})) {
    fromResponse(response, ['components', 'responses', name]);
  }
  if (isObject(document.paths)) {
    for (const [urlPath, pathItem] of Object.entries(document.paths)) {
      if (isObject(pathItem)) fromParameters(pathItem.parameters, ['paths', urlPath]);
    }
  }
  for (const { operation, path } of operations(document)) {
    fromParameters(operation.parameters, path);
    if (isObject(operation.requestBody) && !operation.requestBody.$ref) fromContent(operation.requestBody.content, [...path, 'requestBody'], 'request');
    if (isObject(operation.responses)) {
      for (const [status, response] of Object.entries(operation.responses)) fromResponse(response, [...path, 'responses', status]);
    }
  }
  // A webhook's request body is what the API sends, so it follows the response conventions;
  // the receiver's responses to it are not ours to describe.
  for (const [name, pathItem] of Object.entries(isObject(document.webhooks) ? document.webhooks : {})) {
    if (!isObject(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      fromParameters(operation.parameters, ['webhooks', name, method]);
      if (isObject(operation.requestBody) && !operation.requestBody.$ref) fromContent(operation.requestBody.content, ['webhooks', name, method, 'requestBody'], 'response');
    }
  }
}

/** The top-level schemas of media types, parameters and headers, inline or in components. */
export function rootSchemas(document) {
  const roots = [];
  forEachSchemaHolder(document, (holder, path, usage) => {
    if (isObject(holder.schema)) roots.push({ schema: holder.schema, path: [...path, 'schema'], usage });
  });
  return roots;
}

/** Every schema of the document, nested ones included: `{ schema, path }`. Computed once. */
export function allSchemas(document) {
  const found = inventory(document);
  if (!found.schemas) {
    const schemas = [];
    const collect = (schema, path) => schemas.push({ schema, path });
    const components = isObject(document.components) && isObject(document.components.schemas) ? document.components.schemas : {};
    for (const [name, schema] of Object.entries(components)) walkSchema(schema, ['components', 'schemas', name], collect);
    for (const root of rootSchemas(document)) walkSchema(root.schema, root.path, collect);
    found.schemas = schemas;
  }
  return found.schemas;
}

/** Every named property of every schema: `{ name, schema, parent, path }`. */
export function allProperties(document) {
  const properties = [];
  for (const { schema, path } of allSchemas(document)) {
    if (!isObject(schema.properties)) continue;
    for (const [name, child] of Object.entries(schema.properties)) properties.push({ name, schema: child, parent: schema, path: [...path, 'properties', name] });
  }
  return properties;
}

/**
 * The schemas that describe response bodies: the inline ones and every component schema
 * reachable from a response through `$ref`s. Request-only schemas are not in it.
 */
export function responseSchemas(document) {
  const found = inventory(document);
  if (!found.reachable) {
    const components = isObject(document.components) && isObject(document.components.schemas) ? document.components.schemas : {};
    const reachedNames = new Set();
    const result = [];
    const pending = [];
    const visit = (schema, path) => {
      result.push({ schema, path });
      const name = refName(schema);
      if (name !== undefined && !reachedNames.has(name) && isObject(components[name])) {
        reachedNames.add(name);
        pending.push(name);
      }
    };
    for (const root of rootSchemas(document)) if (root.usage === 'response') walkSchema(root.schema, root.path, visit);
    while (pending.length > 0) {
      const name = pending.pop();
      walkSchema(components[name], ['components', 'schemas', name], visit);
    }
    found.reachable = result;
  }
  return found.reachable;
}

/** Every example of a media type, parameter or header: `{ value, schema, path, usage }`. */
export function allExamples(document) {
  const found = [];
  forEachSchemaHolder(document, (holder, path, usage) => {
    if ('example' in holder) found.push({ value: holder.example, schema: holder.schema, path: [...path, 'example'], usage });
    if (isObject(holder.examples)) {
      for (const [name, example] of Object.entries(holder.examples)) {
        if (isObject(example) && 'value' in example) found.push({ value: example.value, schema: holder.schema, path: [...path, 'examples', name, 'value'], usage });
      }
    }
  });
  return found;
}

/** The component schema `name`, or undefined. */
export function componentSchema(document, name) {
  const schemas = isObject(document.components) && isObject(document.components.schemas) ? document.components.schemas : {};
  return isObject(schemas[name]) ? schemas[name] : undefined;
}

/** A finding: Spectral reads `message` and the absolute `path`. */
export const finding = (path, message) => ({ path, message });
