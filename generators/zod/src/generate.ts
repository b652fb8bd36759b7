import { LocatedError, doNotEditHeader, escapePointerToken, listOperations, type OpenApiDocument } from '@fortary/codegen-kit';
import { parseAssetGrammar } from './asset-grammar.ts';
import {
  componentRefName,
  derefSchema,
  discriminatorTargets,
  indent,
  parameterToZod,
  schemaToZod,
  type ConvertContext,
  type Flavour,
  type JsonSchema,
} from './schema-to-zod.ts';

const GENERATOR = '@fortary/generator-zod';
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const JSON_MEDIA = 'application/json';

/**
 * Checks the spec's patterns cannot express, written by hand in @fortary/schemas'
 * `src/refinements.ts` and attached here to one component in one flavour. A name missing from
 * the spec is an error, so this table cannot silently go stale.
 */
const REFINEMENTS: Record<string, Partial<Record<Flavour, { dropPattern?: boolean; suffix: (schema: JsonSchema) => string }>>> = {
  // The grammar beyond the pattern: a known network with a token type it takes, an EIP-55 checksum.
  AssetId: {
    // parseAssetId() says which part is wrong; the spec's pattern stays as a final guard there
    // rather than here, so a bad id yields one readable issue instead of a regex dump.
    request: { dropPattern: true, suffix: (schema) => `.superRefine(assetIdInRequest(new RegExp(${JSON.stringify(schema['pattern'])}, 'u')))` },
    // A response may name a network or token type added after this build: the closed pattern only
    // applies to ids whose network and token type are both known.
    response: { dropPattern: true, suffix: (schema) => `.superRefine(assetIdInResponse(new RegExp(${JSON.stringify(schema['pattern'])}, 'u')))` },
  },
  // The destination must be an address of the asset's network (422 invalid_address otherwise).
  CreateTransferRequest: { request: { suffix: () => '.superRefine(checkDestinationAddress)' } },
};

const FLAVOURS: Flavour[] = ['request', 'response'];

/** The hand-written helpers generated code may call, all exported by `src/refinements.ts`. */
const HELPERS = ['assetIdInRequest', 'assetIdInResponse', 'checkDestinationAddress', 'fromText', 'tolerantEnum', 'uniqueItems', 'unmappedValue'];

/** The import line for the helpers `code` calls (none: no line). */
function helperImport(code: string): string[] {
  const used = HELPERS.filter((name) => new RegExp(`\\b${name}\\b`).test(code));
  return used.length ? [`import { ${used.join(', ')} } from '../refinements.js';`] : [];
}

/**
 * The files of @fortary/schemas' `src/generated` folder:
 * - `networks.ts`: the network names, the asset grammar and the EVM networks, from the spec;
 * - `components.ts`: a request and a response zod schema per component schema;
 * - `operations.ts`: per operation, its method, path, request parts and response bodies.
 */
export function generateZod(document: OpenApiDocument, file = 'spec/dist/openapi.json'): Record<string, string> {
  const components = (document.components['schemas'] ?? {}) as Record<string, JsonSchema>;
  for (const name of Object.keys(components)) {
    if (!IDENTIFIER.test(name)) throw new LocatedError({ file, pointer: `/components/schemas/${escapePointerToken(name)}` }, `component schema '${name}' is not a valid identifier`);
  }
  for (const name of Object.keys(REFINEMENTS)) {
    if (!components[name]) throw new LocatedError({ file, pointer: '/components/schemas' }, `the zod generator refines '${name}', which the spec no longer has`);
  }
  const context: ConvertContext = { file, components, constName: (name, flavour) => `${flavour}$${name}` };
  const header = doNotEditHeader(GENERATOR);
  return {
    'networks.ts': `${header}\n${networksModule(components, file)}`,
    'components.ts': `${header}\n${componentsModule(components, context)}`,
    'operations.ts': `${header}\n${operationsModule(document, context)}`,
  };
}

