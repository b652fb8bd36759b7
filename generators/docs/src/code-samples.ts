import { createHash } from 'node:crypto';
import { LocatedError, deref, mergedParameters, type OpenApiDocument, type OperationEntry } from '@fortary/codegen-kit';

/** One entry of Redoc's `x-codeSamples`. */
export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

interface SampleParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  value: unknown;
}

/** What a sample needs from one operation, taken from the spec with every `$ref` resolved. */
export interface SampleInput {
  operationId: string;
  method: string;
  path: string;
  parameters: SampleParameter[];
  /** The request example, or undefined when the operation takes no body. */
  body: unknown;
  /** Whether the operation pages with `cursor` (its samples then say how to fetch the next page). */
  paged: boolean;
}

/**
 * The first call of a listing never carries a cursor, so the samples leave the cursor parameter
 * out and explain instead how to follow `nextCursor`.
 */
const CURSOR_PARAMETER = 'cursor';

const IDEMPOTENCY_HEADER = 'idempotency-key';

/** The environment variables every sample reads: the API key, and the base URL (production when unset). */
export const API_KEY_VARIABLE = 'FORTARY_API_KEY';
export const BASE_URL_VARIABLE = 'FORTARY_BASE_URL';

/**
 * A UUID-shaped example key derived from the operation id: stable across builds, different for
 * every operation.
 */
export function sampleIdempotencyKey(operationId: string): string {
  const hex = createHash('sha256').update(`fortary-sample:${operationId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16] as string, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Reads the method, path, parameters (path-level and operation-level) and request example of an operation. */
export function sampleInput(document: OpenApiDocument, entry: OperationEntry, file: string): SampleInput {
  const pointer = entry.pointer;
  const parameters: SampleParameter[] = [];
  let paged = false;
  for (const { parameter, pointer: parameterPointer } of mergedParameters(document, entry, file)) {
    const { name, in: location } = parameter;
    if (location === 'cookie') throw new LocatedError({ file, pointer: parameterPointer }, 'cookie parameters are not supported by the code samples');
    if (location === 'query' && name === CURSOR_PARAMETER) {
      paged = true;
      continue;
    }
    const example = exampleOf(document, parameter, file, parameterPointer);
    const required = parameter.required === true;
    if (required && example === undefined) {
      throw new LocatedError({ file, pointer: parameterPointer }, `required parameter '${name}' has no example, so the code samples cannot show a value for it`);
    }
    // Each operation's samples get an Idempotency-Key of their own: with one shared example key,
    // running a second POST sample would be refused as `idempotency_key_reused`.
    const shown = location === 'header' && name.toLowerCase() === IDEMPOTENCY_HEADER && example !== undefined ? sampleIdempotencyKey(entry.operationId) : example;
    if (example !== undefined) parameters.push({ name, in: location, required, value: shown });
  }
  for (const name of entry.path.match(/\{([^}]+)\}/g) ?? []) {
    const bare = name.slice(1, -1);
    if (!parameters.some((parameter) => parameter.in === 'path' && parameter.name === bare)) {
      throw new LocatedError({ file, pointer }, `path parameter '${bare}' of ${entry.path} is not declared`);
    }
  }
  return { operationId: entry.operationId, method: entry.method, path: entry.path, parameters, body: requestExample(document, entry, file, pointer), paged };
}

function exampleOf(document: OpenApiDocument, parameter: Record<string, unknown>, file: string, pointer: string): unknown {
  if (parameter['example'] !== undefined) return parameter['example'];
  const examples = parameter['examples'] as Record<string, unknown> | undefined;
  const first = examples && Object.values(examples)[0];
  if (first !== undefined) return deref<{ value?: unknown }>(document, first, { file, pointer: `${pointer}/examples` }).value.value;
  if (parameter['schema'] === undefined) return undefined;
  const schema = deref(document, parameter['schema'], { file, pointer: `${pointer}/schema` }).value;
  if (schema['example'] !== undefined) return schema['example'];
  if (Array.isArray(schema['examples']) && schema['examples'].length) return schema['examples'][0];
  return undefined;
}

function requestExample(document: OpenApiDocument, entry: OperationEntry, file: string, pointer: string): unknown {
  if (entry.operation['requestBody'] === undefined) return undefined;
  // A shared request body is reported where it is written, in components.requestBodies.
  const { value: body, pointer: bodyPointer } = deref(document, entry.operation['requestBody'], { file, pointer: `${pointer}/requestBody` });
  const media = (body['content'] as Record<string, Record<string, unknown>> | undefined)?.['application/json'];
  const mediaPointer = `${bodyPointer}/content/application~1json`;
  if (!media) throw new LocatedError({ file, pointer: `${bodyPointer}/content` }, 'the code samples need an application/json request body');
  if (media['example'] !== undefined) return media['example'];
  const examples = media['examples'] as Record<string, unknown> | undefined;
  const first = examples && Object.values(examples)[0];
  if (first !== undefined) return deref<{ value?: unknown }>(document, first, { file, pointer: `${mediaPointer}/examples` }).value.value;
  throw new LocatedError({ file, pointer: mediaPointer }, 'the request body has no example, so the code samples cannot show one');
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A JSON value as a TypeScript literal: single-quoted strings, bare keys where possible, two-space indent. */
export function toTypeScriptLiteral(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n')}'`;
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item) => toTypeScriptLiteral(item, inner));
    const oneLine = `[${items.join(', ')}]`;
    return oneLine.length <= 60 && !oneLine.includes('\n') ? oneLine : `[\n${items.map((item) => `${inner}${item},`).join('\n')}\n${indent}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    const key = (name: string) => (IDENTIFIER.test(name) ? name : toTypeScriptLiteral(name));
    // A short object of plain values reads best on one line: `{ vaultId: 'vault_3f8a2c1d9b' }`.
    if (entries.every(([, item]) => item === null || typeof item !== 'object')) {
      const oneLine = `{ ${entries.map(([name, item]) => `${key(name)}: ${toTypeScriptLiteral(item, inner)}`).join(', ')} }`;
      if (oneLine.length <= 72) return oneLine;
    }
    return `{\n${entries.map(([name, item]) => `${inner}${key(name)}: ${toTypeScriptLiteral(item, inner)},`).join('\n')}\n${indent}}`;
  }
  throw new Error(`cannot write ${typeof value} as a TypeScript literal`);
}

/**
 * A TypeScript sample with @fortary/client. Optional headers are left to the client (it sends
 * an Idempotency-Key on every POST by itself); a required header is shown with its example.
 */
export function typeScriptSample(input: SampleInput): string {
  const groups: Record<string, Record<string, unknown>> = {};
  for (const parameter of input.parameters) {
    if (parameter.in === 'header' && !parameter.required) continue;
    (groups[parameter.in] ??= {})[parameter.name] = parameter.value;
  }
  const options: Record<string, unknown> = {};
  const params = Object.fromEntries(['path', 'query', 'header'].filter((location) => groups[location]).map((location) => [location, groups[location]]));
  if (Object.keys(params).length) options['params'] = params;
  if (input.body !== undefined) options['body'] = input.body;
  const call = `fortary.${input.method.toUpperCase()}('${input.path}'${Object.keys(options).length ? `, ${toTypeScriptLiteral(options)}` : ''})`;
  const lines = [
    "import { createFortaryClient } from '@fortary/client';",
    '',
    `const fortary = createFortaryClient({ apiKey: process.env.${API_KEY_VARIABLE}!, baseUrl: process.env.${BASE_URL_VARIABLE} });`,
    '',
    `const { data, error } = await ${call};`,
    'if (error) throw new Error(`${error.type}/${error.code} (X-Request-Id ${error.correlationId})`);',
    'console.log(data);',
  ];
  if (input.paged) lines.push('// More items: call again with query.cursor set to data.nextCursor until it is null.');
  return `${lines.join('\n')}\n`;
}

/** Quotes a string for a POSIX shell. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** Quotes text for a double-quoted POSIX shell word (so a `${VAR}` before it still expands). */
function doubleQuoted(text: string): string {
  return text.replace(/[$`"\\]/g, (character) => `\\${character}`);
}

