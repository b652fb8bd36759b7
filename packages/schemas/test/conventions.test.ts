import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { issueErrorCode, operationSchemas, requestSchemas, responseSchemas } from '../src/index.ts';
import { deref, escapePointerToken, operationPointer, resolvePointer } from '@fortary/codegen-kit';
import { loadBundle, specFile } from './spec-examples.ts';

const document = loadBundle();
/** The first JSON example of an operation's request body or of one of its responses, `$ref`s followed. */
const mediaExample = (path: string, method: string, where: 'request' | string) => {
  const at = operationPointer(path, method);
  const pointer = where === 'request' ? `${at}/requestBody` : `${at}/responses/${escapePointerToken(where)}`;
  const media = deref<any>(document, resolvePointer(document, pointer), { file: specFile, pointer }).value.content['application/json'];
  return structuredClone(media.example ?? Object.values<any>(media.examples)[0].value);
};

/** The issues of a failed parse as `path: message` lines (the test fails if it parsed). */
function issues(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  expect(result.success, `expected ${JSON.stringify(value)} to be rejected`).toBe(false);
  return result.error!.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
}

const transferBody = () => mediaExample('/v1/vaults/{vaultId}/transfers', 'post', 'request');
const createTransfer = operationSchemas.createTransfer;

describe('mutated examples fail with a readable issue path', () => {
  it('starts from an example that parses', () => {
    expect(createTransfer.request.body.safeParse(transferBody()).success).toBe(true);
  });

  it('a float amount', () => {
    expect(issues(createTransfer.request.body, { ...transferBody(), amount: 12.5 })).toEqual(['amount: Invalid input: expected string, received number']);
    // …and in a response too: money is never a JSON number.
    const transfer = mediaExample('/v1/vaults/{vaultId}/transfers/{transferId}', 'get', '200');
    expect(issues(responseSchemas.Transfer, { ...transfer, amount: 12.5 })).toEqual(['amount: Invalid input: expected string, received number']);
  });

  it('a timestamp without Z', () => {
    const vault = mediaExample('/v1/vaults/{vaultId}', 'get', '200');
    const found = issues(responseSchemas.Vault, { ...vault, createdAt: '2025-03-14T09:26:53+01:00' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^createdAt: Invalid string: must match pattern/);
    expect(issues(requestSchemas.CreateApiKeyRequest, { name: 'ci', scopes: ['vaults:read'], expiresAt: '2026-01-01T00:00:00' })[0]).toMatch(/^expiresAt: /);
  });

  it('vault_ABC as a vault id', () => {
    const found = issues(createTransfer.request.path, { vaultId: 'vault_ABC' });
    expect(found).toEqual([expect.stringMatching(/^vaultId: Invalid string: must match pattern \/\^vault_\[a-z0-9\]\+\$\//)]);
  });

  it('Ethereum/erc20 without an address', () => {
    expect(issues(createTransfer.request.body, { ...transferBody(), asset: 'Ethereum/erc20' })).toEqual([
      "asset: asset id 'Ethereum/erc20': token type 'erc20' needs an address after ':' (Ethereum/erc20:<address>)",
    ]);
  });

  it('Bitcoin/native with an address', () => {
    const asset = 'Bitcoin/native:0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
    expect(issues(createTransfer.request.body, { ...transferBody(), asset })).toEqual([
      `asset: asset id '${asset}': a native asset takes no address, but ':0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48' follows it`,
    ]);
  });

  it('an unknown network in a request', () => {
    expect(issues(createTransfer.request.body, { ...transferBody(), asset: 'Arbitrum/native' })).toEqual([
      expect.stringMatching(/^asset: asset id 'Arbitrum\/native': unknown network 'Arbitrum' \(expected one of Ethereum, Bitcoin, /),
    ]);
    const found = issues(operationSchemas.createDepositAddress.request.body, { network: 'Arbitrum' });
    expect(found).toEqual([expect.stringMatching(/^network: Invalid option: expected one of "Ethereum"\|"Bitcoin"/)]);
    expect(issues(operationSchemas.listAssets.request.query, { network: 'Arbitrum' })[0]).toMatch(/^network: /);
  });

  it('a bad EIP-55 checksum, in the asset id and in the destination address', () => {
    const badAsset = 'Ethereum/erc20:0xa0B86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
    expect(issues(createTransfer.request.body, { ...transferBody(), asset: badAsset })).toEqual([
      `asset: asset id '${badAsset}': the mixed-case address '0xa0B86991c6218b36c1d19D4a2e9Eb0cE3606eB48' fails its EIP-55 checksum`,
    ]);
    const result = createTransfer.request.body.safeParse({ ...transferBody(), asset: 'Ethereum/native', destinationAddress: '0x742D35Cc6634C0532925a3b844Bc454e4438f44e' });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['destinationAddress'], message: expect.stringMatching(/fails its EIP-55 checksum/), params: { errorCode: 'invalid_address' } }),
    ]);
  });

  it('a destination address of another network', () => {
    const found = issues(createTransfer.request.body, { ...transferBody(), asset: 'Bitcoin/native', destinationAddress: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e' });
    expect(found).toEqual(["destinationAddress: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e' is not a valid Bitcoin address"]);
  });

  it('tags asset issues with the API error code', () => {
    const unknown = createTransfer.request.body.safeParse({ ...transferBody(), asset: 'Arbitrum/native' });
    expect(unknown.error?.issues[0]).toMatchObject({ params: { errorCode: 'unknown_network', part: 'network' } });
    expect(issueErrorCode(unknown.error!.issues[0]!)).toBe('unknown_network');
    const invalid = createTransfer.request.body.safeParse({ ...transferBody(), asset: 'Solana/erc20:0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48' });
    expect(invalid.error?.issues[0]).toMatchObject({ params: { errorCode: 'invalid_asset', part: 'tokenType' } });
    const plain = createTransfer.request.body.safeParse({ ...transferBody(), amount: 1 });
    expect(issueErrorCode(plain.error!.issues[0]!)).toBeUndefined();
  });
});

describe('requests are strict', () => {
  it('reject a field the spec does not describe', () => {
    expect(issues(createTransfer.request.body, { ...transferBody(), memo: 'x' })).toEqual(['(root): Unrecognized key: "memo"']);
    expect(issues(operationSchemas.listVaults.request.query, { limit: '10', sort: 'name' })).toEqual(['(root): Unrecognized key: "sort"']);
  });

  it('enforce bounds and required fields', () => {
    expect(issues(requestSchemas.CreateVaultRequest, {})).toEqual(['name: Invalid input: expected string, received undefined']);
    expect(issues(requestSchemas.CreateVaultRequest, { name: ' padded ' })[0]).toMatch(/^name: /);
    expect(issues(requestSchemas.CreateApiKeyRequest, { name: 'ci', scopes: [] })).toEqual(['scopes: Too small: expected array to have >=1 items']);
    expect(issues(requestSchemas.CreateApiKeyRequest, { name: 'ci', scopes: ['vaults:read', 'vaults:read'] })).toEqual(['scopes.1: duplicate of item 0: items must be unique']);
    expect(issues(requestSchemas.CreateApiKeyRequest, { name: 'ci', scopes: ['vaults:admin'] })[0]).toMatch(/^scopes\.0: Invalid option/);
  });

  it('coerce query text, apply defaults and refuse what is not a plain number', () => {
    const query = operationSchemas.listVaults.request.query;
    expect(query.parse({})).toEqual({ limit: 25 });
    expect(query.parse({ limit: '100', cursor: 'eyJrIjoidmF1bHQifQ' })).toEqual({ limit: 100, cursor: 'eyJrIjoidmF1bHQifQ' });
    expect(query.parse({ limit: 7 })).toEqual({ limit: 7 });
    for (const limit of ['0', '101', '2.5', '1e1', '0x10', 'ten', '']) expect(query.safeParse({ limit }).success, limit).toBe(false);
    expect(issues(query, { limit: '101' })).toEqual(['limit: Too big: expected number to be <=100']);
  });

  it('read headers by their lower-cased name and keep headers the spec does not list', () => {
    const headers = createTransfer.request.headers;
    expect(headers.parse({ 'idempotency-key': '6f1c2a9e', authorization: 'Bearer x' })).toEqual({ 'idempotency-key': '6f1c2a9e', authorization: 'Bearer x' });
    expect(issues(headers, {})).toEqual(['idempotency-key: Invalid input: expected string, received undefined']);
    expect(operationSchemas.createVault.request.headers.safeParse({}).success).toBe(true);
  });

  it('describe every operation with its method and path', () => {
    expect(operationSchemas.getTransfer).toMatchObject({ method: 'get', path: '/v1/vaults/{vaultId}/transfers/{transferId}' });
    expect(Object.keys(operationSchemas.getTransfer.responses)).toEqual(['200', '401', '403', '404', '429', '500', '503', 'default']);
    expect(operationSchemas.getTransfer.request.path.parse({ vaultId: 'vault_1', transferId: 'transfer_1' })).toEqual({ vaultId: 'vault_1', transferId: 'transfer_1' });
    expect('body' in operationSchemas.revokeApiKey.request).toBe(false);
  });
});

describe('responses are tolerant', () => {
  it('a response with an extra field and an unknown network name parses', () => {
    const network = { name: 'Arbitrum', displayName: 'Arbitrum One', kind: 'mainnet', nativeAsset: 'Arbitrum/native', chainId: 42161 };
    const page = { data: [network, ...mediaExample('/v1/networks', 'get', '200').data], nextCursor: null, total: 10 };
    const parsed = operationSchemas.listNetworks.responses['200'].parse(page);
    expect(parsed.data[0]).toEqual(network); // the extra field is kept, not stripped
    expect(parsed).toHaveProperty('total', 10);

    const balance = { ...mediaExample('/v1/vaults/{vaultId}/balances', 'get', '200').data[0], asset: 'Arbitrum/erc20:0xaf88d065e77c8cC2239327C5EDb3A432268e5831', network: 'Arbitrum', stakingRewards: '0' };
    expect(responseSchemas.VaultBalance.parse(balance)).toEqual(balance);
  });

  it('accepts unknown values of growing enums: error code, transfer status, token type', () => {
    const error = { type: 'invalid_request', code: 'quota_exceeded', message: 'Too many vaults.', correlationId: 'req_1abc', details: null };
    expect(operationSchemas.createVault.responses['422'].parse(error)).toEqual(error);
    const transfer = { ...mediaExample('/v1/vaults/{vaultId}/transfers/{transferId}', 'get', '200'), status: 'cancelled' };
    expect(responseSchemas.Transfer.parse(transfer).status).toBe('cancelled');
    expect(responseSchemas.AssetId.parse('Ethereum/erc721:0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48')).toBeTruthy();
  });

  it('still checks what the spec guarantees', () => {
    const transfer = mediaExample('/v1/vaults/{vaultId}/transfers/{transferId}', 'get', '200');
    const { txHash: _dropped, ...withoutTxHash } = transfer;
    expect(issues(responseSchemas.Transfer, withoutTxHash)).toEqual(['txHash: Invalid input: expected string, received undefined']);
    expect(responseSchemas.Transfer.parse({ ...transfer, txHash: null }).txHash).toBeNull();
    expect(issues(responseSchemas.Transfer, { ...transfer, status: 42 })).toEqual(['status: Invalid input: expected string, received number']);
    // A known network must still follow its grammar; only unknown ones get the general shape.
    expect(issues(responseSchemas.AssetId, 'Bitcoin/erc20:0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48').length).toBeGreaterThan(0);
    expect(issues(responseSchemas.AssetId, 'Ethereum/native:0xabc')).toHaveLength(1);
    expect(issues(responseSchemas.AssetId, 'not an asset id')).toHaveLength(1);
  });

  it('reads response headers as text', () => {
    const headers = operationSchemas.getVault.responseHeaders['200'];
    const parsed = headers.parse({ 'x-request-id': 'req_1', 'x-ratelimit-limit': '600', 'x-ratelimit-remaining': '597', 'x-ratelimit-reset': '42', 'content-type': 'application/json' });
    expect(parsed).toMatchObject({ 'x-ratelimit-remaining': 597, 'content-type': 'application/json' });
    expect(issues(operationSchemas.getVault.responseHeaders['429'], { 'x-request-id': 'req_1', 'x-ratelimit-limit': '600', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '42' })).toEqual([
      'retry-after: Invalid input: expected number, received undefined',
    ]);
  });
});