function networksModule(components: Record<string, JsonSchema>, file: string): string {
  const networkEnum = components['NetworkName']?.['enum'];
  if (!Array.isArray(networkEnum) || !networkEnum.every((value) => typeof value === 'string')) {
    throw new LocatedError({ file, pointer: '/components/schemas/NetworkName' }, 'expected NetworkName to be an enum of strings');
  }
  const pattern = components['AssetId']?.['pattern'];
  if (typeof pattern !== 'string') throw new LocatedError({ file, pointer: '/components/schemas/AssetId' }, 'expected AssetId to have a pattern');
  const grammar = parseAssetGrammar(pattern, networkEnum as string[], file);
  const evm = (networkEnum as string[]).filter((network) => grammar[network]?.['erc20'] !== undefined);
  const grammarLines = Object.entries(grammar).map(([network, tokens]) => {
    const entries = Object.entries(tokens).map(([tokenType, address]) => `${tokenType}: ${address === null ? 'null' : `new RegExp(${JSON.stringify(`^(?:${address})$`)}, 'u')`}`);
    return `  ${network}: { ${entries.join(', ')} },`;
  });
  return [
    '/** Every network v1 knows today (the `NetworkName` enum). Responses may name others later. */',
    `export const NETWORK_NAMES = ${JSON.stringify(networkEnum)} as const;`,
    '',
    'export type KnownNetworkName = (typeof NETWORK_NAMES)[number];',
    '',
    '/** The networks whose assets are erc20 tokens with `0x` addresses (read from the AssetId pattern). */',
    `export const EVM_NETWORKS = ${JSON.stringify(evm)} as const satisfies readonly KnownNetworkName[];`,
    '',
    '/**',
    ' * The asset grammar of the AssetId pattern: per network, the token types it takes and the',
    ' * pattern of the address each needs (null: the token type takes no address).',
    ' */',
    'export const ASSET_GRAMMAR: Readonly<Record<KnownNetworkName, Readonly<Record<string, RegExp | null>>>> = {',
    ...grammarLines,
    '};',
    '',
  ].join('\n');
}

function componentsModule(components: Record<string, JsonSchema>, context: ConvertContext): string {
  const order = topologicalOrder(components, context.file);
  const lines: string[] = [];
  for (const flavour of FLAVOURS) {
    for (const name of order) {
      const schema = components[name] as JsonSchema;
      const refinement = REFINEMENTS[name]?.[flavour];
      const source = refinement?.dropPattern ? withoutPattern(schema) : schema;
      const expression = schemaToZod(source, flavour, context, `/components/schemas/${name}`) + (refinement?.suffix(schema) ?? '');
      lines.push(`export const ${context.constName(name, flavour)} = ${expression};`);
    }
    lines.push('');
  }
  for (const flavour of FLAVOURS) {
    const doc = flavour === 'request'
      ? 'Strict schemas, for what a client sends: closed enums, patterns, bounds, unknown fields rejected.'
      : 'Tolerant schemas, for what the API answers: unknown fields kept, unknown enum values accepted.';
    lines.push(`/** ${doc} */`);
    lines.push(`export const ${flavour}Schemas: {`);
    for (const name of Object.keys(components)) lines.push(`  readonly ${name}: typeof ${context.constName(name, flavour)};`);
    lines.push('} = {');
    for (const name of Object.keys(components)) lines.push(`  ${name}: ${context.constName(name, flavour)},`);
    lines.push('};', '');
  }
  lines.push('export type ComponentName = keyof typeof requestSchemas;', '');
  const body = lines.join('\n');
  return ["import { z } from 'zod';", ...helperImport(body), '', body].join('\n');
}

function withoutPattern(schema: JsonSchema): JsonSchema {
  const { pattern: _pattern, ...rest } = schema;
  return rest;
}

/** Components ordered so each comes after the ones it refers to; a cycle is reported. */
function topologicalOrder(components: Record<string, JsonSchema>, file: string): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, trail: string[]): void => {
    // A dangling ref is reported by the converter, at the pointer of the `$ref` itself.
    if (state.get(name) === 'done' || !Object.hasOwn(components, name)) return;
    if (state.get(name) === 'visiting') {
      throw new LocatedError({ file, pointer: `/components/schemas/${name}` }, `recursive schemas are not supported: ${[...trail, name].join(' → ')}`);
    }
    state.set(name, 'visiting');
    for (const dependency of refsIn(components[name])) visit(dependency, [...trail, name]);
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of Object.keys(components)) visit(name, []);
  return order;
}

function refsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refsIn);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => {
    if (key === '$ref') {
      const name = componentRefName(value);
      return name ? [name] : [];
    }
    // A discriminator names its members and fallback in strings, not `$ref`s.
    if (key === 'discriminator') return discriminatorTargets(value);
    return key === 'examples' || key === 'example' ? [] : refsIn(value);
  });
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: JsonSchema;
}

/**
 * Every part of every operation becomes a named constant (identical expressions shared), and
 * `operationSchemas` is annotated with `typeof` those constants: the declaration file then names
 * each schema type once instead of spelling out the Error schema in every status of every operation.
 */
class NamedParts {
  private readonly byExpression = new Map<string, string>();
  readonly declarations: string[] = [];

  name(preferred: string, expression: string): string {
    if (/^(?:request|response)\$[A-Za-z0-9_]+$/.test(expression)) return expression;
    const existing = this.byExpression.get(expression);
    if (existing) return existing;
    const taken = new Set(this.byExpression.values());
    let name = preferred;
    for (let suffix = 2; taken.has(name); suffix += 1) name = `${preferred}$${suffix}`;
    this.byExpression.set(expression, name);
    this.declarations.push(`export const ${name} = ${expression};`);
    return name;
  }
}

interface OperationEntryCode {
  operationId: string;
  method: string;
  path: string;
  request: Array<[string, string]>;
  responses: Array<[string, string]>;
  responseHeaders: Array<[string, string]>;
}

function operationsModule(document: OpenApiDocument, context: ConvertContext): string {
  const file = context.file;
  const parts = new NamedParts();
  const operations: OperationEntryCode[] = [];
  for (const { operationId, method, path, operation } of listOperations(document, file)) {
    const at = operationPointer(path, method);
    if (!IDENTIFIER.test(operationId)) throw new LocatedError({ file, pointer: at }, `operationId '${operationId}' is not a valid identifier`);
    const pathItem = document.paths[path] as Record<string, unknown>;
    const parameters = mergeParameters(document, pathItem['parameters'], operation['parameters'], at, file);
    const other = parameters.find(({ parameter }) => !['path', 'query', 'header'].includes(parameter.in));
    if (other) throw new LocatedError({ file, pointer: other.pointer }, `${other.parameter.in} parameters are not supported by the zod generator`);
    const inLocation = (location: string) => parameters.filter(({ parameter }) => parameter.in === location);
    const entry: OperationEntryCode = { operationId, method, path, request: [], responses: [], responseHeaders: [] };
    if (inLocation('path').length) entry.request.push(['path', parts.name(`${operationId}$path`, parametersObject(inLocation('path'), 'path', 'z.strictObject', context))]);
    if (inLocation('query').length) entry.request.push(['query', parts.name(`${operationId}$query`, parametersObject(inLocation('query'), 'query', 'z.strictObject', context))]);
    // Requests carry many headers the spec does not list (Authorization, User-Agent, …): keep them.
    if (inLocation('header').length) entry.request.push(['headers', parts.name(`${operationId}$headers`, parametersObject(inLocation('header'), 'header', 'z.looseObject', context))]);
    const body = requestBodySchema(document, operation['requestBody'], `${at}/requestBody`, context);
    if (body) entry.request.push(['body', parts.name(`${operationId}$body`, body)]);

    for (const [status, response] of Object.entries((operation['responses'] ?? {}) as Record<string, unknown>)) {
      const responseAt = `${at}/responses/${escapePointerToken(status)}`;
      const { value, pointer, componentName } = derefComponent<Record<string, unknown>>(document, response, 'responses', responseAt, file);
      const stem = componentName ?? `${operationId}$${status}`;
      entry.responses.push([status, parts.name(`${stem}$body`, responseBodySchema(value, pointer, context))]);
      // Most responses share one header set: name it by its headers, not by its first user.
      entry.responseHeaders.push([status, parts.name(headerSetName(value), responseHeadersSchema(document, value, pointer, context))]);
    }
    operations.push(entry);
  }

  const objectCode = (pairs: Array<[string, string]>, render: (name: string) => string, readonly: string) =>
    pairs.length ? `{\n${pairs.map(([key, name]) => `    ${readonly}${JSON.stringify(key)}: ${render(name)},`).join('\n')}\n  }` : '{}';
  const typeLines: string[] = [];
  const valueLines: string[] = [];
  for (const entry of operations) {
    for (const [lines, render, readonly] of [
      [typeLines, (name: string) => `typeof ${name}`, 'readonly '],
      [valueLines, (name: string) => name, ''],
    ] as const) {
      const literal = (text: string) => (readonly ? JSON.stringify(text) : `${JSON.stringify(text)}`);
      lines.push(
        `  ${readonly}${entry.operationId}: {`,
        `    ${readonly}method: ${literal(entry.method)};`.replace(/;$/, readonly ? ';' : ','),
        `    ${readonly}path: ${literal(entry.path)}${readonly ? ';' : ','}`,
        `    ${readonly}request: ${indent(objectCode(entry.request, render, readonly), '  ').trimStart()}${readonly ? ';' : ','}`,
        `    ${readonly}responses: ${indent(objectCode(entry.responses, render, readonly), '  ').trimStart()}${readonly ? ';' : ','}`,
        `    ${readonly}responseHeaders: ${indent(objectCode(entry.responseHeaders, render, readonly), '  ').trimStart()}${readonly ? ';' : ','}`,
        `  }${readonly ? ';' : ','}`,
      );
    }
  }
  const code = parts.declarations.join('\n');
  const componentImports = [...new Set([...code, ...valueLines].join('').match(/\b(?:request|response)\$[A-Za-z0-9_]+/g) ?? [])].sort();
  return [
    "import { z } from 'zod';",
    ...helperImport(code),
    "import type { OperationSchema } from '../operation-schema.js';",
    `import { ${componentImports.join(', ')} } from './components.js';`,
    '',
    code,
    '',
    '/**',
    ' * Per operationId: its method and path, its request parts (strict; header names lower-cased;',
    " * query values coerced from their text with the spec's defaults) and, per status, its",
    ' * response body and headers (tolerant).',
    ' */',
    'export const operationSchemas: {',
    ...typeLines,
    '} = {',
    ...valueLines,
    '};',
    '',
    '// Checked here rather than by annotation, so each entry keeps its precise type.',
    'operationSchemas satisfies Record<string, OperationSchema>;',
    '',
    'export type OperationId = keyof typeof operationSchemas;',
    '',
  ].join('\n');
}

