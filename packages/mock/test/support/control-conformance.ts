import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { spec as apiSpec } from './conformance.js';

/**
 * Checks control-plane responses against the shipped control-plane document (its bundle in
 * dist/, as published): the status is documented for the route (or `default`), `X-Request-Id`
 * is there and valid, the body matches, and an error's code is in the API's catalog with its
 * status and type, `correlationId` equal to `X-Request-Id`.
 */
type Json = Record<string, any>;

export const controlSpec: Json = JSON.parse(readFileSync(fileURLToPath(new URL('../../dist/control-plane.openapi.json', import.meta.url)), 'utf8'));

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
ajv.addSchema(controlSpec, 'control');

const escape = (token: string) => token.replaceAll('~', '~0').replaceAll('/', '~1');
const validators = new Map<string, ReturnType<typeof ajv.compile>>();
function validatorFor(pointer: string) {
  let validate = validators.get(pointer);
  if (!validate) {
    validate = ajv.compile({ $ref: `control#${pointer}` });
    validators.set(pointer, validate);
  }
  return validate;
}

function resolve(value: Json): { node: Json; pointer: string | null } {
  let pointer: string | null = null;
  let current = value;
  while (current && typeof current['$ref'] === 'string') {
    pointer = (current['$ref'] as string).slice(1);
    current = pointer.slice(1).split('/').map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~')).reduce((node: Json, token) => node[token], controlSpec);
  }
  return { node: current, pointer };
}

/** The documented path template a concrete path matches, if any. */
function templateOf(path: string): string | null {
  for (const template of Object.keys(controlSpec['paths'])) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (pattern.test(path)) return template;
  }
  return null;
}

export function controlProblems(method: string, path: string, status: number, headers: Headers, body: unknown): string[] {
  const problems: string[] = [];
  const where = `${method} ${path} ${status}`;
  const requestId = headers.get('x-request-id');
  if (!requestId || !/^req_[a-z0-9]+$/.test(requestId)) problems.push(`${where}: X-Request-Id ${requestId}`);
  const template = templateOf(path.split('?')[0] as string);
  const operation = template ? controlSpec['paths'][template][method.toLowerCase()] : undefined;
  let responseRef: Json;
  let pointer: string;
  if (!operation) {
    // unknown route or method: the shared Error response
    responseRef = { $ref: '#/components/responses/Error' };
    pointer = '/components/responses/Error';
  } else {
    const key = String(status) in operation.responses ? String(status) : 'default';
    if (key === 'default' && status < 400) problems.push(`${where}: success status not documented`);
    responseRef = operation.responses[key];
    pointer = `/paths/${escape(template as string)}/${method.toLowerCase()}/responses/${key}`;
  }
  const resolved = resolve(responseRef);
  if (resolved.pointer) pointer = resolved.pointer;
  const schemaPointer = `${pointer}/content/application~1json/schema`;
  if (resolved.node['content']) {
    const validate = validatorFor(schemaPointer);
    if (!validate(body)) problems.push(`${where}: body ${ajv.errorsText(validate.errors)}: ${JSON.stringify(body).slice(0, 300)}`);
  }
  if (status >= 400) {
    const error = body as Json;
    if (error?.['correlationId'] !== requestId) problems.push(`${where}: correlationId differs from X-Request-Id`);
    const entry = apiSpec['components']['schemas']['ErrorCode']['x-error-catalog'][error?.['code']];
    if (!entry || entry.status !== status || entry.type !== error['type']) problems.push(`${where}: code ${error?.['code']} is not the catalog's for ${status}`);
  }
  return problems;
}
