import { LocatedError, deref, escapePointerToken, refName, type OpenApiDocument } from '@fortary/codegen-kit';

/**
 * `request`: what a client sends — closed enums, unknown fields rejected, defaults applied.
 * `response`: what the API answers — unknown fields kept, unknown enum values accepted as strings.
 */
export type Flavour = 'request' | 'response';

/** Where a parameter's value comes from: query and header values arrive as strings. */
export type ValueSource = 'json' | 'query' | 'header' | 'path';

export type JsonSchema = Record<string, unknown>;

export interface ConvertContext {
  file: string;
  /** The document, to follow `$ref`s when a shape (not a name) is needed. */
  document: OpenApiDocument;
  /** components.schemas: each becomes a generated constant, which a `$ref` to it names. */
  components: Record<string, JsonSchema>;
  /** The name of the generated constant holding a component's schema in one flavour. */
  constName(component: string, flavour: Flavour): string;
}

/** Keywords that only describe; they never change what validates. */
const ANNOTATIONS = new Set(['description', 'title', 'examples', 'example', 'deprecated', 'readOnly', 'writeOnly', '$comment', 'format', 'default']);
/** Keywords this generator turns into zod; any other keyword is an error, never silently dropped. */
const SUPPORTED = new Set([
  '$ref', 'type', 'enum', 'const', 'oneOf', 'discriminator', 'allOf', 'properties', 'required', 'additionalProperties',
  'items', 'minItems', 'maxItems', 'uniqueItems', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum',
]);
const FORMATS = new Set(['date-time', 'int32', 'int64']);

/** Follows `$ref`s until a schema with content; for decisions about its shape. */
export function derefSchema(schema: JsonSchema, context: ConvertContext, pointer: string): JsonSchema {
  return deref<JsonSchema>(context.document, schema, { file: context.file, pointer }).value;
}

/**
 * The zod expression (TypeScript source) that validates `schema` in the given flavour.
 * `pointer` locates `schema` in the bundle for error messages.
 */
export function schemaToZod(schema: JsonSchema, flavour: Flavour, context: ConvertContext, pointer: string): string {
  const fail = (reason: string, at = pointer): never => {
    throw new LocatedError({ file: context.file, pointer: at }, reason);
  };
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) fail('expected a schema object');
  for (const key of Object.keys(schema)) {
    if (!SUPPORTED.has(key) && !ANNOTATIONS.has(key) && !key.startsWith('x-')) {
      fail(`the zod generator does not support the keyword '${key}' (add it to generators/zod rather than dropping it)`, `${pointer}/${escapePointerToken(key)}`);
    }
  }
  if (typeof schema['format'] === 'string' && !FORMATS.has(schema['format'])) {
    fail(`the zod generator does not support format '${schema['format']}'`, `${pointer}/format`);
  }

  if (schema['$ref'] !== undefined) {
    const name = refName(schema);
    if (name !== undefined && Object.hasOwn(context.components, name)) return context.constName(name, flavour);
    // Not a component: the kit names what is wrong with the reference; one that resolves has no constant to name.
    derefSchema(schema, context, pointer);
    return fail(`only references to a component schema are supported, not '${String(schema['$ref'])}'`, `${pointer}/$ref`);
  }

  if (schema['discriminator'] !== undefined) return discriminatedToZod(schema, flavour, context, pointer);
  if (Array.isArray(schema['oneOf'])) return oneOfToZod(schema['oneOf'] as JsonSchema[], flavour, context, pointer);
  if (Array.isArray(schema['allOf'])) return allOfToZod(schema['allOf'] as JsonSchema[], flavour, context, pointer);

  const types = Array.isArray(schema['type']) ? (schema['type'] as string[]) : schema['type'] === undefined ? [] : [schema['type'] as string];
  const nullable = types.includes('null');
  const nonNull = types.filter((type) => type !== 'null');
  if (nonNull.length > 1) fail(`a union of types (${nonNull.join(', ')}) is not supported; use oneOf`, `${pointer}/type`);
  // `type: null` alone (or `[null]`) accepts null only, not anything-or-null.
  if (nullable && nonNull.length === 0) return typedSchemaToZod(schema, 'null', flavour, context, pointer);
  const expression = typedSchemaToZod(schema, nonNull[0], flavour, context, pointer);
  return nullable ? `${expression}.nullable()` : expression;
}

