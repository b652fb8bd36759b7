import { EVM_NETWORKS, NETWORK_NAMES } from '@fortary/schemas';
import type { NetworkName } from '@fortary/types';

/**
 * The networks and assets the mock serves. Network names come from the spec's NetworkName
 * enum; display names, kinds and the asset list are the mock's own seed facts.
 */
export type AddressFamily = 'evm' | 'bitcoin' | 'solana';

export interface NetworkRecord {
  name: NetworkName;
  displayName: string;
  kind: 'mainnet' | 'testnet';
  nativeAsset: string;
  family: AddressFamily;
}

export interface AssetRecord {
  id: string;
  network: NetworkName;
  tokenType: 'native' | 'erc20' | 'spl';
  address: string | null;
  symbol: string;
  name: string;
  decimals: number;
  /** A made-up US dollar price in cents for mainnet assets, null on testnets. */
  usdCents: bigint | null;
}

const EVM = new Set<string>(EVM_NETWORKS);

export function addressFamily(network: string): AddressFamily {
  if (EVM.has(network)) return 'evm';
  if (network === 'Bitcoin') return 'bitcoin';
  if (network === 'Solana') return 'solana';
  throw new Error(`the mock has no address format for the network ${network}; teach src/catalog.ts about it`);
}

/** `EthereumSepolia` → `Ethereum Sepolia`. */
function displayName(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2');
}

/** A testnet's name is a mainnet's name followed by the testnet's (`BaseSepolia`). */
function kindOf(name: string): 'mainnet' | 'testnet' {
  return NETWORK_NAMES.some((other) => other !== name && name.startsWith(other)) ? 'testnet' : 'mainnet';
}

export const NETWORKS: readonly NetworkRecord[] = NETWORK_NAMES.map((name) => ({
  name,
  displayName: displayName(name),
  kind: kindOf(name),
  nativeAsset: `${name}/native`,
  family: addressFamily(name),
}));

const NATIVE_FACTS: Record<string, { symbol: string; name: string; decimals: number; usdCents: bigint }> = {
  Ethereum: { symbol: 'ETH', name: 'Ether', decimals: 18, usdCents: 300_000n },
  Bitcoin: { symbol: 'BTC', name: 'Bitcoin', decimals: 8, usdCents: 6_000_000n },
  Solana: { symbol: 'SOL', name: 'Solana', decimals: 9, usdCents: 15_000n },
  Avalanche: { symbol: 'AVAX', name: 'Avalanche', decimals: 18, usdCents: 3_000n },
  Base: { symbol: 'ETH', name: 'Ether', decimals: 18, usdCents: 300_000n },
  Polygon: { symbol: 'POL', name: 'Polygon Ecosystem Token', decimals: 18, usdCents: 50n },
};

const TOKENS: ReadonlyArray<Omit<AssetRecord, 'id' | 'usdCents'> & { usdCents: bigint }> = [
  { network: 'Ethereum', tokenType: 'erc20', address: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', symbol: 'USDC', name: 'USD Coin', decimals: 6, usdCents: 100n },
  { network: 'Ethereum', tokenType: 'erc20', address: '0xdAC17F958D2ee523a2206206994597C13D831ec7', symbol: 'USDT', name: 'Tether USD', decimals: 6, usdCents: 100n },
  { network: 'Solana', tokenType: 'spl', address: 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v', symbol: 'USDC', name: 'USD Coin', decimals: 6, usdCents: 100n },
  { network: 'Base', tokenType: 'erc20', address: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913', symbol: 'USDC', name: 'USD Coin', decimals: 6, usdCents: 100n },
  { network: 'Polygon', tokenType: 'erc20', address: '0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359', symbol: 'USDC', name: 'USD Coin', decimals: 6, usdCents: 100n },
  { network: 'Avalanche', tokenType: 'erc20', address: '0xB97EF9Ef8734C71904D8002F8b6Bc66Dd9c48a6E', symbol: 'USDC', name: 'USD Coin', decimals: 6, usdCents: 100n },
];

function nativeAsset(network: NetworkRecord): AssetRecord {
  const mainnet = NETWORKS.find((other) => other.kind === 'mainnet' && network.name.startsWith(other.name));
  const facts = NATIVE_FACTS[network.name] ?? (mainnet ? NATIVE_FACTS[mainnet.name] : undefined);
  return {
    id: network.nativeAsset,
    network: network.name,
    tokenType: 'native',
    address: null,
    symbol: facts?.symbol ?? network.name.slice(0, 4).toUpperCase(),
    name: facts ? (network.kind === 'testnet' ? `${network.displayName} ${facts.name}` : facts.name) : network.displayName,
    decimals: facts?.decimals ?? 18,
    usdCents: network.kind === 'mainnet' ? (facts?.usdCents ?? null) : null,
  };
}

/** Every asset, grouped by network in the order of the NetworkName enum. */
export const ASSETS: readonly AssetRecord[] = NETWORKS.flatMap((network) => [
  nativeAsset(network),
  ...TOKENS.filter((token) => token.network === network.name).map((token) => ({
    ...token,
    id: `${token.network}/${token.tokenType}:${token.address}`,
  })),
]);

const ASSETS_BY_KEY = new Map(ASSETS.map((asset) => [assetKey(asset.id), asset]));

/**
 * Finds an asset by id. EVM contract addresses compare case-insensitively (EIP-55 only changes
 * the case); Solana mints are case-sensitive.
 */
export function findAsset(id: string): AssetRecord | undefined {
  return ASSETS_BY_KEY.get(assetKey(id));
}

function assetKey(id: string): string {
  const [network, rest = ''] = id.split('/', 2);
  return addressFamily(network ?? '') === 'evm' ? `${network}/${rest.toLowerCase()}` : id;
}

export function findNetwork(name: string): NetworkRecord | undefined {
  return NETWORKS.find((network) => network.name === name);
}
