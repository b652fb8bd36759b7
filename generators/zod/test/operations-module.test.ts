import { describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '@fortary/codegen-kit';
import { operationsModule } from '../src/operations-module.ts';
import type { ConvertContext, JsonSchema } from '../src/schema-to-zod.ts';

const FILE = 'spec.json';

/** A path-level parameter overridden by the operation, a shared response, headers, a body and a response without one. */
function documentGiven(): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/v/{vaultId}': {
        parameters: [{ name: 'vaultId', in: 'path', required: true, schema: { $ref: '#/components/schemas/VaultId' } }, { $ref: '#/components/parameters/Limit' }],
        get: {
          operationId: 'getVault',
          parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 10 } }, { name: 'X-Trace', in: 'header', schema: { type: 'boolean' } }],
          responses: {
            '200': {
              description: 'ok',
              headers: { 'X-Request-Id': { required: true, schema: { type: 'string' } } },
              content: { 'application/json': { schema: { $ref: '#/components/schemas/VaultId' } } },
            },
            '404': { $ref: '#/components/responses/NotFound' },
          },
        },
      },
      '/v': {
        post: {
          operationId: 'createVault',
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } } } },
          responses: { '204': { description: 'created' } },
        },
      },
    },
    components: {
      schemas: { VaultId: { type: 'string' } },
      parameters: { Limit: { name: 'limit', in: 'query', schema: { type: 'integer', default: 25 } } },
      responses: { NotFound: { description: 'no', content: { 'application/json': { schema: { type: 'object', properties: { code: { type: 'string' } } } } } } },
    },
  };
}

const contextFor = (document: OpenApiDocument): ConvertContext => ({
  file: FILE,
  document,
  components: document.components['schemas'] as Record<string, JsonSchema>,
  constName: (name, flavour) => `${flavour}$${name}`,
});

describe('operationsModule: given → want', () => {
  it('names each part once, merges parameters (the operation wins) and lists every operation', () => {
    const document = documentGiven();
    expect(operationsModule(document, contextFor(document))).toBe(`import { z } from 'zod';
import { fromText } from '../refinements.js';
import type { OperationSchema } from '../operation-schema.js';
import { request$VaultId, response$VaultId } from './components.js';

export const getVault$path = z.strictObject({
  "vaultId": request$VaultId,
});
export const getVault$query = z.strictObject({
  "limit": fromText.number(z.int().min(1).max(10)).optional(),
});
export const getVault$headers = z.looseObject({
  "x-trace": fromText.boolean(z.boolean()).optional(),
});
export const responseHeaders$RequestId = z.looseObject({
  "x-request-id": z.string(),
});
export const NotFound$body = z.looseObject({
  "code": z.string().optional(),
});
export const responseHeaders$none = z.looseObject({});
export const createVault$body = z.strictObject({
  "name": z.string(),
});
export const createVault$204$body = z.undefined();

/**
 * Per operationId: its method and path, its request parts (strict; header names lower-cased;
 * query values coerced from their text with the spec's defaults) and, per status, its
 * response body and headers (tolerant).
 */
export const operationSchemas: {
  readonly getVault: {
    readonly method: "get";
    readonly path: "/v/{vaultId}";
    readonly request: {
      readonly "path": typeof getVault$path;
      readonly "query": typeof getVault$query;
      readonly "headers": typeof getVault$headers;
    };
    readonly responses: {
      readonly "200": typeof response$VaultId;
      readonly "404": typeof NotFound$body;
    };
    readonly responseHeaders: {
      readonly "200": typeof responseHeaders$RequestId;
      readonly "404": typeof responseHeaders$none;
    };
  };
  readonly createVault: {
    readonly method: "post";
    readonly path: "/v";
    readonly request: {
      readonly "body": typeof createVault$body;
    };
    readonly responses: {
      readonly "204": typeof createVault$204$body;
    };
    readonly responseHeaders: {
      readonly "204": typeof responseHeaders$none;
    };
  };
} = {
  getVault: {
    method: "get",
    path: "/v/{vaultId}",
    request: {
      "path": getVault$path,
      "query": getVault$query,
      "headers": getVault$headers,
    },
    responses: {
      "200": response$VaultId,
      "404": NotFound$body,
    },
    responseHeaders: {
      "200": responseHeaders$RequestId,
      "404": responseHeaders$none,
    },
  },
  createVault: {
    method: "post",
    path: "/v",
    request: {
      "body": createVault$body,
    },
    responses: {
      "204": createVault$204$body,
    },
    responseHeaders: {
      "204": responseHeaders$none,
    },
  },
};

// Checked here rather than by annotation, so each entry keeps its precise type.
operationSchemas satisfies Record<string, OperationSchema>;

export type OperationId = keyof typeof operationSchemas;
`);
  });

  it.each([
    {
      case: 'a cookie parameter, where it is written',
      mutate: (document: OpenApiDocument) => (document.paths['/v/{vaultId}']!['get'] as { parameters: unknown[] }).parameters.push({ name: 'session', in: 'cookie', schema: { type: 'string' } }),
      error: `${FILE} (at #/paths/~1v~1{vaultId}/get/parameters/2): cookie parameters are not supported by the zod generator`,
    },
    {
      case: 'an operationId that is no identifier',
      mutate: (document: OpenApiDocument) => ((document.paths['/v']!['post'] as Record<string, unknown>)['operationId'] = 'create-vault'),
      error: `${FILE} (at #/paths/~1v/post): operationId 'create-vault' is not a valid identifier`,
    },
    {
      case: 'a body that is not JSON',
      mutate: (document: OpenApiDocument) => ((document.paths['/v']!['post'] as Record<string, unknown>)['requestBody'] = { content: { 'text/plain': { schema: { type: 'string' } } } }),
      error: `${FILE} (at #/paths/~1v/post/requestBody/content/text~1plain): only application/json bodies are supported by the zod generator`,
    },
    {
      case: 'a shared response header without a schema, at its home',
      mutate: (document: OpenApiDocument) => ((document.components['responses']!['NotFound'] as Record<string, unknown>)['headers'] = { 'X-Hint': { description: 'h' } }),
      error: `${FILE} (at #/components/responses/NotFound/headers/X-Hint): a header without a schema is not supported`,
    },
    {
      case: 'a dangling response reference',
      mutate: (document: OpenApiDocument) => ((document.paths['/v']!['post'] as { responses: Record<string, unknown> }).responses['409'] = { $ref: '#/components/responses/Gone' }),
      error: `${FILE} (at #/paths/~1v/post/responses/409/$ref): cannot resolve $ref '#/components/responses/Gone': nothing at '#/components/responses/Gone'`,
    },
  ])('refuses $case', ({ mutate, error }) => {
    const document = documentGiven();
    mutate(document);
    expect(() => operationsModule(document, contextFor(document))).toThrow(error);
  });
});
