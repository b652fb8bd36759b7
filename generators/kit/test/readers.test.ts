import { describe, expect, it } from 'vitest';
import {
  LocatedError,
  deref,
  listOperations,
  mergedParameters,
  operationPointer,
  readErrorCatalog,
  refName,
  resolvePointer,
  toPointer,
  type OpenApiDocument,
} from '../src/index.ts';

const FILE = 'spec.json';

/** A minimal OpenAPI 3.1 document around the parts a case needs. */
function documentWith(parts: { paths?: Record<string, Record<string, unknown>>; components?: Record<string, Record<string, unknown>> }): OpenApiDocument {
  return { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: parts.paths ?? {}, components: parts.components ?? {} };
}

/** What a reader returned, or the message of the LocatedError it threw. */
function outcome(read: () => unknown): unknown {
  try {
    return read();
  } catch (error) {
    if (error instanceof LocatedError) return { error: error.message };
    throw error;
  }
}

describe('pointers', () => {
  it.each([
    { given: ['paths', '/v1/vaults', 'get'], want: '/paths/~1v1~1vaults/get' },
    { given: ['a~b', 0], want: '/a~0b/0' },
    { given: [], want: '' },
  ])('toPointer($given) = $want', ({ given, want }) => {
    expect(toPointer(given)).toBe(want);
  });

  it.each([
    { path: '/v1/vaults/{vaultId}', method: 'get', want: '/paths/~1v1~1vaults~1{vaultId}/get' },
    { path: '/a~b', method: 'post', want: '/paths/~1a~0b/post' },
  ])('operationPointer($path, $method) = $want', ({ path, method, want }) => {
    expect(operationPointer(path, method)).toBe(want);
  });

  const root = { 'a/b': { '~c': 1 }, list: ['x', 'y'], empty: null };
  it.each([
    { pointer: '/a~1b/~0c', want: 1 },
    { pointer: '/list/1', want: 'y' },
    { pointer: '/empty', want: null },
    { pointer: '', want: root },
    { pointer: '/missing', want: undefined },
    { pointer: '/list/5', want: undefined },
    { pointer: 'no-slash', want: undefined },
  ])('resolvePointer($pointer)', ({ pointer, want }) => {
    expect(resolvePointer(root, pointer)).toBe(want);
  });
});

describe('refName', () => {
  it.each([
    { node: { $ref: '#/components/schemas/VaultId' }, kind: undefined, want: 'VaultId' },
    { node: { $ref: '#/components/parameters/Limit' }, kind: 'parameters', want: 'Limit' },
    { node: { $ref: '#/components/parameters/Limit' }, kind: undefined, want: undefined },
    { node: { $ref: '#/components/schemas/a~1b' }, kind: undefined, want: 'a/b' },
    { node: { type: 'string' }, kind: undefined, want: undefined },
    { node: 'VaultId', kind: undefined, want: undefined },
  ])('refName($node, $kind) = $want', ({ node, kind, want }) => {
    expect(refName(node, kind)).toBe(want);
  });
});

describe('deref', () => {
  const document = {
    components: {
      schemas: {
        VaultId: { type: 'string' },
        Alias: { $ref: '#/components/schemas/VaultId' },
        'a/b': { const: 1 },
        SelfLoop: { $ref: '#/components/schemas/SelfLoop' },
        Ping: { $ref: '#/components/schemas/Pong' },
        Pong: { $ref: '#/components/schemas/Ping' },
        Nested: { properties: { id: { type: 'integer' } } },
      },
    },
  };
  const at = { file: FILE, pointer: '/paths/~1x/get/parameters/0/schema' };
  it.each([
    { case: 'a value that is no reference stays where it is', value: { type: 'string' }, want: { value: { type: 'string' }, pointer: at.pointer } },
    { case: 'one hop names the component', value: { $ref: '#/components/schemas/VaultId' }, want: { value: { type: 'string' }, pointer: '/components/schemas/VaultId', componentName: 'VaultId' } },
    { case: 'a chain is followed to its end', value: { $ref: '#/components/schemas/Alias' }, want: { value: { type: 'string' }, pointer: '/components/schemas/VaultId', componentName: 'VaultId' } },
    { case: 'escaped and URI-encoded tokens', value: { $ref: '#/components/schemas/a~1b' }, want: { value: { const: 1 }, pointer: '/components/schemas/a~1b', componentName: 'a/b' } },
    { case: 'a percent-encoded fragment', value: { $ref: '#/components/schemas/Vault%49d' }, want: { value: { type: 'string' }, pointer: '/components/schemas/VaultId', componentName: 'VaultId' } },
    { case: 'a target inside a component is no component', value: { $ref: '#/components/schemas/Nested/properties/id' }, want: { value: { type: 'integer' }, pointer: '/components/schemas/Nested/properties/id' } },
    { case: 'a primitive passes through', value: 'text', want: { value: 'text', pointer: at.pointer } },
    { case: 'a dangling reference, at its $ref', value: { $ref: '#/components/schemas/Nope' }, want: { error: `${FILE} (at #${at.pointer}/$ref): cannot resolve $ref '#/components/schemas/Nope': nothing at '#/components/schemas/Nope'` } },
    { case: 'a dangling reference at the end of a chain, at the last hop', value: { $ref: '#/components/schemas/Alias' }, document: { components: { schemas: { Alias: { $ref: '#/components/schemas/Gone' } } } }, want: { error: `${FILE} (at #/components/schemas/Alias/$ref): cannot resolve $ref '#/components/schemas/Gone': nothing at '#/components/schemas/Gone'` } },
    { case: 'a reference to another file', value: { $ref: 'other.yaml#/X' }, want: { error: `${FILE} (at #${at.pointer}/$ref): only local references are expected in the bundle, found 'other.yaml#/X'` } },
    { case: 'a reference to itself', value: { $ref: '#/components/schemas/SelfLoop' }, want: { error: `${FILE} (at #/components/schemas/SelfLoop/$ref): $ref cycle: #/components/schemas/SelfLoop → #/components/schemas/SelfLoop` } },
    { case: 'a cycle of two', value: { $ref: '#/components/schemas/Ping' }, want: { error: `${FILE} (at #/components/schemas/Pong/$ref): $ref cycle: #/components/schemas/Ping → #/components/schemas/Pong → #/components/schemas/Ping` } },
    { case: 'a broken percent-encoding', value: { $ref: '#/components/schemas/%E0' }, want: { error: `${FILE} (at #${at.pointer}/$ref): $ref '#/components/schemas/%E0' is not a valid URI fragment` } },
  ])('$case', ({ value, want, ...rest }) => {
    expect(outcome(() => deref('document' in rest ? rest.document : document, value, at))).toEqual(want);
  });
});

