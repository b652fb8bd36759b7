import { describe, expect, it } from 'vitest';
import {
  AssetIdError,
  EVM_NETWORKS,
  NETWORK_NAMES,
  formatAssetId,
  isValidAddress,
  isValidBitcoinAddress,
  isValidEvmAddress,
  isValidSolanaAddress,
  parseAssetId,
  toChecksumAddress,
} from '../src/index.ts';
import { loadBundle } from './spec-examples.ts';

const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';

/** The AssetIdError parseAssetId throws for `id`. */
function assetIdError(id: string): AssetIdError {
  try {
    parseAssetId(id);
  } catch (error) {
    expect(error).toBeInstanceOf(AssetIdError);
    return error as AssetIdError;
  }
  throw new Error(`'${id}' parsed`);
}

describe('network lists generated from the spec', () => {
  it('match the NetworkName enum and the EVM networks of the AssetId grammar', () => {
    expect([...NETWORK_NAMES]).toEqual(loadBundle().components.schemas.NetworkName.enum);
    expect([...EVM_NETWORKS].sort()).toEqual(['Avalanche', 'Base', 'BaseSepolia', 'Ethereum', 'EthereumSepolia', 'Polygon', 'PolygonAmoy']);
  });
});

describe('parseAssetId / formatAssetId', () => {
  it('splits each part', () => {
    expect(parseAssetId(`Ethereum/erc20:${USDC}`)).toEqual({ network: 'Ethereum', tokenType: 'erc20', address: USDC });
    expect(parseAssetId('Bitcoin/native')).toEqual({ network: 'Bitcoin', tokenType: 'native', address: null });
    expect(parseAssetId('Solana/spl:EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v').address).toBe('EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v');
    expect(parseAssetId(`Base/erc20:${USDC.toLowerCase()}`).address).toBe(USDC.toLowerCase());
  });

  it.each([
    ['Ethereum', 'format', /has no '\/'/],
    ['', 'format', /non-empty string/],
    ['Arbitrum/native', 'network', /unknown network 'Arbitrum'/],
    ['ethereum/native', 'network', /unknown network 'ethereum'/],
    ['Bitcoin/erc20:0x0', 'tokenType', /token type 'erc20' is not used on Bitcoin \(expected native\)/],
    ['Solana/erc20:' + USDC, 'tokenType', /not used on Solana \(expected native or spl\)/],
    ['Ethereum/erc20', 'address', /needs an address/],
    ['Ethereum/erc20:', 'address', /needs an address/],
    ['Bitcoin/native:' + USDC, 'address', /a native asset takes no address/],
    ['Ethereum/erc20:0x1234', 'address', /'0x1234' is not a erc20 address on Ethereum/],
    ['Ethereum/erc20:0xa0B86991c6218b36c1d19D4a2e9Eb0cE3606eB48', 'address', /EIP-55 checksum/],
    ['Solana/spl:11111111111111111111111111111111111', 'address', /not base58 of a 32-byte Solana address/],
  ])('%s is wrong in its %s', (id, part, message) => {
    const error = assetIdError(id);
    expect(error.part).toBe(part);
    expect(error.message).toMatch(message);
    expect(error.errorCode).toBe(part === 'network' ? 'unknown_network' : 'invalid_asset');
  });

  it('formats and checks', () => {
    expect(formatAssetId({ network: 'Bitcoin', tokenType: 'native', address: null })).toBe('Bitcoin/native');
    expect(formatAssetId({ network: 'Polygon', tokenType: 'erc20', address: USDC })).toBe(`Polygon/erc20:${USDC}`);
    expect(() => formatAssetId({ network: 'Bitcoin', tokenType: 'native', address: USDC })).toThrow(AssetIdError);
    const id = `Avalanche/erc20:${USDC}`;
    expect(formatAssetId(parseAssetId(id))).toBe(id);
  });
});

describe('EVM addresses (EIP-55)', () => {
  // The mixed-case vectors of EIP-55 itself.
  const vectors = [
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
    '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
    '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
  ];

  it('computes the checksum of the EIP-55 vectors', () => {
    for (const address of vectors) {
      expect(toChecksumAddress(address.toLowerCase())).toBe(address);
      expect(isValidEvmAddress(address)).toBe(true);
    }
  });

  it('accepts all-lowercase and all-uppercase, refuses a wrong mixed case', () => {
    expect(isValidEvmAddress(USDC.toLowerCase())).toBe(true);
    expect(isValidEvmAddress(`0x${USDC.slice(2).toUpperCase()}`)).toBe(true);
    expect(isValidEvmAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toBe(false);
    for (const bad of ['0x123', USDC.slice(2), `${USDC}00`, '0xG0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48']) expect(isValidEvmAddress(bad), bad).toBe(false);
    expect(() => toChecksumAddress('0x123')).toThrow(/not an EVM address/);
  });
});

describe('Bitcoin addresses', () => {
  it.each([
    ['bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', true], // P2WPKH, bech32
    ['BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', true], // upper case is fine
    ['bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3', true], // P2WSH, 32-byte program
    ['bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297', true], // taproot, bech32m
    ['1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', true], // P2PKH
    ['3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', true], // P2SH
    ['bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr', false], // bad bech32 checksum
    ['bc1Qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', false], // mixed case
    ['bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y', true], // v1, 40-byte program (BIP 350 vector)
    ['bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs', true], // v2 (BIP 350 vector)
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh', false], // v0 encoded with bech32m
    ['tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx', false], // testnet
    ['1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3', false], // bad base58check checksum
    ['mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn', false], // testnet P2PKH
    ['0x742d35Cc6634C0532925a3b844Bc454e4438f44e', false],
  ])('%s → %s', (address, valid) => {
    expect(isValidBitcoinAddress(address)).toBe(valid);
    expect(isValidAddress('Bitcoin', address)).toBe(valid);
  });
});

describe('Solana addresses', () => {
  it('need base58 of exactly 32 bytes', () => {
    expect(isValidSolanaAddress('EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v')).toBe(true);
    expect(isValidSolanaAddress('11111111111111111111111111111111')).toBe(true); // the system program
    expect(isValidSolanaAddress('44aLB2AXRPXCkyeVpyU8kHr4p56Vhwfy8cdz1unGjHR')).toBe(false); // 31 bytes
    expect(isValidSolanaAddress('365efUdXGhRExyDEUeKXWPg1zTZyfvuJQJDLsS7JZqzyt')).toBe(false); // 33 bytes
    expect(isValidSolanaAddress('EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt10')).toBe(false); // '0' is not base58
    expect(isValidAddress('Solana', USDC)).toBe(false);
  });
});

describe('isValidAddress', () => {
  it('has a rule for every network of the enum', () => {
    const sample: Record<string, string> = { Bitcoin: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', Solana: 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v' };
    for (const network of NETWORK_NAMES) {
      expect(isValidAddress(network, sample[network] ?? USDC), network).toBe(true);
      expect(isValidAddress(network, 'not-an-address'), network).toBe(false);
    }
    expect(isValidAddress('Ethereum', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toBe(false);
  });

  it('knows no rule for a network this build does not know', () => {
    expect(isValidAddress('Arbitrum', USDC)).toBe(false);
    expect(isValidAddress('toString', USDC)).toBe(false);
  });
});