function typedSchemaToZod(schema: JsonSchema, type: string | undefined, flavour: Flavour, context: ConvertContext, pointer: string): string {
  const fail = (reason: string, at = pointer): never => {
    throw new LocatedError({ file: context.file, pointer: at }, reason);
  };
  if (schema['const'] !== undefined) return `z.literal(${JSON.stringify(schema['const'])})`;
  if (Array.isArray(schema['enum'])) {
    const values = schema['enum'] as unknown[];
    if (values.length === 0) fail('an empty enum accepts nothing', `${pointer}/enum`);
    if (values.every((value) => typeof value === 'string')) {
      const list = JSON.stringify(values);
      // Responses accept values this build does not know: the enums grow within v1.
      return flavour === 'request' ? `z.enum(${list})` : `tolerantEnum(${list})`;
    }
    return `z.union([${values.map((value) => `z.literal(${JSON.stringify(value)})`).join(', ')}])`;
  }
  switch (type) {
    case 'string':
      return stringToZod(schema);
    case 'integer':
    case 'number':
      return `${type === 'integer' ? 'z.int()' : 'z.number()'}${bound('min', schema['minimum'])}${bound('max', schema['maximum'])}`;
    case 'boolean':
      return 'z.boolean()';
    case 'array': {
      if (!schema['items'] || typeof schema['items'] !== 'object') fail('an array schema needs `items`');
      const items = schemaToZod(schema['items'] as JsonSchema, flavour, context, `${pointer}/items`);
      const unique = schema['uniqueItems'] === true ? '.superRefine(uniqueItems)' : '';
      return `z.array(${items})${bound('min', schema['minItems'])}${bound('max', schema['maxItems'])}${unique}`;
    }
    case 'object':
      return objectToZod(schema, flavour, context, pointer);
    case 'null':
      return 'z.null()';
    case undefined:
      if (schema['properties']) return objectToZod(schema, flavour, context, pointer);
      return 'z.unknown()';
    default:
      return fail(`unknown type '${type}'`, `${pointer}/type`);
  }
}

export function stringToZod(schema: JsonSchema): string {
  // `z.iso.datetime` checks the calendar (no month 13); the spec's own pattern then pins the `Z`.
  let expression = schema['format'] === 'date-time' ? 'z.iso.datetime({ offset: true })' : 'z.string()';
  expression += bound('min', schema['minLength']) + bound('max', schema['maxLength']);
  if (typeof schema['pattern'] === 'string') expression += `.regex(new RegExp(${JSON.stringify(schema['pattern'])}, 'u'))`;
  return expression;
}

function bound(method: 'min' | 'max', value: unknown): string {
  return typeof value === 'number' ? `.${method}(${value})` : '';
}

function oneOfToZod(members: JsonSchema[], flavour: Flavour, context: ConvertContext, pointer: string): string {
  const isNull = (member: JsonSchema) => member['type'] === 'null' && Object.keys(member).every((key) => key === 'type' || ANNOTATIONS.has(key));
  const others = members.map((member, index) => ({ member, index })).filter(({ member }) => !isNull(member));
  const converted = others.map(({ member, index }) => schemaToZod(member, flavour, context, `${pointer}/oneOf/${index}`));
  const core = converted.length === 1 ? (converted[0] as string) : `z.union([${converted.join(', ')}])`;
  return others.length < members.length ? `${core}.nullable()` : core;
}

/** The component a `$ref` string names (`#/components/schemas/Transfer` → `Transfer`). */
const componentRefName = (ref: unknown): string | undefined => (typeof ref === 'string' ? refName({ $ref: ref }) : undefined);

/**
 * The component names a discriminator maps to: its `mapping` values and its fallback,
 * `x-defaultMapping` (OpenAPI 3.2's `defaultMapping`, written as an extension in 3.1).
 */
export function discriminatorTargets(discriminator: unknown): string[] {
  if (typeof discriminator !== 'object' || discriminator === null) return [];
  const record = discriminator as Record<string, unknown>;
  const mapping = typeof record['mapping'] === 'object' && record['mapping'] !== null ? Object.values(record['mapping']) : [];
  return [...mapping, record['x-defaultMapping']].map(componentRefName).filter((name): name is string => name !== undefined);
}

/**
 * A oneOf told apart by one property (`discriminator`). Requests: the union of the members,
 * each closed on its own values. Responses: the member the mapping names for the value (the
 * value checked against the mapping, not the member's tolerant enum, so the right member is
 * chosen); a value the mapping does not know parses as the `x-defaultMapping` schema, so a type
 * added within v1 still parses (without it, an unknown value is an error).
 */
