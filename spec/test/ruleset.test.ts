/**
 * The golden-document tests of the Fortary ruleset: the real spec lints clean with the whole
 * ruleset (spectral:oas, OWASP, fortary-*), and for every rule a mutation of the real spec
 * yields exactly that rule's finding at the expected JSON path, while a valid variant of the
 * same area yields nothing. A case lints with the rule under test and every fortary-* rule (the
 * definitions of the real ruleset file), so no other rule of ours fires either; the golden lint
 * is what proves the rest of the document clean under spectral:oas and OWASP.
 */
import { describe, expect, it } from 'vitest';
import { lintWith, ownRules, parseSpec, type Finding, type Spec } from './ruleset-lint.ts';

const op = (spec: Spec, path: string, method: string) => spec.paths[path][method];
const schema = (spec: Spec, name: string) => spec.components.schemas[name];
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const webhook = (spec: Spec, name: string) => spec.webhooks[name].post;
const payload = (spec: Spec, name: string) => webhook(spec, name).requestBody.content['application/json'];
/** A new event type everywhere it must be: the enum, a webhook delivering the envelope, the mapping. */
const addEventType = (spec: Spec, type: string, where: { enum?: boolean; webhook?: boolean; mapping?: boolean } = {}) => {
  if (where.enum !== false) schema(spec, 'EventType').enum.push(type);
  if (where.webhook !== false) {
    spec.webhooks[type] = structuredClone(spec.webhooks['transfer.created']);
    payload(spec, type).schema = ref('EventEnvelope');
    webhook(spec, type).operationId = 'vaultRenamedWebhook';
  }
  if (where.mapping !== false) schema(spec, 'Event').discriminator.mapping[type] = '#/components/schemas/EventEnvelope';
};
// Positions that move as the spec grows, read from it rather than written out.
const current = parseSpec();
const nextTag = current.tags.length;
const nextEventType = current.components.schemas.EventType.enum.length;

interface Case {
  rule: string;
  /** What the mutation breaks. */
  breaks: string;
  mutate: (spec: Spec) => void;
  /** JSON pointer of the one expected finding. */
  at: string;
}

interface ValidCase {
  rule: string;
  /** The conforming variant the rule must accept. */
  accepts: string;
  mutate: (spec: Spec) => void;
}

