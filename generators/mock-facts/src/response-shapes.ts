import { LocatedError, deref, escapePointerToken, listOperations, refName, type OpenApiDocument, type SpecLocation } from '@fortary/codegen-kit';

type Json = Record<string, unknown>;

/** One property of a response schema, as the mock's finisher needs it. */
export interface PropertyShape {
  name: string;
  /** Listed in the schema's `required`. */
  required: boolean;
  /** `null` is one of its values (`oneOf` with `{ type: 'null' }`, a `type` list with `'null'`, or a nullable component). */
  nullable: boolean;
  /** A `date-time` string: the mock keeps such times as epoch milliseconds. */
  timestamp: boolean;
}

/**
 * The properties, in document order, of every object schema a response can contain: the
 * component schemas reachable from a response body through `$ref`, `properties`, `items`,
 * `allOf`, `oneOf` and `anyOf`. `allOf` members are merged in order (`CreatedApiKey` is
 * `ApiKey` plus `secret`).
 */
export function responseShapes(document: OpenApiDocument, file: string): Record<string, PropertyShape[]> {
  const reachable = new Set<string>();
  const visit = (schema: unknown): void => {
    if (schema === null || typeof schema !== 'object') return;
    const name = refName(schema);
    if (name !== undefined) {
      if (reachable.has(name)) return;
      reachable.add(name);
      visit(deref(document, schema, { file, pointer: `/components/schemas/${escapePointerToken(name)}` }).value);
      return;
    }
    const node = schema as Json;
    for (const child of Object.values((node['properties'] as Json | undefined) ?? {})) visit(child);
    visit(node['items']);
    for (const keyword of ['allOf', 'oneOf', 'anyOf']) for (const member of (node[keyword] as unknown[] | undefined) ?? []) visit(member);
  };
  for (const entry of listOperations(document, file)) {
    for (const response of Object.values((entry.operation['responses'] as Json | undefined) ?? {})) {
      const content = (deref(document, response, { file, pointer: `${entry.pointer}/responses` }).value['content'] as Json | undefined) ?? {};
      for (const media of Object.values(content)) visit((media as Json)['schema']);
    }
  }
  const shapes: Record<string, PropertyShape[]> = {};
  const schemas = (document.components['schemas'] ?? {}) as Json;
  for (const name of Object.keys(schemas)) {
    if (!reachable.has(name)) continue;
    const properties = objectProperties(document, schemas[name], `/components/schemas/${escapePointerToken(name)}`, file);
    if (properties) shapes[name] = properties;
  }
  return shapes;
}

/** The properties of an object schema (allOf merged), or null when the schema is no object. */
function objectProperties(document: OpenApiDocument, raw: unknown, pointer: string, file: string): PropertyShape[] | null {
  const schema = deref(document, raw, { file, pointer }).value;
  const byName = new Map<string, PropertyShape>();
  let isObject = false;
  const allOf = (schema['allOf'] as unknown[] | undefined) ?? [];
  allOf.forEach((member, index) => {
    const merged = objectProperties(document, member, `${pointer}/allOf/${index}`, file);
    if (merged === null) return;
    isObject = true;
    for (const property of merged) byName.set(property.name, property);
  });
  const properties = schema['properties'] as Json | undefined;
  if (properties) {
    isObject = true;
    const required = new Set((schema['required'] as string[] | undefined) ?? []);
    for (const [name, property] of Object.entries(properties)) {
      const at = `${pointer}/properties/${escapePointerToken(name)}`;
      if (property === null || typeof property !== 'object') throw new LocatedError({ file, pointer: at }, 'a property must be a schema object');
      byName.set(name, { name, required: required.has(name), nullable: isNullable(document, property, { file, pointer: at }, new Set()), timestamp: isTimestamp(document, property, { file, pointer: at }, new Set()) });
    }
  }
  return isObject ? [...byName.values()] : null;
}

function isNullable(document: OpenApiDocument, raw: unknown, at: SpecLocation, seen: Set<unknown>): boolean {
  if (seen.has(raw)) return false;
  seen.add(raw);
  const { value: schema, pointer } = deref(document, raw, at);
  const type = schema['type'];
  if (type === 'null' || (Array.isArray(type) && type.includes('null'))) return true;
  if (Array.isArray(schema['enum']) && schema['enum'].includes(null)) return true;
  if (schema['const'] === null) return true;
  return ['oneOf', 'anyOf'].some((keyword) => ((schema[keyword] as unknown[] | undefined) ?? []).some((member, index) => isNullable(document, member, { file: at.file, pointer: `${pointer}/${keyword}/${index}` }, seen)));
}

function isTimestamp(document: OpenApiDocument, raw: unknown, at: SpecLocation, seen: Set<unknown>): boolean {
  if (seen.has(raw)) return false;
  seen.add(raw);
  const { value: schema, pointer } = deref(document, raw, at);
  if (schema['format'] === 'date-time') return true;
  return ['oneOf', 'anyOf', 'allOf'].some((keyword) => ((schema[keyword] as unknown[] | undefined) ?? []).some((member, index) => isTimestamp(document, member, { file: at.file, pointer: `${pointer}/${keyword}/${index}` }, seen)));
}

