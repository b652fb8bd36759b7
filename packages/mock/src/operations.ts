import { operationTable, type NetworkName, type OperationId } from '@fortary/types';
import { fractionDigits, toBaseUnits } from './amount.js';
import { ASSETS, NETWORKS, findAsset } from './catalog.js';
import { toMillis } from './clock.js';
import { elide, elideList } from './echo.js';
import { ApiError } from './errors.js';
import type { EventsHub } from './events/hub.js';
import { eventsOperations, type EventsOperationContext } from './events/operations.js';
import type { Scope } from './generated/spec-facts.js';
import { parseCidr } from './ip-allowlist.js';
import { byCreation, fixedOrderAfter, readPage, type CursorCodec, type SortKey } from './pagination.js';
import { renderApiKey, renderCreatedApiKey, renderAsset, renderBalance, renderDepositAddress, renderNetwork, renderTransfer, renderVault } from './render.js';
import { DEFAULT_KEY_LIFETIME_MS, type ApiKeyRecord, type MockState, type TransferRecord, type VaultRecord } from './state.js';

/** The request after validation: path, query (defaults applied) and body as the schemas output them. */
export interface ValidatedInput {
  path: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

export interface OperationContext {
  operationId: OperationId;
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

/** The page size asked for: the request schema applied the spec's bounds and default already. */
function limitOf(context: OperationContext): number {
  const limit = context.input.query['limit'];
  if (typeof limit === 'number') return limit;
  const bounds = operationTable[context.operationId].limit;
  if (bounds === null) throw new Error(`${context.operationId} reads a page but the spec gives it no limit parameter`);
  return bounds.default;
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
      schema: 'NetworkPage',
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
      schema: 'AssetPage',
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
      schema: 'VaultPage',
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
    body: readPage(fixedOrderAfter(balances, keyOf, cursorOf(context, list)), { limit: limitOf(context), keyOf, render: renderBalance, schema: 'VaultBalancePage', codec: context.codec, list }),
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
      schema: 'DepositAddressPage',
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
      schema: 'TransferPage',
      codec: context.codec,
      list,
    }),
  };
};

const createTransfer: Handler = (context) => {
  const vault = reachVault(context);
  const request = body<{ asset: string; amount: string; destinationAddress: string; note?: string }>(context);
  // The request schema has checked the asset id grammar, the amount's decimal form and the
  // address against the asset's network; what it cannot know is the mock's asset catalog,
  // the asset's decimals and the balance.
  const asset = findAsset(request.asset);
  if (!asset) throw new ApiError('invalid_asset', `Fortary does not support the asset ${elide(request.asset)}.`, [{ field: 'asset', issue: 'names an unsupported asset' }]);
  const digits = fractionDigits(request.amount) ?? 0;
  if (digits > asset.decimals) {
    throw new ApiError('invalid_amount', `${asset.symbol} has ${asset.decimals} decimals; the amount has ${digits}.`, [
      { field: 'amount', issue: `must have at most ${asset.decimals} decimals` },
    ]);
  }
  const amount = toBaseUnits(request.amount, asset.decimals);
  if (amount === 0n) throw new ApiError('invalid_amount', 'The amount must be greater than zero.', [{ field: 'amount', issue: 'must be greater than zero' }]);
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

/**
 * A key manages (lists, reads, revokes) only keys whose power lies within its own: their scopes
 * are a subset of its scopes, and their vault allowlist lies within its allowlist (an
 * unrestricted key, `null`, only under an unrestricted caller). Any other key answers exactly as
 * an absent one, 404 api_key_not_found: a 403 would confirm to a low-privilege caller, perhaps a
 * leaked key, that a stronger key exists under that id. The same rule bounds what a key creates.
 */
export function withinPower(caller: ApiKeyRecord, key: Pick<ApiKeyRecord, 'scopes' | 'vaultAllowlist'>): boolean {
  if (!key.scopes.every((scope) => caller.scopes.includes(scope))) return false;
  if (caller.vaultAllowlist === null) return true;
  return key.vaultAllowlist !== null && key.vaultAllowlist.every((vaultId) => caller.vaultAllowlist?.includes(vaultId));
}

const listApiKeys: Handler = (context) => {
  const list = 'api-keys';
  return {
    status: 200,
    body: readPage(context.state.apiKeyOrder.descending(cursorOf(context, list)), {
      limit: limitOf(context),
      filter: (key) => withinPower(context.key, key),
      keyOf: byCreation,
      render: renderApiKey,
      schema: 'ApiKeyPage',
      codec: context.codec,
      list,
    }),
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
      throw new ApiError('vault_not_allowed', `The calling key may not reach ${elideList(outside, 400)}.`, [
        { field: 'vaultAllowlist', issue: `outside the calling key's allowlist: ${elideList(outside, 400)}` },
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
  return { status: 201, body: renderCreatedApiKey(key) };
};

/** The key of the path, if the caller may manage it; a key beyond its power is answered as absent. */
function findKey(context: OperationContext): ApiKeyRecord {
  const apiKeyId = context.input.path['apiKeyId'] as string;
  const key = context.state.apiKeys.get(apiKeyId);
  if (!key || !withinPower(context.key, key)) throw new ApiError('api_key_not_found', `No API key has the id ${apiKeyId}.`);
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
  operation({ events: context.events, key: context.key, nowMs: context.nowMs, input: context.input, codec: context.codec, pageLimit: () => limitOf(context), reachVault: () => reachVault(context) });

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