function discriminatedToZod(schema: JsonSchema, flavour: Flavour, context: ConvertContext, pointer: string): string {
  const fail = (reason: string, at = `${pointer}/discriminator`): never => {
    throw new LocatedError({ file: context.file, pointer: at }, reason);
  };
  const members = schema['oneOf'];
  if (!Array.isArray(members)) return fail('a discriminator needs a oneOf of the schemas it tells apart');
  const discriminator = schema['discriminator'] as Record<string, unknown>;
  const property = discriminator['propertyName'];
  const mapping = discriminator['mapping'];
  if (typeof property !== 'string') return fail('the discriminator needs a `propertyName`');
  if (typeof mapping !== 'object' || mapping === null) return fail('the zod generator needs an explicit discriminator `mapping` (value → member schema)');
  const memberNames = (members as JsonSchema[]).map((member, index) => componentRefName(member['$ref']) ?? fail('each member of a discriminated oneOf must be a $ref to a component schema', `${pointer}/oneOf/${index}`));
  const valuesOf = new Map<string, string[]>(memberNames.map((name) => [name, []]));
  for (const [value, target] of Object.entries(mapping as Record<string, unknown>)) {
    const name = componentRefName(target);
    const values = name === undefined ? undefined : valuesOf.get(name);
    if (!values) fail(`the mapping of '${value}' must name one of the oneOf members (${memberNames.join(', ')})`, `${pointer}/discriminator/mapping/${escapePointerToken(value)}`);
    values!.push(value);
  }
  for (const [name, values] of valuesOf) if (values.length === 0) fail(`oneOf member '${name}' has no value in the discriminator mapping`, `${pointer}/discriminator/mapping`);
  if (flavour === 'request') return `z.union([${memberNames.map((name) => context.constName(name, flavour)).join(', ')}])`;
  const key = JSON.stringify(property);
  const known = [...valuesOf.values()].flat();
  const variants = [...valuesOf].map(([name, values]) => `${context.constName(name, flavour)}.extend({ ${key}: z.enum(${JSON.stringify(values)}) })`);
  const byValue = `z.discriminatedUnion(${key}, [\n${indent(variants.join(',\n'))},\n])`;
  const fallbackRef = discriminator['x-defaultMapping'];
  if (fallbackRef === undefined) return byValue;
  const fallback = componentRefName(fallbackRef);
  if (fallback === undefined || !context.components[fallback]) fail(`cannot resolve x-defaultMapping '${String(fallbackRef)}'`, `${pointer}/discriminator/x-defaultMapping`);
  const unknownValue = `${context.constName(fallback as string, flavour)}.extend({ ${key}: unmappedValue(${JSON.stringify(known)}) })`;
  return `z.union([\n${indent(`${byValue},\n${unknownValue}`)},\n])`;
}

/** allOf of objects (the only use in the spec) becomes one object with every member's properties. */
function allOfToZod(members: JsonSchema[], flavour: Flavour, context: ConvertContext, pointer: string): string {
  const properties: Record<string, JsonSchema> = {};
  const required = new Set<string>();
  let closed = false;
  members.forEach((member, index) => {
    const resolved = derefSchema(member, context, `${pointer}/allOf/${index}`);
    if (resolved['type'] !== 'object' && !resolved['properties']) {
      throw new LocatedError({ file: context.file, pointer: `${pointer}/allOf/${index}` }, 'allOf is supported for object members only');
    }
    Object.assign(properties, resolved['properties'] ?? {});
    for (const name of (resolved['required'] as string[] | undefined) ?? []) required.add(name);
    closed ||= resolved['additionalProperties'] === false;
  });
  return objectToZod({ type: 'object', properties, required: [...required], ...(closed ? { additionalProperties: false } : {}) }, flavour, context, pointer);
}

function objectToZod(schema: JsonSchema, flavour: Flavour, context: ConvertContext, pointer: string): string {
  const additional = schema['additionalProperties'];
  if (additional !== undefined && additional !== false && additional !== true) {
    throw new LocatedError({ file: context.file, pointer: `${pointer}/additionalProperties` }, 'additionalProperties with a schema is not supported');
  }
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema['required'] as string[] | undefined) ?? []);
  for (const name of required) {
    if (!(name in properties)) throw new LocatedError({ file: context.file, pointer: `${pointer}/required` }, `required property '${name}' is not in properties`);
  }
  const fields = Object.entries(properties).map(([name, property]) => {
    const at = `${pointer}/properties/${escapePointerToken(name)}`;
    let expression = schemaToZod(property, flavour, context, at);
    if (!required.has(name)) {
      const fallback = flavour === 'request' ? property['default'] : undefined;
      expression += fallback === undefined ? '.optional()' : `.default(${JSON.stringify(fallback)})`;
    }
    return `${JSON.stringify(name)}: ${expression}`;
  });
  // Requests reject any field the spec does not describe; responses keep fields added later in v1.
  const factory = flavour === 'request' ? 'z.strictObject' : 'z.looseObject';
  return fields.length ? `${factory}({\n${indent(fields.join(',\n'))},\n})` : `${factory}({})`;
}

export function indent(text: string, by = '  '): string {
  return text.split('\n').map((line) => (line ? by + line : line)).join('\n');
}

/**
 * A parameter's value schema: query, header and path values are strings on the wire, so numbers
 * and booleans are coerced from their text (strictly: `25`, not `2.5e1`), then checked as usual.
 */
export function parameterToZod(schema: JsonSchema, source: ValueSource, flavour: Flavour, context: ConvertContext, pointer: string): string {
  const expression = schemaToZod(schema, flavour, context, pointer);
  if (source === 'json') return expression;
  const resolved = derefSchema(schema, context, pointer);
  const type = Array.isArray(resolved['type']) ? (resolved['type'] as string[]).find((t) => t !== 'null') : resolved['type'];
  if (type === 'integer' || type === 'number') return `fromText.number(${expression})`;
  if (type === 'boolean') return `fromText.boolean(${expression})`;
  if (type === 'array' || type === 'object') {
    throw new LocatedError({ file: context.file, pointer }, `${source} parameters of type ${type} are not supported by the zod generator`);
  }
  return expression;
}