describe('listOperations', () => {
  it('lists every operation in document order with its pointer', () => {
    const document = documentWith({
      paths: {
        '/v1/vaults': { post: { operationId: 'createVault' }, get: { operationId: 'listVaults' }, parameters: [], summary: 'not an operation' },
        '/v1/vaults/{vaultId}': { delete: { operationId: 'deleteVault' } },
      },
    });
    expect(listOperations(document, FILE).map(({ operationId, method, path, pointer }) => ({ operationId, method, path, pointer }))).toEqual([
      { operationId: 'listVaults', method: 'get', path: '/v1/vaults', pointer: '/paths/~1v1~1vaults/get' },
      { operationId: 'createVault', method: 'post', path: '/v1/vaults', pointer: '/paths/~1v1~1vaults/post' },
      { operationId: 'deleteVault', method: 'delete', path: '/v1/vaults/{vaultId}', pointer: '/paths/~1v1~1vaults~1{vaultId}/delete' },
    ]);
  });

  it('reports an operation without an id at its pointer', () => {
    const document = documentWith({ paths: { '/v1/x': { get: { summary: 'x' } } } });
    expect(outcome(() => listOperations(document, FILE))).toEqual({ error: `${FILE} (at #/paths/~1v1~1x/get): operation has no operationId` });
  });
});

describe('mergedParameters', () => {
  const shared = {
    Limit: { name: 'limit', in: 'query', schema: { type: 'integer' } },
    Key: { name: 'Idempotency-Key', in: 'header', required: true },
    Broken: { name: 'x' },
  };
  const limitRef = { $ref: '#/components/parameters/Limit' };
  const pathParameter = { name: 'vaultId', in: 'path', required: true };
  const merged = (pathLevel: unknown, own: unknown) => {
    const document = documentWith({ paths: { '/v/{vaultId}': { parameters: pathLevel, get: { operationId: 'op', parameters: own } } }, components: { parameters: shared } });
    const [entry] = listOperations(document, FILE);
    return outcome(() => mergedParameters(document, entry!, FILE).map(({ parameter, pointer }) => `${parameter.in}:${parameter.name}${parameter.required ? '!' : ''} @ ${pointer}`));
  };
  it.each([
    { case: 'none at either level', pathLevel: undefined, own: undefined, want: [] },
    {
      case: 'path-level first, then the operation’s own',
      pathLevel: [pathParameter], own: [limitRef],
      want: ['path:vaultId! @ /paths/~1v~1{vaultId}/parameters/0', 'query:limit @ /components/parameters/Limit'],
    },
    {
      case: 'the operation’s parameter wins by name and in, keeping the place',
      pathLevel: [limitRef, pathParameter], own: [{ name: 'limit', in: 'query', required: true }],
      want: ['query:limit! @ /paths/~1v~1{vaultId}/get/parameters/0', 'path:vaultId! @ /paths/~1v~1{vaultId}/parameters/1'],
    },
    {
      case: 'the same name in another location is another parameter',
      pathLevel: [limitRef], own: [{ name: 'limit', in: 'header' }],
      want: ['query:limit @ /components/parameters/Limit', 'header:limit @ /paths/~1v~1{vaultId}/get/parameters/0'],
    },
    {
      case: 'names are compared without case (HTTP header names)',
      pathLevel: [{ name: 'idempotency-key', in: 'header' }], own: [{ $ref: '#/components/parameters/Key' }],
      want: ['header:Idempotency-Key! @ /components/parameters/Key'],
    },
    {
      case: 'a parameter without `in`, where it is written',
      pathLevel: undefined, own: [{ $ref: '#/components/parameters/Broken' }],
      want: { error: `${FILE} (at #/components/parameters/Broken): a parameter needs a string \`name\` and an \`in\` of path, query, header, cookie` },
    },
    {
      case: 'a dangling parameter reference',
      pathLevel: [{ $ref: '#/components/parameters/Nope' }], own: undefined,
      want: { error: `${FILE} (at #/paths/~1v~1{vaultId}/parameters/0/$ref): cannot resolve $ref '#/components/parameters/Nope': nothing at '#/components/parameters/Nope'` },
    },
    {
      case: 'parameters that are no list',
      pathLevel: undefined, own: { limit: 1 },
      want: { error: `${FILE} (at #/paths/~1v~1{vaultId}/get/parameters): expected a list of parameters` },
    },
  ])('$case', ({ pathLevel, own, want }) => {
    expect(merged(pathLevel, own)).toEqual(want);
  });
});

