/**
 * Given → want: what `schemaToZod` (and `parameterToZod`) write for each keyword, and what the
 * written schema then accepts and rejects. A new keyword gets its rows here. The component
 * schemas a `$ref` names are the bundled spec's own.
 *
 * `test/schema-to-zod.test.ts` checks `want` against the converter; `@fortary/schemas`'
 * `test/schema-to-zod.test.ts` evaluates `want` with zod and the real helpers and checks
 * `accepts` and `rejects`, so the two halves of a row cannot drift apart.
 */
import type { Flavour, JsonSchema, ValueSource } from '../src/schema-to-zod.ts';

export interface ConversionCase {
  /** The keyword or behaviour the row pins down. */
  name: string;
  given: JsonSchema;
  flavour: Flavour;
  /** Convert as a parameter value arriving as text (query, header, path) instead of as JSON. */
  source?: ValueSource;
  /** The zod source wanted. */
  want: string;
  /** Values the generated schema parses (as sent: parameters as text). */
  accepts?: unknown[];
  /** Values it refuses. */
  rejects?: unknown[];
}

export interface ErrorCase {
  name: string;
  given: JsonSchema;
  flavour: Flavour;
  source?: ValueSource;
  /** The LocatedError message wanted, for a schema at `CASE_POINTER` in `CASE_FILE`. */
  error: string;
}

export const CASE_FILE = 'spec.json';
export const CASE_POINTER = '/components/schemas/Case';

