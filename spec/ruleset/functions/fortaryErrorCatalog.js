import { errorCatalog } from './lib/catalog.js';
import { allExamples, componentSchema, finding, isObject, refName } from './lib/oas.js';

const CODE_IN_PROSE = /`([a-z]+(?:_[a-z]+)+)`/g;

/** Calls `visit(text, path)` for every `description` string of the document. */
function forEachDescription(node, path, visit) {
  if (Array.isArray(node)) return node.forEach((child, index) => forEachDescription(child, [...path, index], visit));
  if (!isObject(node)) return;
  for (const [key, child] of Object.entries(node)) {
    if (key === 'description' && typeof child === 'string') visit(child, [...path, key]);
    else if (key !== 'example' && key !== 'examples' && typeof child === 'object') forEachDescription(child, [...path, key], visit);
  }
}

/**
 * The error code catalog is complete and consistent, and every code used anywhere (error
 * examples, `code` spans in descriptions) is in it. Options: `codeSchema`, `typeSchema`,
 * `errorSchema`.
 */
export default function fortaryErrorCatalog(document, options) {
  const results = [];
  const { schema, catalog } = errorCatalog(document, options.codeSchema);
  const home = ['components', 'schemas', options.codeSchema];
  if (!schema) return [finding(['components', 'schemas'], `Define \`${options.codeSchema}\` with an \`enum\` of codes and an \`x-error-catalog\` (code → status, type, description).`)];
  const enumCodes = new Set(Array.isArray(schema.enum) ? schema.enum : []);
  const types = new Set(componentSchema(document, options.typeSchema)?.enum ?? []);
  const typeOfStatus = new Map();
  (Array.isArray(schema.enum) ? schema.enum : []).forEach((code, index) => {
    if (!(code in catalog)) results.push(finding([...home, 'enum', index], `Error code \`${code}\` has no \`x-error-catalog\` entry: add \`${code}: { status, type, description }\`.`));
  });
  for (const [code, entry] of Object.entries(catalog)) {
    const path = [...home, 'x-error-catalog', code];
    if (!enumCodes.has(code)) results.push(finding(path, `Catalog code \`${code}\` is missing from the \`${options.codeSchema}\` enum: add it there too.`));
    if (!isObject(entry) || !Number.isInteger(entry.status) || entry.status < 400 || entry.status > 599 || !types.has(entry.type) || typeof entry.description !== 'string') {
      results.push(finding(path, `Catalog entry \`${code}\` must be \`{ status: <4xx|5xx>, type: <one of ${[...types].join(', ')}>, description: <what to do> }\`.`));
      continue;
    }
    const expected = typeOfStatus.get(entry.status);
    if (expected === undefined) typeOfStatus.set(entry.status, entry.type);
    else if (expected !== entry.type) results.push(finding([...path, 'type'], `Catalog entry \`${code}\` has type \`${entry.type}\` but status ${entry.status} is \`${expected}\` elsewhere: set \`type: ${expected}\` (each status has one type) or fix the status.`));
  }
  const unknown = (code) => !(code in catalog);
  for (const { value, schema: exampleSchema, path } of allExamples(document)) {
    if (refName(exampleSchema) !== options.errorSchema) continue;
    if (isObject(value) && typeof value.code === 'string' && unknown(value.code)) {
      results.push(finding([...path, 'code'], `Error code \`${value.code}\` is not in the catalog: use a documented code, or add it to the \`${options.codeSchema}\` enum and \`x-error-catalog\`.`));
    }
  }
  forEachDescription(document, [], (text, path) => {
    for (const match of text.matchAll(CODE_IN_PROSE)) {
      if (unknown(match[1])) results.push(finding(path, `The description names error code \`${match[1]}\`, which is not in the catalog: fix the name or add the code to \`${options.codeSchema}\` and \`x-error-catalog\`.`));
    }
  });
  return results;
}
