import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { deref, escapePointerToken, isRecord, listOperations, type ErrorCatalogEntry, type OpenApiDocument, type OperationEntry } from '@fortary/codegen-kit';

/**
 * Checks responses against an OpenAPI document (the API's bundled spec or the control plane's
 * bundled document) with ajv, independently of the zod schemas the mock validates requests with:
 * the status is documented for the operation (or `default`), every documented header is valid and
 * the required ones are present, a JSON body has a JSON content type and matches its schema, an
 * error's code is in the catalog with its status and type and its `correlationId` equals
 * `X-Request-Id`, and 429/503 carry `Retry-After`. The document is read through the kit, so a
 * `$ref` is followed the way the generators follow it.
 */
type Json = Record<string, any>;

export interface ConformanceOptions {
  /** Where the document was read from, for the kit's located errors. */
  file: string;
  /** The error catalog the codes of error bodies are checked against. */
  catalog: readonly ErrorCatalogEntry[];
  /** The response (a pointer into the document) that answers when no operation matched. */
  unmatchedResponse: string;
}

export interface CheckedResponse {
  /** The operation that answered; null when none matched (unknown route or method). */
  operation: OperationEntry | null;
  status: number;
  headers: Headers;
  body: unknown;
  /** How problems name the response. */
  where: string;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

export function createConformanceChecker(document: OpenApiDocument, options: ConformanceOptions) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema(document, 'document');
  const validators = new Map<string, ValidateFunction>();
  /** A validator for the schema at `pointer`, compiled inside the document so its `$ref`s resolve. */
  const validatorFor = (pointer: string) => {
    let validate = validators.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `document#${pointer}` });
      validators.set(pointer, validate);
    }
    return validate;
  };
  const catalog = new Map(options.catalog.map((entry) => [entry.code, entry]));
  const operations = listOperations(document, options.file);
  const at = (pointer: string) => ({ file: options.file, pointer });

  /** The problems with one response; empty when it conforms. */
  function problems(response: CheckedResponse): string[] {
    const { operation, status, headers, body, where } = response;
    const found: string[] = [];
    let located: { value: Json; pointer: string };
    if (operation === null) {
      // no operation matched (404 route_not_found, 405): the body must still be the Error schema
      located = deref<Json>(document, { $ref: `#${options.unmatchedResponse}` }, at(''));
    } else {
      const responses = operation.operation['responses'] as Json;
      const key = String(status) in responses ? String(status) : 'default';
      if (!(key in responses)) return [`${where}: status ${status} is not documented and there is no default`];
      if (key === 'default' && status < 400) found.push(`${where}: success status ${status} is not documented`);
      located = deref<Json>(document, responses[key], at(`${operation.pointer}/responses/${escapePointerToken(key)}`));
    }
    const responseObject = located.value;
    for (const [name, headerValue] of Object.entries((responseObject['headers'] ?? {}) as Json)) {
      const header = deref<Json>(document, headerValue, at(`${located.pointer}/headers/${escapePointerToken(name)}`));
      const value = headers.get(name);
      if (value === null) {
        if (header.value['required']) found.push(`${where}: header ${name} is missing`);
        continue;
      }
      const schemaPointer = `${header.pointer}/schema`;
      const schema = deref<Json>(document, header.value['schema'], at(schemaPointer)).value;
      const typed = schema['type'] === 'integer' && /^-?[0-9]+$/.test(value) ? Number(value) : value;
      const validate = validatorFor(schemaPointer);
      if (!validate(typed)) found.push(`${where}: header ${name}=${value}: ${ajv.errorsText(validate.errors)}`);
    }
    if (isRecord(responseObject['content']?.['application/json'])) {
      const contentType = headers.get('content-type') ?? '';
      if (!contentType.startsWith('application/json')) found.push(`${where}: content-type ${contentType}`);
      const validate = validatorFor(`${located.pointer}/content/application~1json/schema`);
      if (!validate(body)) found.push(`${where}: body ${ajv.errorsText(validate.errors)}: ${JSON.stringify(body).slice(0, 300)}`);
    }
    if (status >= 400 && isRecord(body)) {
      if (body['correlationId'] !== headers.get('x-request-id')) found.push(`${where}: correlationId differs from X-Request-Id`);
      const entry = catalog.get(String(body['code']));
      if (!entry) found.push(`${where}: code ${body['code']} is not in the catalog`);
      else if (entry.status !== status || entry.type !== body['type']) found.push(`${where}: code ${body['code']} belongs to ${entry.status} ${entry.type}`);
    }
    if ((status === 429 || status === 503) && !headers.get('retry-after')) found.push(`${where}: no Retry-After`);
    return found;
  }

  return { operations, problems };
}
