import { isValidEvmAddress, isValidSolanaAddress } from './address.js';
import { ASSET_GRAMMAR, EVM_NETWORKS, NETWORK_NAMES, type KnownNetworkName } from './generated/networks.js';

export interface AssetIdParts {
  network: KnownNetworkName;
  /** `native`, `erc20` or `spl` today (whatever the spec's AssetId grammar allows). */
  tokenType: string;
  /** The token's contract or mint address; null for a native asset. */
  address: string | null;
}

/** Which part of an asset id is wrong; `format` when the id is not `{network}/{tokenType}[:{address}]` at all. */
export type AssetIdPart = 'format' | 'network' | 'tokenType' | 'address';

/** A malformed asset id. `errorCode` is the API's error code for it in a request. */
export class AssetIdError extends Error {
  override readonly name = 'AssetIdError';
  readonly errorCode: 'unknown_network' | 'invalid_asset';

  constructor(
    readonly assetId: unknown,
    readonly part: AssetIdPart,
    message: string,
  ) {
    super(message);
    this.errorCode = part === 'network' ? 'unknown_network' : 'invalid_asset';
  }
}

const EVM = new Set<string>(EVM_NETWORKS);

/**
 * Splits `{network}/{tokenType}[:{address}]` and checks each part against the spec's grammar:
 * a known network, a token type that network takes, an address exactly when the token type
 * needs one, in that network's format (EIP-55 checksum for mixed-case EVM addresses, 32 bytes
 * of base58 for Solana mints). Throws an AssetIdError naming the part at fault.
 */
export function parseAssetId(id: string): AssetIdParts {
  if (typeof id !== 'string' || id.length === 0) {
    throw new AssetIdError(id, 'format', `an asset id must be a non-empty string like 'Ethereum/native', got ${JSON.stringify(id)}`);
  }
  const slash = id.indexOf('/');
  if (slash < 0) throw new AssetIdError(id, 'format', `asset id '${id}' has no '/': expected {network}/{tokenType}[:{address}]`);
  const network = id.slice(0, slash);
  const rest = id.slice(slash + 1);
  const colon = rest.indexOf(':');
  const tokenType = colon < 0 ? rest : rest.slice(0, colon);
  const address = colon < 0 ? null : rest.slice(colon + 1);

  if (!Object.hasOwn(ASSET_GRAMMAR, network)) {
    throw new AssetIdError(id, 'network', `asset id '${id}': unknown network '${network}' (expected one of ${NETWORK_NAMES.join(', ')})`);
  }
  const tokens = ASSET_GRAMMAR[network as KnownNetworkName];
  if (!Object.hasOwn(tokens, tokenType)) {
    throw new AssetIdError(id, 'tokenType', `asset id '${id}': token type '${tokenType}' is not used on ${network} (expected ${Object.keys(tokens).join(' or ')})`);
  }
  const addressPattern = tokens[tokenType];
  if (addressPattern === null || addressPattern === undefined) {
    if (address !== null) throw new AssetIdError(id, 'address', `asset id '${id}': a ${tokenType} asset takes no address, but ':${address}' follows it`);
    return { network: network as KnownNetworkName, tokenType, address: null };
  }
  if (address === null || address === '') {
    throw new AssetIdError(id, 'address', `asset id '${id}': token type '${tokenType}' needs an address after ':' (${network}/${tokenType}:<address>)`);
  }
  if (!addressPattern.test(address)) {
    throw new AssetIdError(id, 'address', `asset id '${id}': '${address}' is not a ${tokenType} address on ${network}`);
  }
  if (EVM.has(network) && !isValidEvmAddress(address)) {
    throw new AssetIdError(id, 'address', `asset id '${id}': the mixed-case address '${address}' fails its EIP-55 checksum`);
  }
  if (network === 'Solana' && !isValidSolanaAddress(address)) {
    throw new AssetIdError(id, 'address', `asset id '${id}': '${address}' is not base58 of a 32-byte Solana address`);
  }
  return { network: network as KnownNetworkName, tokenType, address };
}

/** Builds `{network}/{tokenType}[:{address}]` and checks it like parseAssetId (throws AssetIdError). */
export function formatAssetId(parts: { network: string; tokenType: string; address?: string | null }): string {
  const id = `${parts.network}/${parts.tokenType}${parts.address === null || parts.address === undefined ? '' : `:${parts.address}`}`;
  parseAssetId(id);
  return id;
}