/**
 * A curl sample against `$FORTARY_BASE_URL`, or `baseUrl` (production) when it is unset, with
 * the secret read from `$FORTARY_API_KEY`.
 */
export function curlSample(input: SampleInput, baseUrl: string): string {
  let path = input.path;
  const query = new URLSearchParams();
  const headers: string[] = [];
  for (const parameter of input.parameters) {
    const text = typeof parameter.value === 'string' ? parameter.value : JSON.stringify(parameter.value);
    if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, encodeURIComponent(text));
    else if (parameter.in === 'query') query.append(parameter.name, text);
    else headers.push(`${parameter.name}: ${text}`);
  }
  const url = `"\${${BASE_URL_VARIABLE}:-${doubleQuoted(baseUrl.replace(/\/$/, ''))}}${doubleQuoted(`${path}${query.size ? `?${query}` : ''}`)}"`;
  const parts = [`curl${input.method === 'get' ? '' : ` -X ${input.method.toUpperCase()}`} ${url}`, `-H "Authorization: Bearer $${API_KEY_VARIABLE}"`];
  for (const header of headers) parts.push(`-H ${shellQuote(header)}`);
  if (input.body !== undefined) {
    parts.push(`-H ${shellQuote('Content-Type: application/json')}`);
    parts.push(`--data ${shellQuote(JSON.stringify(input.body, null, 2))}`);
  }
  return `${parts.join(' \\\n  ')}\n`;
}

/** Both samples of an operation, in the order the docs show them. */
export function codeSamples(input: SampleInput, baseUrl: string): CodeSample[] {
  return [
    { lang: 'TypeScript', label: 'TypeScript', source: typeScriptSample(input) },
    { lang: 'Shell', label: 'curl', source: curlSample(input, baseUrl) },
  ];
}