/** `responseHeaders$RequestId_RateLimitLimit_…` from the header names of a response. */
function headerSetName(response: Record<string, unknown>): string {
  const names = Object.keys((response['headers'] ?? {}) as Record<string, unknown>).map((name) =>
    name.replace(/^X-/i, '').split(/[^A-Za-z0-9]+/).map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(''),
  );
  return names.length ? `responseHeaders$${names.join('_')}` : 'responseHeaders$none';
}

function operationPointer(path: string, method: string): string {
  return `/paths/${escapePointerToken(path)}/${method}`;
}

/** Follows a `#/components/<kind>/<name>` reference (one hop is all the bundle uses). */
function derefComponent<T>(document: OpenApiDocument, value: unknown, kind: string, pointer: string, file: string): { value: T; pointer: string; componentName?: string } {
  const ref = (value as { $ref?: unknown } | null)?.$ref;
  if (typeof ref !== 'string') return { value: value as T, pointer };
  const match = new RegExp(`^#/components/${kind}/([^/]+)$`).exec(ref);
  const target = match ? document.components[kind]?.[match[1] as string] : undefined;
  if (!match || target === undefined) throw new LocatedError({ file, pointer: `${pointer}/$ref` }, `cannot resolve $ref '${ref}'`);
  return { value: target as T, pointer: `/components/${kind}/${match[1]}`, componentName: match[1] as string };
}