export const conversionCases: ConversionCase[] = [
  // type
  { name: 'type: string', given: { type: 'string' }, flavour: 'request', want: 'z.string()', accepts: ['', 'a'], rejects: [1, null] },
  { name: 'type: integer', given: { type: 'integer' }, flavour: 'request', want: 'z.int()', accepts: [0, -3], rejects: [1.5, '1'] },
  { name: 'type: number', given: { type: 'number' }, flavour: 'request', want: 'z.number()', accepts: [1.5], rejects: ['1.5'] },
  { name: 'type: boolean', given: { type: 'boolean' }, flavour: 'request', want: 'z.boolean()', accepts: [false], rejects: ['false'] },
  { name: 'type: null', given: { type: 'null' }, flavour: 'request', want: 'z.null()', accepts: [null], rejects: [undefined, 0] },
  { name: 'type: [T, null]', given: { type: ['string', 'null'] }, flavour: 'request', want: 'z.string().nullable()', accepts: ['a', null], rejects: [undefined] },
  { name: 'no type: anything', given: { description: 'free form' }, flavour: 'request', want: 'z.unknown()', accepts: [1, 'a', null, {}] },
  // string keywords
  { name: 'minLength, maxLength', given: { type: 'string', minLength: 2, maxLength: 3 }, flavour: 'request', want: 'z.string().min(2).max(3)', accepts: ['ab', 'abc'], rejects: ['a', 'abcd'] },
  {
    name: 'pattern (unicode mode, like JSON Schema)',
    given: { type: 'string', pattern: '^vault_[a-z0-9]+$' },
    flavour: 'request',
    want: 'z.string().regex(new RegExp("^vault_[a-z0-9]+$", \'u\'))',
    accepts: ['vault_3f8a'],
    rejects: ['vault_', 'Vault_3f8a'],
  },
  {
    name: 'format: date-time checks the calendar',
    given: { type: 'string', format: 'date-time' },
    flavour: 'request',
    want: 'z.iso.datetime({ offset: true })',
    accepts: ['2026-01-02T03:04:05Z', '2026-01-02T03:04:05.123+01:00'],
    rejects: ['2026-13-02T03:04:05Z', '2026-01-02'],
  },
  // number keywords
  { name: 'minimum, maximum', given: { type: 'integer', minimum: 1, maximum: 100 }, flavour: 'request', want: 'z.int().min(1).max(100)', accepts: [1, 100], rejects: [0, 101] },
  { name: 'format: int64 only describes', given: { type: 'integer', format: 'int64' }, flavour: 'request', want: 'z.int()', accepts: [2 ** 40] },
  // enum and const
  { name: 'enum of strings in a request: closed', given: { type: 'string', enum: ['asc', 'desc'] }, flavour: 'request', want: 'z.enum(["asc","desc"])', accepts: ['asc'], rejects: ['up'] },
  { name: 'enum of strings in a response: grows within v1', given: { type: 'string', enum: ['asc', 'desc'] }, flavour: 'response', want: 'tolerantEnum(["asc","desc"])', accepts: ['asc', 'up'], rejects: [1] },
  { name: 'enum of other values', given: { enum: [1, 'one'] }, flavour: 'response', want: 'z.union([z.literal(1), z.literal("one")])', accepts: [1, 'one'], rejects: [2] },
  { name: 'const', given: { const: 'v1' }, flavour: 'response', want: 'z.literal("v1")', accepts: ['v1'], rejects: ['v2'] },
  // arrays
  {
    name: 'items, minItems, maxItems, uniqueItems',
    given: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 3, uniqueItems: true },
    flavour: 'request',
    want: 'z.array(z.string()).min(1).max(3).superRefine(uniqueItems)',
    accepts: [['a'], ['a', 'b', 'c']],
    rejects: [[], ['a', 'a'], ['a', 'b', 'c', 'd'], [1]],
  },
  // objects
  {
    name: 'properties and required in a request: unknown fields rejected, defaults applied',
    given: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, limit: { type: 'integer', default: 25 }, note: { type: 'string' } } },
    flavour: 'request',
    want: 'z.strictObject({\n  "name": z.string(),\n  "limit": z.int().default(25),\n  "note": z.string().optional(),\n})',
    accepts: [{ name: 'a' }, { name: 'a', limit: 5, note: 'n' }],
    rejects: [{}, { name: 'a', extra: 1 }],
  },
  {
    name: 'properties in a response: unknown fields kept, no defaults invented',
    given: { type: 'object', required: ['name'], additionalProperties: false, properties: { name: { type: 'string' }, limit: { type: 'integer', default: 25 } } },
    flavour: 'response',
    want: 'z.looseObject({\n  "name": z.string(),\n  "limit": z.int().optional(),\n})',
    accepts: [{ name: 'a' }, { name: 'a', addedLater: true }],
    rejects: [{ limit: 1 }],
  },
  { name: 'properties without type is an object', given: { properties: { a: { type: 'boolean' } } }, flavour: 'request', want: 'z.strictObject({\n  "a": z.boolean().optional(),\n})', accepts: [{}], rejects: [{ a: 1 }] },
  { name: 'an object without properties', given: { type: 'object' }, flavour: 'request', want: 'z.strictObject({})', accepts: [{}], rejects: [{ a: 1 }, []] },
  // composition
  {
    name: 'oneOf',
    given: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
    flavour: 'request',
    want: 'z.union([z.string(), z.int()])',
    accepts: ['a', 1],
    rejects: [true],
  },
  { name: 'oneOf with a null branch is nullable', given: { oneOf: [{ type: 'string' }, { type: 'null', description: 'none yet' }] }, flavour: 'request', want: 'z.string().nullable()', accepts: ['a', null], rejects: [1] },
  {
    name: 'allOf of objects merges their properties',
    given: { allOf: [{ $ref: '#/components/schemas/ErrorDetail' }, { type: 'object', required: ['hint'], properties: { hint: { type: 'string' } } }] },
    flavour: 'response',
    want: 'z.looseObject({\n  "field": z.string().min(1).max(200),\n  "issue": z.string().min(1).max(500),\n  "hint": z.string(),\n})',
    accepts: [{ field: 'amount', issue: 'too big', hint: 'smaller' }],
    rejects: [{ field: 'amount', issue: 'too big' }],
  },
  // references
  { name: '$ref names the component’s constant of the same flavour', given: { $ref: '#/components/schemas/VaultId' }, flavour: 'request', want: 'request$VaultId', accepts: ['vault_3f8a2c1d9b'], rejects: ['3f8a2c1d9b'] },
  { name: '$ref in a response', given: { $ref: '#/components/schemas/NetworkName' }, flavour: 'response', want: 'response$NetworkName', accepts: ['Ethereum', 'NetworkAddedLater'] },
  // annotations
  {
    name: 'annotations and x- extensions only describe',
    given: { type: 'string', title: 'T', description: 'D', examples: ['e'], deprecated: true, readOnly: true, $comment: 'c', 'x-internal': true },
    flavour: 'request',
    want: 'z.string()',
    accepts: ['e'],
  },
  // parameter values arrive as text
  { name: 'a query integer is read from its text', given: { type: 'integer', minimum: 1 }, flavour: 'request', source: 'query', want: 'fromText.number(z.int().min(1))', accepts: ['25', 3], rejects: ['2.5e1', '0x19', '0'] },
  { name: 'a header boolean is read from its text', given: { type: 'boolean' }, flavour: 'request', source: 'header', want: 'fromText.boolean(z.boolean())', accepts: ['true', 'false'], rejects: ['yes', '1'] },
  { name: 'a nullable integer parameter is read from its text', given: { type: ['integer', 'null'] }, flavour: 'response', source: 'header', want: 'fromText.number(z.int().nullable())', accepts: ['100', null], rejects: ['many'] },
  { name: 'a path string stays text', given: { type: 'string' }, flavour: 'request', source: 'path', want: 'z.string()', accepts: ['vault_1'] },
];

