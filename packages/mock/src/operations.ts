import { isValidAddress, parseAssetId } from '@fortary/schemas';
import type { OperationId } from '@fortary/types';
import { fractionDigits, toBaseUnits } from './amount.js';
import { ASSETS, NETWORKS, findAsset } from './catalog.js';
import { toMillis } from './clock.js';
import { ApiError } from './errors.js';
import type { EventsHub } from './events/hub.js';
import { eventsOperations, type EventsOperationContext } from './events/operations.js';
import type { NetworkName, Scope } from './generated/spec-facts.js';
import { parseCidr } from './ip-allowlist.js';
import { fixedOrderAfter, readPage, type CursorCodec, type SortKey } from './pagination.js';
import { renderApiKey, renderAsset, renderBalance, renderDepositAddress, renderNetwork, renderTransfer, renderVault } from './render.js';
import { DEFAULT_KEY_LIFETIME_MS, type ApiKeyRecord, type MockState, type TransferRecord, type VaultRecord } from './state.js';

/** The request after validation: path, query (defaults applied) and body as the schemas output them. */
export interface ValidatedInput {
  path: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

export interface OperationContext {
  state: MockState;
  nowMs: number;
  key: ApiKeyRecord;
  input: ValidatedInput;
  codec: CursorCodec;
  /** Events, webhook endpoints, deliveries and deposits. */
  events: EventsHub;
}

export interface OperationResult {
  status: number;
  body: unknown;
}

type Handler = (context: OperationContext) => OperationResult;

const byCreation = (record: { createdAt: number; id: string }): SortKey => [record.createdAt, record.id];

function limitOf(context: OperationContext): number {
  const limit = Number(context.input.query['limit'] ?? 25);
  return Number.isInteger(limit) ? limit : 25;
}

function cursorOf(context: OperationContext, list: string): SortKey | null {
  const cursor = context.input.query['cursor'];
  return typeof cursor === 'string' ? context.codec.decode(list, cursor) : null;
}

function mayReach(key: ApiKeyRecord, vaultId: string): boolean {
  return key.vaultAllowlist === null || key.vaultAllowlist.includes(vaultId);
}

/** The vault of the path, after the key's allowlist (checked first, so a restricted key learns nothing about other ids). */
function reachVault(context: OperationContext): VaultRecord {
  const vaultId = context.input.path['vaultId'] as string;
  if (!mayReach(context.key, vaultId)) throw new ApiError('vault_not_allowed', `This API key may not reach vault ${vaultId}.`);
  const vault = context.state.vaults.get(vaultId);
  if (!vault) throw new ApiError('vault_not_found', `No vault has the id ${vaultId}.`);
  return vault;
}

function body<T>(context: OperationContext): T {
  return context.input.body as T;
}

const networkKey = (network: (typeof NETWORKS)[number]): SortKey => [-NETWORKS.indexOf(network), network.name];
const assetKey = (asset: (typeof ASSETS)[number]): SortKey => [-ASSETS.indexOf(asset), asset.id];

const listNetworks: Handler = (context) => {
  const list = 'networks';
  return {
    status: 200,
    body: readPage(fixedOrderAfter(NETWORKS, networkKey, cursorOf(context, list)), {
      limit: limitOf(context),
      keyOf: networkKey,
      render: renderNetwork,
      codec: context.codec,
      list,
    }),
  };
};

const listAssets: Handler = (context) => {
  const list = 'assets';
  const network = context.input.query['network'];
  return {
    status: 200,
    body: readPage(fixedOrderAfter(ASSETS, assetKey, cursorOf(context, list)), {
      limit: limitOf(context),
      filter: typeof network === 'string' ? (asset) => asset.network === network : undefined,
      keyOf: assetKey,
      render: renderAsset,
      codec: context.codec,
      list,
    }),
  };
};

const listVaults: Handler = (context) => {
  const list = 'vaults';
  return {
    status: 200,
    body: readPage(context.state.vaultOrder.descending(cursorOf(context, list)), {
      limit: limitOf(context),
      filter: (vault) => mayReach(context.key, vault.id),
      keyOf: byCreation,
      render: renderVault,
      codec: context.codec,
      list,
    }),
  };
};

const createVault: Handler = (context) => {
  const vault = context.state.addVault(body<{ name: string }>(context).name, context.nowMs);
  return { status: 201, body: renderVault(vault) };
};

const getVault: Handler = (context) => ({ status: 200, body: renderVault(reachVault(context)) });

const updateVault: Handler = (context) => {
  const vault = reachVault(context);
  vault.name = body<{ name: string }>(context).name;
  vault.updatedAt = context.nowMs;
  return { status: 200, body: renderVault(vault) };
};

const listVaultBalances: Handler = (context) => {
  const vault = reachVault(context);
  const list = `balances:${vault.id}`;
  const balances = context.state.balances.get(vault.id) ?? [];
  const keyOf = (balance: (typeof balances)[number]): SortKey => assetKey(balance.asset);
  return {
    status: 200,
    body: readPage(fixedOrderAfter(balances, keyOf, cursorOf(context, list)), { limit: limitOf(context), keyOf, render: renderBalance, codec: context.codec, list }),
  };
};

const listDepositAddresses: Handler = (context) => {
  const vault = reachVault(context);
  const list = `addresses:${vault.id}`;
  const addresses = context.state.addresses.get(vault.id);
  return {
    status: 200,
    body: readPage(addresses ? addresses.descending(cursorOf(context, list)) : [], {
      limit: limitOf(context),
      keyOf: byCreation,
      render: renderDepositAddress,
      codec: context.codec,
      list,
    }),
  };
};

const createDepositAddress: Handler = (context) => {
  const vault = reachVault(context);
  const request = body<{ network: NetworkName; label?: string }>(context);
  const record = context.state.addDepositAddress(vault.id, request.network, request.label ?? null, context.nowMs);
  return { status: 201, body: renderDepositAddress(record) };
};

const listTransfers: Handler = (context) => {
  const vault = reachVault(context);
  const list = `transfers:${vault.id}`;
  const status = context.input.query['status'];
  const transfers = context.state.transfersByVault.get(vault.id);
  return {
    status: 200,
    body: readPage(transfers ? transfers.descending(cursorOf(context, list)) : [], {
      limit: limitOf(context),
      filter: typeof status === 'string' ? (transfer) => transfer.status === status : undefined,
      keyOf: byCreation,
      render: renderTransfer,
      codec: context.codec,
      list,
    }),
  };
};

const createTransfer: Handler = (context) => {
  const vault = reachVault(context);
  const request = body<{ asset: string; amount: string; destinationAddress: string; note?: string }>(context);
  let network: string;
  try {
    network = parseAssetId(request.asset).network;
  } catch (error) {
    throw new ApiError('invalid_asset', `The asset id ${request.asset} is not valid: ${(error as Error).message}`, [{ field: 'asset', issue: 'breaks the asset id grammar' }]);
  }
  const asset = findAsset(request.asset);
  if (!asset) throw new ApiError('invalid_asset', `Fortary does not support the asset ${request.asset}.`, [{ field: 'asset', issue: 'names an unsupported asset' }]);
  const digits = fractionDigits(request.amount);
  if (digits === null) throw new ApiError('invalid_amount', 'The amount must be a decimal string.', [{ field: 'amount', issue: 'must be a decimal string' }]);
  if (digits > asset.decimals) {
    throw new ApiError('invalid_amount', `${asset.symbol} has ${asset.decimals} decimals; the amount has ${digits}.`, [
      { field: 'amount', issue: `must have at most ${asset.decimals} decimals` },
    ]);
  }
  const amount = toBaseUnits(request.amount, asset.decimals);
  if (amount === 0n) throw new ApiError('invalid_amount', 'The amount must be greater than zero.', [{ field: 'amount', issue: 'must be greater than zero' }]);
  if (!isValidAddress(network as NetworkName, request.destinationAddress)) {
    throw new ApiError('invalid_address', `${request.destinationAddress} is not a valid ${network} address.`, [
      { field: 'destinationAddress', issue: `is not a valid ${network} address` },
    ]);
  }
  const balance = context.state.balanceOf(vault.id, asset);
  if (!balance || balance.available < amount) {
    throw new ApiError('insufficient_balance', "The amount exceeds the vault's available balance of this asset.", [
      { field: 'amount', issue: 'exceeds the available balance' },
    ]);
  }
  balance.available -= amount;
  balance.pending += amount;
  balance.updatedAt = context.nowMs;
  const transfer: TransferRecord = {
    id: context.state.newId('transfer'),
    vaultId: vault.id,
    asset,
    assetId: request.asset,
    amount,
    destinationAddress: request.destinationAddress,
    status: 'pending',
    txHash: null,
    fee: null,
    note: request.note ?? null,
    createdAt: context.nowMs,
    updatedAt: context.nowMs,
    completedAt: null,
  };
  context.state.addTransfer(transfer);
  return { status: 201, body: renderTransfer(transfer) };
};

const getTransfer: Handler = (context) => {
  const vault = reachVault(context);
  const transferId = context.input.path['transferId'] as string;
  const transfer = context.state.transfers.get(transferId);
  if (!transfer || transfer.vaultId !== vault.id) throw new ApiError('transfer_not_found', `Vault ${vault.id} has no transfer with the id ${transferId}.`);
  return { status: 200, body: renderTransfer(transfer) };
};

const listApiKeys: Handler = (context) => {
  const list = 'api-keys';
  return {
    status: 200,
    body: readPage(context.state.apiKeyOrder.descending(cursorOf(context, list)), { limit: limitOf(context), keyOf: byCreation, render: renderApiKey, codec: context.codec, list }),
  };
};

const createApiKey: Handler = (context) => {
  const request = body<{ name: string; scopes: Scope[]; vaultAllowlist?: string[]; ipAllowlist?: string[]; expiresAt?: string }>(context);
  const caller = context.key;
  const excess = request.scopes.filter((scope) => !caller.scopes.includes(scope));
  if (excess.length > 0) {
    throw new ApiError('insufficient_scope', `A key cannot grant scopes it does not hold: ${excess.join(', ')}.`, [
      { field: 'scopes', issue: `not held by the calling key: ${excess.join(', ')}` },
    ]);
  }
  const vaultAllowlist = request.vaultAllowlist ?? null;
  if (caller.vaultAllowlist !== null) {
    if (vaultAllowlist === null) {
      throw new ApiError('vault_not_allowed', 'A key limited to some vaults cannot create a key for every vault; pass a vaultAllowlist within its own.', [
        { field: 'vaultAllowlist', issue: "required, within the calling key's allowlist" },
      ]);
    }
    const outside = vaultAllowlist.filter((vaultId) => !caller.vaultAllowlist?.includes(vaultId));
    if (outside.length > 0) {
      throw new ApiError('vault_not_allowed', `The calling key may not reach ${outside.join(', ')}.`, [
        { field: 'vaultAllowlist', issue: `outside the calling key's allowlist: ${outside.join(', ')}` },
      ]);
    }
  }
  const problems: Array<{ field: string; issue: string }> = [];
  vaultAllowlist?.forEach((vaultId, index) => {
    if (!context.state.vaults.has(vaultId)) problems.push({ field: `vaultAllowlist.${index}`, issue: 'no vault has this id' });
  });
  request.ipAllowlist?.forEach((cidr, index) => {
    if (parseCidr(cidr) === null) problems.push({ field: `ipAllowlist.${index}`, issue: 'is not an IPv4 or IPv6 address or CIDR range' });
  });
  let expiresAt = context.nowMs + DEFAULT_KEY_LIFETIME_MS;
  if (request.expiresAt !== undefined) {
    expiresAt = toMillis(request.expiresAt);
    if (expiresAt <= context.nowMs) problems.push({ field: 'expiresAt', issue: 'must be in the future' });
  }
  if (problems.length > 0) throw new ApiError('validation_failed', `The request has ${problems.length} invalid field${problems.length === 1 ? '' : 's'}.`, problems);
  const key = context.state.addApiKey({
    name: request.name,
    scopes: [...request.scopes],
    vaultAllowlist: vaultAllowlist ? [...vaultAllowlist] : null,
    ipAllowlist: request.ipAllowlist ? [...request.ipAllowlist] : null,
    expiresAt,
    createdAt: context.nowMs,
  });
  return { status: 201, body: { ...renderApiKey(key), secret: key.secret } };
};

function findKey(context: OperationContext): ApiKeyRecord {
  const apiKeyId = context.input.path['apiKeyId'] as string;
  const key = context.state.apiKeys.get(apiKeyId);
  if (!key) throw new ApiError('api_key_not_found', `No API key has the id ${apiKeyId}.`);
  return key;
}

const getApiKey: Handler = (context) => ({ status: 200, body: renderApiKey(findKey(context)) });

const revokeApiKey: Handler = (context) => {
  const key = findKey(context);
  if (key.revokedAt === null) key.revokedAt = context.nowMs;
  return { status: 200, body: renderApiKey(key) };
};

/** An operation of events/operations.ts, given the path's vault as this module reaches it. */
const eventsHandler = (operation: (context: EventsOperationContext) => OperationResult): Handler => (context) =>
  operation({ events: context.events, key: context.key, nowMs: context.nowMs, input: context.input, codec: context.codec, reachVault: () => reachVault(context) });

export const HANDLERS: Record<OperationId, Handler> = {
  listNetworks,
  listAssets,
  listVaults,
  createVault,
  getVault,
  updateVault,
  listVaultBalances,
  listDepositAddresses,
  createDepositAddress,
  listTransfers,
  createTransfer,
  getTransfer,
  listApiKeys,
  createApiKey,
  getApiKey,
  revokeApiKey,
  listDeposits: eventsHandler(eventsOperations.listDeposits),
  getDeposit: eventsHandler(eventsOperations.getDeposit),
  listEvents: eventsHandler(eventsOperations.listEvents),
  getEvent: eventsHandler(eventsOperations.getEvent),
  listWebhookEndpoints: eventsHandler(eventsOperations.listWebhookEndpoints),
  createWebhookEndpoint: eventsHandler(eventsOperations.createWebhookEndpoint),
  getWebhookEndpoint: eventsHandler(eventsOperations.getWebhookEndpoint),
  deleteWebhookEndpoint: eventsHandler(eventsOperations.deleteWebhookEndpoint),
};