function mergeParameters(document: OpenApiDocument, shared: unknown, own: unknown, at: string, file: string): Array<{ parameter: Parameter; pointer: string }> {
  const merged = new Map<string, { parameter: Parameter; pointer: string }>();
  const add = (list: unknown, pointer: string) => {
    ((list as unknown[] | undefined) ?? []).forEach((entry, index) => {
      const resolved = derefComponent<Parameter>(document, entry, 'parameters', `${pointer}/${index}`, file);
      merged.set(`${resolved.value.in}:${resolved.value.name.toLowerCase()}`, { parameter: resolved.value, pointer: resolved.pointer });
    });
  };
  add(shared, `${at.slice(0, at.lastIndexOf('/'))}/parameters`);
  add(own, `${at}/parameters`); // an operation's own parameter overrides the path item's
  return [...merged.values()];
}

function parametersObject(parameters: Array<{ parameter: Parameter; pointer: string }>, source: 'path' | 'query' | 'header', factory: string, context: ConvertContext): string {
  const fields = parameters.map(({ parameter, pointer }) => {
    if (!parameter.schema) throw new LocatedError({ file: context.file, pointer }, 'a parameter without a schema is not supported');
    let expression = parameterToZod(parameter.schema, source, 'request', context, `${pointer}/schema`);
    if (!parameter.required) {
      const fallback = derefSchema(parameter.schema, context, `${pointer}/schema`)['default'];
      expression += fallback === undefined ? '.optional()' : `.default(${JSON.stringify(fallback)})`;
    }
    const key = source === 'header' ? parameter.name.toLowerCase() : parameter.name;
    return `${JSON.stringify(key)}: ${expression}`;
  });
  return `${factory}({\n${indent(fields.join(',\n'))},\n})`;
}

function requestBodySchema(document: OpenApiDocument, requestBody: unknown, pointer: string, context: ConvertContext): string | undefined {
  if (requestBody === undefined) return undefined;
  const { value, pointer: at } = derefComponent<{ required?: boolean; content?: Record<string, { schema?: JsonSchema }> }>(document, requestBody, 'requestBodies', pointer, context.file);
  const schema = jsonSchemaOf(value.content, `${at}/content`, context.file);
  if (!schema) return undefined;
  const expression = schemaToZod(schema, 'request', context, `${at}/content/${escapePointerToken(JSON_MEDIA)}/schema`);
  return value.required ? expression : `${expression}.optional()`;
}

function responseBodySchema(response: Record<string, unknown>, pointer: string, context: ConvertContext): string {
  const schema = jsonSchemaOf(response['content'] as Record<string, { schema?: JsonSchema }> | undefined, `${pointer}/content`, context.file);
  // A response without content has no body to check.
  return schema ? schemaToZod(schema, 'response', context, `${pointer}/content/${escapePointerToken(JSON_MEDIA)}/schema`) : 'z.undefined()';
}

function responseHeadersSchema(document: OpenApiDocument, response: Record<string, unknown>, pointer: string, context: ConvertContext): string {
  const headers = (response['headers'] ?? {}) as Record<string, unknown>;
  const fields = Object.entries(headers).map(([name, header]) => {
    const resolved = derefComponent<{ required?: boolean; schema?: JsonSchema }>(document, header, 'headers', `${pointer}/headers/${escapePointerToken(name)}`, context.file);
    if (!resolved.value.schema) throw new LocatedError({ file: context.file, pointer: resolved.pointer }, 'a header without a schema is not supported');
    const expression = parameterToZod(resolved.value.schema, 'header', 'response', context, `${resolved.pointer}/schema`);
    return `${JSON.stringify(name.toLowerCase())}: ${expression}${resolved.value.required ? '' : '.optional()'}`;
  });
  return fields.length ? `z.looseObject({\n${indent(fields.join(',\n'))},\n})` : 'z.looseObject({})';
}

function jsonSchemaOf(content: Record<string, { schema?: JsonSchema }> | undefined, pointer: string, file: string): JsonSchema | undefined {
  if (!content) return undefined;
  const media = content[JSON_MEDIA];
  const others = Object.keys(content).filter((type) => type !== JSON_MEDIA);
  if (others.length) throw new LocatedError({ file, pointer: `${pointer}/${escapePointerToken(others[0] as string)}` }, 'only application/json bodies are supported by the zod generator');
  return media?.schema;
}