describe('readErrorCatalog', () => {
  const CATALOG = '/components/schemas/ErrorCode/x-error-catalog';
  const documentWithCatalog = (catalog: unknown, codes: string[] = ['not_found', 'rate_limited'], code: unknown = { $ref: '#/components/schemas/ErrorCode' }) =>
    documentWith({
      components: {
        schemas: {
          Error: { type: 'object', properties: { code } },
          ErrorCode: { type: 'string', enum: codes, 'x-error-catalog': catalog },
        },
      },
    });
  const good = {
    rate_limited: { status: 429, type: 'rate_limit', description: ' Slow down. ' },
    not_found: { status: 404, type: 'not_found', description: 'No such thing.' },
  };
  it.each([
    {
      case: 'entries in catalog order, descriptions trimmed',
      document: documentWithCatalog(good),
      want: [
        { code: 'rate_limited', status: 429, type: 'rate_limit', description: 'Slow down.' },
        { code: 'not_found', status: 404, type: 'not_found', description: 'No such thing.' },
      ],
    },
    {
      case: 'an inline code schema on the Error schema',
      document: documentWithCatalog(undefined, [], { type: 'string', enum: ['gone'], 'x-error-catalog': { gone: { status: 410, type: 'gone', description: 'Gone.' } } }),
      want: [{ code: 'gone', status: 410, type: 'gone', description: 'Gone.' }],
    },
    {
      case: 'no Error schema',
      document: documentWith({ components: { schemas: {} } }),
      want: { error: `${FILE} (at #/components/schemas/Error): expected an Error schema with a \`code\` property, whose schema holds the x-error-catalog` },
    },
    { case: 'no catalog', document: documentWithCatalog(undefined), want: { error: `${FILE} (at #${CATALOG}): expected an object mapping each error code to { status, type, description }` } },
    {
      case: 'a stray key (an unquoted comma in YAML)',
      document: documentWithCatalog({ ...good, not_found: { ...good.not_found, 'or more.': null } }),
      want: { error: `${FILE} (at #${CATALOG}/not_found): unexpected key(s) "or more."; an unquoted comma in a YAML flow mapping splits the description` },
    },
    {
      case: 'a success status',
      document: documentWithCatalog({ ...good, not_found: { ...good.not_found, status: 200 } }),
      want: { error: `${FILE} (at #${CATALOG}/not_found/status): expected an HTTP error status (400-599), got 200` },
    },
    {
      case: 'an empty type',
      document: documentWithCatalog({ ...good, not_found: { ...good.not_found, type: '' } }),
      want: { error: `${FILE} (at #${CATALOG}/not_found/type): expected the error type as a non-empty string` },
    },
    {
      case: 'a blank description',
      document: documentWithCatalog({ ...good, not_found: { ...good.not_found, description: ' ' } }),
      want: { error: `${FILE} (at #${CATALOG}/not_found/description): expected a non-empty description of what the code means and what to do` },
    },
    {
      case: 'a code the enum lacks',
      document: documentWithCatalog(good, ['not_found']),
      want: { error: `${FILE} (at #${CATALOG}/rate_limited): 'rate_limited' is not in the enum of /components/schemas/ErrorCode` },
    },
    {
      case: 'a code of the enum without an entry',
      document: documentWithCatalog(good, ['not_found', 'rate_limited', 'gone', 'teapot']),
      want: { error: `${FILE} (at #${CATALOG}): no catalog entry for gone, teapot` },
    },
  ])('$case', ({ document, want }) => {
    expect(outcome(() => readErrorCatalog(document, FILE))).toEqual(want);
  });
});