const failing: Case[] = [
  { rule: 'fortary-id-schema', breaks: 'an id schema with an unbounded-looking length', at: '/components/schemas/TransferId/maxLength',
    mutate: (s) => { schema(s, 'TransferId').maxLength = 500; } },
  { rule: 'fortary-id-schema', breaks: 'an id schema without minLength', at: '/components/schemas/VaultId',
    mutate: (s) => { delete schema(s, 'VaultId').minLength; } },
  { rule: 'fortary-id-schema', breaks: 'an id pattern that allows uppercase', at: '/components/schemas/ApiKeyId/pattern',
    mutate: (s) => { schema(s, 'ApiKeyId').pattern = '^key_[a-zA-Z0-9]+$'; } },
  { rule: 'fortary-id-reference', breaks: 'an inline string for a …Id property', at: '/components/schemas/DepositAddress/properties/vaultId',
    mutate: (s) => { schema(s, 'DepositAddress').properties.vaultId = { type: 'string', pattern: '^vault_[a-z0-9]+$', maxLength: 64 }; } },
  { rule: 'fortary-id-reference', breaks: 'an inline string for a path parameter', at: '/components/parameters/VaultIdPath/schema',
    mutate: (s) => { s.components.parameters.VaultIdPath.schema = { type: 'string', pattern: '^vault_[a-z0-9]+$', maxLength: 64 }; } },
  { rule: 'fortary-network-enum', breaks: 'a network name that is not PascalCase', at: '/components/schemas/NetworkName/enum/8',
    mutate: (s) => {
      schema(s, 'NetworkName').enum[8] = 'polygonAmoy';
      schema(s, 'AssetId').pattern = schema(s, 'AssetId').pattern.replace('PolygonAmoy', 'polygonAmoy');
    } },
  { rule: 'fortary-network-reference', breaks: 'an inline string for a network property', at: '/components/schemas/VaultBalance/properties/network',
    mutate: (s) => { schema(s, 'VaultBalance').properties.network = { type: 'string', pattern: '^[A-Za-z]+$', maxLength: 50 }; } },
  { rule: 'fortary-network-reference', breaks: 'an inline string for a network parameter', at: '/paths/~1v1~1assets/get/parameters/2/schema',
    mutate: (s) => { op(s, '/v1/assets', 'get').parameters[2].schema = { type: 'string', pattern: '^[A-Za-z]+$', maxLength: 50 }; } },
  { rule: 'fortary-asset-network-sync', breaks: 'a network added to the enum only', at: '/components/schemas/AssetId/pattern',
    mutate: (s) => { schema(s, 'NetworkName').enum.push('Arbitrum'); } },
  { rule: 'fortary-asset-network-sync', breaks: 'a network added to the pattern only', at: '/components/schemas/AssetId/pattern',
    mutate: (s) => { schema(s, 'AssetId').pattern = schema(s, 'AssetId').pattern.replace('|PolygonAmoy)', '|PolygonAmoy|Arbitrum)'); } },
  { rule: 'fortary-amount', breaks: 'an inline string for money', at: '/components/schemas/VaultBalance/properties/pending',
    mutate: (s) => { schema(s, 'VaultBalance').properties.pending = { type: 'string', pattern: '^[0-9.]+$', maxLength: 100 }; } },
  { rule: 'fortary-amount', breaks: 'a laxer Amount pattern', at: '/components/schemas/Amount/pattern',
    mutate: (s) => { schema(s, 'Amount').pattern = '^[0-9]+(\\.[0-9]+)?$'; } },
  { rule: 'fortary-timestamp', breaks: 'an …At property that is an inline date-time', at: '/components/schemas/Vault/properties/updatedAt',
    mutate: (s) => { schema(s, 'Vault').properties.updatedAt = { type: 'string', format: 'date-time', maxLength: 30 }; } },
  { rule: 'fortary-timestamp', breaks: 'a Timestamp that allows offsets', at: '/components/schemas/Timestamp/pattern',
    mutate: (s) => { schema(s, 'Timestamp').pattern = '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$'; } },
  { rule: 'fortary-explicit-null', breaks: 'an optional response property', at: '/components/schemas/Transfer/properties/note',
    mutate: (s) => { schema(s, 'Transfer').required = schema(s, 'Transfer').required.filter((name: string) => name !== 'note'); } },
  { rule: 'fortary-explicit-null', breaks: 'the OpenAPI 3.0 nullable keyword', at: '/components/schemas/Asset/properties/symbol/nullable',
    mutate: (s) => { schema(s, 'Asset').properties.symbol.nullable = true; } },
  { rule: 'fortary-camel-case', breaks: 'a snake_case property', at: '/components/schemas/CreateVaultRequest/properties/external_ref',
    mutate: (s) => { schema(s, 'CreateVaultRequest').properties.external_ref = ref('Label'); } },
  { rule: 'fortary-camel-case', breaks: 'a snake_case query parameter', at: '/paths/~1v1~1vaults~1{vaultId}~1transfers/get/parameters/2/name',
    mutate: (s) => { op(s, '/v1/vaults/{vaultId}/transfers', 'get').parameters[2].name = 'transfer_status'; } },
  { rule: 'fortary-camel-case', breaks: 'a snake_case operationId', at: '/paths/~1v1~1vaults~1{vaultId}/get/operationId',
    mutate: (s) => { op(s, '/v1/vaults/{vaultId}', 'get').operationId = 'get_vault'; } },
  { rule: 'fortary-path-version', breaks: 'an unversioned path', at: '/paths/~1networks',
    mutate: (s) => { s.paths = Object.fromEntries(Object.entries(s.paths).map(([key, value]) => [key === '/v1/networks' ? '/networks' : key, value])); } },
  { rule: 'fortary-pagination', breaks: 'a list operation without cursor', at: '/paths/~1v1~1vaults/get',
    mutate: (s) => { op(s, '/v1/vaults', 'get').parameters = [{ $ref: '#/components/parameters/Limit' }]; } },
  { rule: 'fortary-pagination', breaks: 'a page with a count', at: '/components/schemas/VaultPage/properties/count',
    mutate: (s) => {
      schema(s, 'VaultPage').properties.count = { type: 'integer', format: 'int32', minimum: 0, maximum: 1000000 };
      schema(s, 'VaultPage').required.push('count');
      op(s, '/v1/vaults', 'get').responses['200'].content['application/json'].example.count = 2;
    } },
  { rule: 'fortary-pagination', breaks: 'a nextCursor that cannot be null', at: '/components/schemas/VaultPage/properties/nextCursor',
    mutate: (s) => { schema(s, 'VaultPage').properties.nextCursor = ref('Cursor'); } },
  { rule: 'fortary-error-response', breaks: 'an error response whose body is not Error', at: '/paths/~1v1~1vaults~1{vaultId}/get/responses/404/content/application~1json/schema',
    mutate: (s) => {
      const response = structuredClone(s.components.responses.NotFound);
      response.content['application/json'] = { schema: ref('ErrorDetail') };
      op(s, '/v1/vaults/{vaultId}', 'get').responses['404'] = response;
    } },
  { rule: 'fortary-error-response', breaks: 'an operation without a default response', at: '/paths/~1v1~1vaults~1{vaultId}/get/responses',
    mutate: (s) => { delete op(s, '/v1/vaults/{vaultId}', 'get').responses.default; } },
  { rule: 'fortary-error-example-status', breaks: 'an error example whose type is not its status', at: '/components/responses/NotFound/content/application~1json/example/type',
    mutate: (s) => { s.components.responses.NotFound.content['application/json'].example.type = 'invalid_request'; } },
  { rule: 'fortary-error-example-status', breaks: 'an error example whose code belongs to another status', at: '/components/responses/Conflict/content/application~1json/example/code',
    mutate: (s) => { s.components.responses.Conflict.content['application/json'].example.code = 'idempotency_key_reused'; } },
  { rule: 'fortary-error-catalog', breaks: 'a description naming a code outside the catalog', at: '/paths/~1v1~1vaults~1{vaultId}/get/description',
    mutate: (s) => { op(s, '/v1/vaults/{vaultId}', 'get').description = 'Returns one vault; an unknown id gives `vault_missing`.'; } },
  { rule: 'fortary-error-catalog', breaks: 'an enum code without a catalog entry', at: '/components/schemas/ErrorCode/enum/0',
    mutate: (s) => { schema(s, 'ErrorCode').enum.unshift('vault_frozen'); } },
  { rule: 'fortary-error-catalog', breaks: 'a catalog entry without an enum code', at: '/components/schemas/ErrorCode/x-error-catalog/vault_frozen',
    mutate: (s) => { schema(s, 'ErrorCode')['x-error-catalog'].vault_frozen = { status: 409, type: 'conflict', description: 'The vault is frozen.' }; } },
  { rule: 'fortary-error-catalog', breaks: 'a status with two error types', at: '/components/schemas/ErrorCode/x-error-catalog/route_not_found/type',
    mutate: (s) => { schema(s, 'ErrorCode')['x-error-catalog'].route_not_found.type = 'invalid_request'; } },
  { rule: 'fortary-response-headers', breaks: 'a response without X-Request-Id', at: '/components/responses/Conflict/headers',
    mutate: (s) => { delete s.components.responses.Conflict.headers['X-Request-Id']; } },
  { rule: 'fortary-response-headers', breaks: 'a 503 without Retry-After', at: '/components/responses/ServiceUnavailable/headers',
    mutate: (s) => { delete s.components.responses.ServiceUnavailable.headers['Retry-After']; } },
  { rule: 'fortary-deprecation-sunset', breaks: 'a deprecated operation without a sunset', at: '/paths/~1v1~1vaults~1{vaultId}/get/deprecated',
    mutate: (s) => { op(s, '/v1/vaults/{vaultId}', 'get').deprecated = true; } },
  { rule: 'fortary-deprecation-sunset', breaks: 'a sunset on an operation that is not deprecated', at: '/paths/~1v1~1vaults~1{vaultId}/get/x-sunset',
    mutate: (s) => { op(s, '/v1/vaults/{vaultId}', 'get')['x-sunset'] = '2027-01-01'; } },
  { rule: 'fortary-idempotency-key', breaks: 'a POST without Idempotency-Key', at: '/paths/~1v1~1vaults/post',
    mutate: (s) => { delete op(s, '/v1/vaults', 'post').parameters; } },
  { rule: 'fortary-idempotency-key', breaks: 'createTransfer with an optional Idempotency-Key', at: '/paths/~1v1~1vaults~1{vaultId}~1transfers/post/parameters',
    mutate: (s) => { s.components.parameters.IdempotencyKeyRequired.required = false; } },
  { rule: 'fortary-bearer-security', breaks: 'an operation that allows anonymous calls', at: '/paths/~1v1~1vaults~1{vaultId}/get/security',
    mutate: (s) => { op(s, '/v1/vaults/{vaultId}', 'get').security = [{}, { bearerAuth: [] }]; } },
  { rule: 'fortary-bearer-security', breaks: 'an operation authenticated by another scheme', at: '/paths/~1v1~1vaults~1{vaultId}/get/security',
    mutate: (s) => {
      s.components.securitySchemes.apiKeyHeader = { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'A key in a header.' };
      op(s, '/v1/vaults/{vaultId}', 'get').security = [{ apiKeyHeader: [] }];
    } },
  { rule: 'fortary-required-scope', breaks: 'an unknown required scope', at: '/paths/~1v1~1vaults~1{vaultId}/get/x-required-scope',
    mutate: (s) => { op(s, '/v1/vaults/{vaultId}', 'get')['x-required-scope'] = 'vaults:admin'; } },
  { rule: 'fortary-required-scope', breaks: 'an operation without a required scope', at: '/paths/~1v1~1vaults~1{vaultId}/get',
    mutate: (s) => { delete op(s, '/v1/vaults/{vaultId}', 'get')['x-required-scope']; } },
  { rule: 'fortary-example-conventions', breaks: 'an example instant with an offset', at: '/paths/~1v1~1vaults~1{vaultId}/get/responses/200/content/application~1json/example/archivedAt',
    mutate: (s) => { op(s, '/v1/vaults/{vaultId}', 'get').responses['200'].content['application/json'].example.archivedAt = '2026-01-14T10:32:07+01:00'; } },
  { rule: 'fortary-example-conventions', breaks: 'an example amount as a number', at: '/paths/~1v1~1vaults~1{vaultId}/get/responses/200/content/application~1json/example/priceValue',
    mutate: (s) => { op(s, '/v1/vaults/{vaultId}', 'get').responses['200'].content['application/json'].example.priceValue = 12.5; } },
  { rule: 'fortary-example-conventions', breaks: 'an example id without a prefix', at: '/paths/~1v1~1vaults~1{vaultId}/get/responses/200/content/application~1json/example/ownerId',
    mutate: (s) => { op(s, '/v1/vaults/{vaultId}', 'get').responses['200'].content['application/json'].example.ownerId = '3f8a2c1d9b'; } },
  { rule: 'fortary-example-conventions', breaks: 'a response example without a documented field', at: '/paths/~1v1~1vaults~1{vaultId}/get/responses/200/content/application~1json/example',
    mutate: (s) => { delete op(s, '/v1/vaults/{vaultId}', 'get').responses['200'].content['application/json'].example.updatedAt; } },
  { rule: 'fortary-open-response-object', breaks: 'a response schema closed by additionalProperties', at: '/components/schemas/Vault/additionalProperties',
    mutate: (s) => { schema(s, 'Vault').additionalProperties = false; } },
  { rule: 'fortary-open-response-object', breaks: 'a response schema closed by unevaluatedProperties', at: '/components/schemas/VaultPage/unevaluatedProperties',
    mutate: (s) => { schema(s, 'VaultPage').unevaluatedProperties = false; } },
  { rule: 'fortary-response-array-headroom', breaks: 'a response list capped at the size of its enum', at: '/components/schemas/ScopeList/maxItems',
    mutate: (s) => { schema(s, 'ScopeList').maxItems = schema(s, 'Scope').enum.length; } },
  { rule: 'fortary-schema-examples', breaks: 'examples on an inline property', at: '/components/schemas/Transfer/properties/note/examples',
    mutate: (s) => { schema(s, 'Transfer').properties.note = { type: ['string', 'null'], description: 'Your note, or null.', minLength: 1, maxLength: 500, examples: ['Payroll run'] }; } },
  { rule: 'fortary-tag-groups', breaks: 'a tag outside every group', at: `/tags/${nextTag}/name`,
    mutate: (s) => { s.tags.push({ name: 'Statements', description: 'Monthly statements.' }); } },
  { rule: 'fortary-tag-groups', breaks: 'a grouped tag that is not declared', at: `/x-tagGroups/0/tags/${nextTag}`,
    mutate: (s) => { s['x-tagGroups'][0].tags.push('Statements'); } },
  { rule: 'fortary-event-type-name', breaks: 'an event type that is not resource.verb', at: `/components/schemas/EventType/enum/${nextEventType}`,
    mutate: (s) => { addEventType(s, 'VaultRenamed'); } },
  { rule: 'fortary-event-type-webhooks', breaks: 'an event type without its webhook', at: '/components/schemas/EventType/enum',
    mutate: (s) => { addEventType(s, 'vault.renamed', { webhook: false }); } },
  { rule: 'fortary-event-type-webhooks', breaks: 'a webhook that is not an event type', at: '/webhooks/vault.renamed',
    mutate: (s) => { addEventType(s, 'vault.renamed', { enum: false, mapping: false }); } },
  { rule: 'fortary-event-type-webhooks', breaks: 'an event type missing from the discriminator mapping', at: '/components/schemas/Event/discriminator/mapping',
    mutate: (s) => { addEventType(s, 'vault.renamed', { mapping: false }); } },
  { rule: 'fortary-webhook-payload', breaks: 'a webhook delivering the bare resource', at: '/webhooks/transfer.created/post/requestBody/content/application~1json/schema',
    mutate: (s) => { Object.assign(payload(s, 'transfer.created'), { schema: ref('Transfer'), example: payload(s, 'transfer.created').example.data }); } },
  { rule: 'fortary-webhook-payload', breaks: "a webhook delivering another resource's events", at: '/webhooks/transfer.created/post/requestBody/content/application~1json/schema',
    mutate: (s) => { webhook(s, 'transfer.created').requestBody.content['application/json'] = structuredClone(payload(s, 'deposit.created')); } },
  { rule: 'fortary-webhook-payload', breaks: 'a webhook without a request body', at: '/webhooks/transfer.created/post',
    mutate: (s) => { delete webhook(s, 'transfer.created').requestBody; } },
  { rule: 'fortary-webhook-signature', breaks: 'a webhook without the signature header', at: '/webhooks/deposit.updated/post/parameters',
    mutate: (s) => { webhook(s, 'deposit.updated').parameters.shift(); } },
  { rule: 'fortary-webhook-signature', breaks: 'an optional signature header', at: '/components/parameters/FortarySignature/required',
    mutate: (s) => { s.components.parameters.FortarySignature.required = false; } },
  // The OWASP exceptions are scoped: plain HTTP stays forbidden for any server but the local mock.
  { rule: 'owasp:api8:2023-no-server-http', breaks: 'a plain-HTTP production server', at: '/servers/0/url',
    mutate: (s) => { s.servers[0].url = 'http://api.fortary.com'; } },
];

