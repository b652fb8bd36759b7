export { requestSchemas, responseSchemas, type ComponentName } from './generated/components.js';
export { operationSchemas, type OperationId } from './generated/operations.js';
export { NETWORK_NAMES, EVM_NETWORKS, ASSET_GRAMMAR, type KnownNetworkName } from './generated/networks.js';
export type { OperationSchema } from './operation-schema.js';
export { parseAssetId, formatAssetId, AssetIdError, type AssetIdParts, type AssetIdPart } from './asset-id.js';
export { isValidAddress, isValidEvmAddress, isValidBitcoinAddress, isValidSolanaAddress, toChecksumAddress } from './address.js';
export { tolerantEnum, fromText, issueErrorCode } from './refinements.js';
