import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/**
 * Checks responses against the bundled spec with ajv, independently of the zod schemas the
 * mock validates requests with: the status is documented for the operation (or `default`),
 * every required documented header is present and valid, and the body matches its schema.
 */
type Json = Record<string, any>;

const specPath = createRequire(import.meta.url).resolve('@fortary/spec/openapi.json');
export const spec: Json = JSON.parse(readFileSync(specPath, 'utf8'));

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
ajv.addSchema(spec, 'openapi');

function resolve(value: Json): Json {
  let current = value;
  while (current && typeof current['$ref'] === 'string') {
    const pointer = (current['$ref'] as string).slice(2).split('/').map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
    current = pointer.reduce((node: Json, token) => node[token], spec);
  }
  return current;
}

const escape = (token: string) => token.replaceAll('~', '~0').replaceAll('/', '~1');
const validators = new Map<string, ReturnType<typeof ajv.compile>>();

function validatorFor(pointer: string) {
  let validate = validators.get(pointer);
  if (!validate) {
    validate = ajv.compile({ $ref: `openapi#${pointer}` });
    validators.set(pointer, validate);
  }
  return validate;
}

export const operationsById = new Map<string, { path: string; method: string; operation: Json }>();
for (const [path, item] of Object.entries(spec['paths'] as Json)) {
  for (const [method, operation] of Object.entries(item as Json)) {
    if (typeof operation === 'object' && operation && 'operationId' in operation) operationsById.set(operation['operationId'], { path, method, operation });
  }
}

export interface ObservedResponse {
  operationId: string | null;
  status: number;
  headers: Headers;
  body: unknown;
}

/** The problems with one response; empty when it conforms. */
export function conformanceProblems(response: ObservedResponse): string[] {
  const problems: string[] = [];
  let responsePointer: string;
  let responseObject: Json;
  if (response.operationId === null) {
    // no operation matched (404 route_not_found, 405): the body must still be the Error schema
    responsePointer = '/components/responses/UnexpectedError';
    responseObject = resolve(spec['components']['responses']['UnexpectedError']);
  } else {
    const entry = operationsById.get(response.operationId);
    if (!entry) return [`unknown operationId ${response.operationId}`];
    const responses = entry.operation['responses'] as Json;
    const key = String(response.status) in responses ? String(response.status) : 'default';
    if (!(key in responses)) return [`${response.operationId}: status ${response.status} is not documented and there is no default`];
    if (key === 'default' && response.status < 400) problems.push(`${response.operationId}: success status ${response.status} is not documented`);
    responseObject = resolve(responses[key]);
    responsePointer = `/paths/${escape(entry.path)}/${entry.method}/responses/${key}`;
    if (responses[key]['$ref']) responsePointer = (responses[key]['$ref'] as string).slice(1);
  }
  const where = `${response.operationId ?? '(no operation)'} ${response.status}`;
  for (const [name, headerRef] of Object.entries((responseObject['headers'] ?? {}) as Json)) {
    const header = resolve(headerRef as Json);
    const value = response.headers.get(name);
    if (value === null) {
      if (header['required']) problems.push(`${where}: header ${name} is missing`);
      continue;
    }
    const schema = resolve(header['schema'] as Json);
    const typed = schema['type'] === 'integer' ? (/^-?[0-9]+$/.test(value) ? Number(value) : value) : value;
    const validate = ajv.compile(schema);
    if (!validate(typed)) problems.push(`${where}: header ${name}=${value}: ${ajv.errorsText(validate.errors)}`);
  }
  const content = responseObject['content']?.['application/json'];
  if (content) {
    const contentType = response.headers.get('content-type') ?? '';
    if (!contentType.startsWith('application/json')) problems.push(`${where}: content-type ${contentType}`);
    const validate = validatorFor(`${responsePointer}/content/application~1json/schema`);
    if (!validate(response.body)) problems.push(`${where}: body ${ajv.errorsText(validate.errors)}: ${JSON.stringify(response.body).slice(0, 300)}`);
  }
  if (response.status >= 400 && response.body && typeof response.body === 'object') {
    const body = response.body as Json;
    if (body['correlationId'] !== response.headers.get('x-request-id')) problems.push(`${where}: correlationId differs from X-Request-Id`);
    const catalog = spec['components']['schemas']['ErrorCode']['x-error-catalog'][body['code']];
    if (!catalog) problems.push(`${where}: code ${body['code']} is not in the catalog`);
    else if (catalog.status !== response.status || catalog.type !== body['type']) problems.push(`${where}: code ${body['code']} belongs to ${catalog.status} ${catalog.type}`);
  }
  if ((response.status === 429 || response.status === 503) && !response.headers.get('retry-after')) problems.push(`${where}: no Retry-After`);
  return problems;
}