const valid: ValidCase[] = [
  { rule: 'fortary-id-schema', accepts: 'a tighter length bound', mutate: (s) => { schema(s, 'TransferId').maxLength = 40; } },
  { rule: 'fortary-id-reference', accepts: 'a nullable reference to an id schema',
    mutate: (s) => { schema(s, 'DepositAddress').properties.vaultId = { description: 'The vault.', oneOf: [ref('VaultId'), { type: 'null' }] }; } },
  { rule: 'fortary-network-enum', accepts: 'a new PascalCase network in the enum and the asset grammar',
    mutate: (s) => {
      schema(s, 'NetworkName').enum.push('ArbitrumSepolia');
      schema(s, 'AssetId').pattern = schema(s, 'AssetId').pattern.replace('|PolygonAmoy)', '|PolygonAmoy|ArbitrumSepolia)');
    } },
  { rule: 'fortary-network-reference', accepts: 'a nullable reference to NetworkName',
    mutate: (s) => { schema(s, 'VaultBalance').properties.network = { description: 'The network.', oneOf: [ref('NetworkName'), { type: 'null' }] }; } },
  { rule: 'fortary-asset-network-sync', accepts: 'a network written as its own branch of the pattern',
    mutate: (s) => {
      schema(s, 'NetworkName').enum.push('Tron');
      schema(s, 'AssetId').pattern = schema(s, 'AssetId').pattern.replace('|Bitcoin/native)', '|Bitcoin/native|Tron/native)');
    } },
  { rule: 'fortary-amount', accepts: 'a described reference to Amount',
    mutate: (s) => { schema(s, 'VaultBalance').properties.pending = { ...ref('Amount'), description: 'Committed to unconfirmed transfers.' }; } },
  { rule: 'fortary-timestamp', accepts: 'a described reference to Timestamp',
    mutate: (s) => { schema(s, 'Vault').properties.updatedAt = { ...ref('Timestamp'), description: 'The last change.' }; } },
  { rule: 'fortary-explicit-null', accepts: "a required property typed [T, 'null']",
    mutate: (s) => { schema(s, 'Transfer').properties.note = { type: ['string', 'null'], description: 'Your note, or null.', minLength: 1, maxLength: 500 }; } },
  { rule: 'fortary-camel-case', accepts: 'a camelCase property', mutate: (s) => { schema(s, 'CreateVaultRequest').properties.externalRef = ref('Label'); } },
  { rule: 'fortary-path-version', accepts: 'another versioned path',
    mutate: (s) => { s.paths = Object.fromEntries(Object.entries(s.paths).map(([key, value]) => [key === '/v1/networks' ? '/v1/chains' : key, value])); } },
  { rule: 'fortary-pagination', accepts: 'an inline nullable nextCursor',
    mutate: (s) => { schema(s, 'VaultPage').properties.nextCursor = { description: 'The next page, or null.', oneOf: [ref('Cursor'), { type: 'null' }] }; } },
  { rule: 'fortary-error-response', accepts: 'an inline error response returning Error',
    mutate: (s) => { op(s, '/v1/vaults/{vaultId}', 'get').responses['404'] = structuredClone(s.components.responses.NotFound); } },
  { rule: 'fortary-error-example-status', accepts: 'another code of the same status',
    mutate: (s) => { s.components.responses.NotFound.content['application/json'].example.code = 'route_not_found'; } },
  { rule: 'fortary-error-catalog', accepts: 'a new code in the enum and the catalog, named in a description',
    mutate: (s) => {
      schema(s, 'ErrorCode').enum.push('vault_frozen');
      schema(s, 'ErrorCode')['x-error-catalog'].vault_frozen = { status: 409, type: 'conflict', description: 'The vault is frozen.' };
      op(s, '/v1/vaults/{vaultId}', 'get').description = 'Returns one vault; a frozen vault answers `vault_frozen`.';
    } },
  { rule: 'fortary-response-headers', accepts: 'header names in another case',
    mutate: (s) => {
      const headers = s.components.responses.Conflict.headers;
      headers['x-request-id'] = headers['X-Request-Id'];
      delete headers['X-Request-Id'];
    } },
  { rule: 'fortary-deprecation-sunset', accepts: 'a deprecated operation with its sunset date',
    mutate: (s) => { Object.assign(op(s, '/v1/vaults/{vaultId}', 'get'), { deprecated: true, 'x-sunset': '2027-01-01' }); } },
  { rule: 'fortary-idempotency-key', accepts: 'a POST that requires Idempotency-Key',
    mutate: (s) => { op(s, '/v1/vaults', 'post').parameters = [{ $ref: '#/components/parameters/IdempotencyKeyRequired' }]; } },
  { rule: 'fortary-bearer-security', accepts: 'an operation that inherits the document bearer security',
    mutate: (s) => { delete op(s, '/v1/vaults/{vaultId}', 'get').security; } },
  { rule: 'fortary-required-scope', accepts: 'another known scope', mutate: (s) => { op(s, '/v1/vaults/{vaultId}', 'get')['x-required-scope'] = 'vaults:write'; } },
  { rule: 'fortary-example-conventions', accepts: 'an undocumented extra field that follows the conventions',
    mutate: (s) => { Object.assign(op(s, '/v1/vaults/{vaultId}', 'get').responses['200'].content['application/json'].example, { archivedAt: '2026-01-14T09:32:07Z', priceValue: '12.50', ownerId: 'vault_7c21e05ab4' }); } },
  { rule: 'fortary-open-response-object', accepts: 'a closed request body', mutate: (s) => { schema(s, 'CreateVaultRequest').unevaluatedProperties = false; } },
  { rule: 'fortary-response-array-headroom', accepts: 'a cap with room for the enum to grow',
    mutate: (s) => { schema(s, 'ScopeList').maxItems = 4 * schema(s, 'Scope').enum.length; } },
  { rule: 'fortary-schema-examples', accepts: 'examples on a named component schema', mutate: (s) => { schema(s, 'VaultName').examples = ['Treasury', 'Payroll'] ; } },
  { rule: 'fortary-tag-groups', accepts: 'a new tag declared and grouped',
    mutate: (s) => {
      s.tags.push({ name: 'Statements', description: 'Monthly statements.' });
      s['x-tagGroups'][0].tags.push('Statements');
    } },
  { rule: 'fortary-event-type-name', accepts: 'a new snake_case resource.verb type with its webhook and mapping',
    mutate: (s) => { addEventType(s, 'api_key.revoked'); } },
  { rule: 'fortary-event-type-webhooks', accepts: 'a new event type in the enum, the webhooks and the mapping',
    mutate: (s) => { addEventType(s, 'vault.renamed'); } },
  { rule: 'fortary-webhook-payload', accepts: 'a webhook delivering the discriminated Event',
    mutate: (s) => { payload(s, 'transfer.created').schema = ref('Event'); } },
  { rule: 'fortary-webhook-signature', accepts: 'the signature header written inline, in another case',
    mutate: (s) => { webhook(s, 'deposit.updated').parameters[0] = { ...structuredClone(s.components.parameters.FortarySignature), name: 'fortary-signature' }; } },
];