const AT = `${CASE_FILE} (at #${CASE_POINTER}`;

export const errorCases: ErrorCase[] = [
  { name: 'an unsupported keyword, at the keyword', given: { type: 'number', multipleOf: 0.01 }, flavour: 'request', error: `${AT}/multipleOf): the zod generator does not support the keyword 'multipleOf' (add it to generators/zod rather than dropping it)` },
  { name: 'an unsupported format', given: { type: 'string', format: 'email' }, flavour: 'request', error: `${AT}/format): the zod generator does not support format 'email'` },
  { name: 'a union of types', given: { type: ['string', 'integer'] }, flavour: 'request', error: `${AT}/type): a union of types (string, integer) is not supported; use oneOf` },
  { name: 'an unknown type', given: { type: 'str' }, flavour: 'request', error: `${AT}/type): unknown type 'str'` },
  { name: 'an empty enum', given: { enum: [] }, flavour: 'request', error: `${AT}/enum): an empty enum accepts nothing` },
  { name: 'an array without items', given: { type: 'array' }, flavour: 'request', error: `${AT}): an array schema needs \`items\`` },
  { name: 'additionalProperties with a schema', given: { type: 'object', additionalProperties: { type: 'string' } }, flavour: 'response', error: `${AT}/additionalProperties): additionalProperties with a schema is not supported` },
  { name: 'a required property that is not described', given: { type: 'object', required: ['a'], properties: {} }, flavour: 'request', error: `${AT}/required): required property 'a' is not in properties` },
  { name: 'allOf of a non-object', given: { allOf: [{ type: 'string' }] }, flavour: 'request', error: `${AT}/allOf/0): allOf is supported for object members only` },
  { name: 'a nested error names the nested pointer', given: { type: 'object', properties: { 'a/b': { type: 'array', items: { type: 'integer', format: 'float' } } } }, flavour: 'request', error: `${AT}/properties/a~1b/items/format): the zod generator does not support format 'float'` },
  { name: 'a dangling $ref', given: { $ref: '#/components/schemas/Nope' }, flavour: 'request', error: `${AT}/$ref): cannot resolve $ref '#/components/schemas/Nope': nothing at '#/components/schemas/Nope'` },
  { name: 'a $ref into a component', given: { $ref: '#/components/schemas/Vault/properties/id' }, flavour: 'request', error: `${AT}/$ref): only references to a component schema are supported, not '#/components/schemas/Vault/properties/id'` },
  { name: 'a query array', given: { type: 'array', items: { type: 'string' } }, flavour: 'request', source: 'query', error: `${AT}): query parameters of type array are not supported by the zod generator` },
];