const brief = (findings: Finding[]) => findings.map(({ code, path }) => ({ code, path }));

/** The rules a case lints with: the rule under test and all of ours. */
const rulesFor = (rule: string) => [...new Set([rule, ...ownRules])];

describe('the real spec', () => {
  it('lints with zero findings of any severity', async () => {
    expect(brief(await lintWith())).toEqual([]);
  });
});

describe('each rule catches its mutation, and only that', () => {
  it.each(failing.map((test) => [test.rule, test.breaks, test] as const))('%s: %s', async (_rule, _breaks, test) => {
    const findings = await lintWith(test.mutate, rulesFor(test.rule));
    expect(brief(findings)).toEqual([{ code: test.rule, path: test.at }]);
    // The message says how to fix it, not just what the rule is about.
    expect(findings[0]!.message).toMatch(/must|add|use|set|rename|remove|refer|declare/i);
    expect(findings[0]!.line).toBeGreaterThan(0);
  });
});

describe('each rule accepts a conforming variant', () => {
  it.each(valid.map((test) => [test.rule, test.accepts, test] as const))('%s: %s', async (_rule, _accepts, test) => {
    expect(brief(await lintWith(test.mutate, rulesFor(test.rule)))).toEqual([]);
  });
});

describe('coverage of the table', () => {
  it('has a failing and a valid case for every fortary rule of the ruleset', () => {
    expect(ownRules.length).toBeGreaterThanOrEqual(20);
    expect(new Set(failing.map((test) => test.rule))).toEqual(new Set([...ownRules, 'owasp:api8:2023-no-server-http']));
    expect(new Set(valid.map((test) => test.rule))).toEqual(new Set(ownRules));
  });
});
