import { keccak_256 } from '@noble/hashes/sha3.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { base58, bech32, bech32m, createBase58check } from '@scure/base';
import { EVM_NETWORKS, type KnownNetworkName } from './generated/networks.js';

const EVM_ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const base58check = createBase58check(sha256);

/**
 * `0x` and 40 hex digits. An all-lowercase or all-uppercase address carries no checksum and is
 * accepted as is; a mixed-case one must match its EIP-55 checksum exactly.
 */
export function isValidEvmAddress(address: string): boolean {
  if (typeof address !== 'string' || !EVM_ADDRESS.test(address)) return false;
  const digits = address.slice(2);
  if (digits === digits.toLowerCase() || digits === digits.toUpperCase()) return true;
  return toChecksumAddress(address) === address;
}

/** The EIP-55 mixed-case form of an EVM address (throws a TypeError for anything else). */
export function toChecksumAddress(address: string): string {
  if (typeof address !== 'string' || !EVM_ADDRESS.test(address)) {
    throw new TypeError(`'${String(address)}' is not an EVM address: expected 0x and 40 hex digits`);
  }
  const lower = address.slice(2).toLowerCase();
  const hash = keccak_256(new TextEncoder().encode(lower));
  let result = '0x';
  for (let index = 0; index < lower.length; index += 1) {
    // Nibble `index` of the hash decides the case of hex digit `index`.
    const byte = hash[index >> 1] as number;
    const nibble = index % 2 === 0 ? byte >> 4 : byte & 0x0f;
    result += nibble >= 8 ? (lower[index] as string).toUpperCase() : (lower[index] as string);
  }
  return result;
}

/**
 * A Bitcoin mainnet address: segwit `bc1…` (bech32 for witness version 0 with a 20- or 32-byte
 * program, bech32m for versions 1–16), or base58check P2PKH `1…` / P2SH `3…`. Testnet
 * addresses are refused: no Bitcoin testnet is among the networks.
 */
export function isValidBitcoinAddress(address: string): boolean {
  if (typeof address !== 'string') return false;
  if (/^bc1/i.test(address)) return isValidSegwitAddress(address);
  if (!/^[13]/.test(address)) return false;
  try {
    const payload = base58check.decode(address);
    return payload.length === 21 && (payload[0] === 0x00 || payload[0] === 0x05);
  } catch {
    return false;
  }
}

function isValidSegwitAddress(address: string): boolean {
  // bech32 is case-insensitive but never mixed case.
  if (address !== address.toLowerCase() && address !== address.toUpperCase()) return false;
  const text = address.toLowerCase() as `${string}1${string}`;
  for (const [coder, isV0] of [[bech32, true], [bech32m, false]] as const) {
    let decoded: { prefix: string; words: number[] };
    try {
      decoded = coder.decode(text);
    } catch {
      continue;
    }
    const [version, ...programWords] = decoded.words;
    if (decoded.prefix !== 'bc' || version === undefined || version > 16) return false;
    // Version 0 uses bech32, later versions bech32m (BIP 350); the wrong one is invalid.
    if ((version === 0) !== isV0) return false;
    let program: Uint8Array;
    try {
      program = coder.fromWords(programWords);
    } catch {
      return false;
    }
    if (version === 0) return program.length === 20 || program.length === 32;
    return program.length >= 2 && program.length <= 40;
  }
  return false;
}

/** A Solana address: base58 of exactly 32 bytes (a public key or a program-derived address). */
export function isValidSolanaAddress(address: string): boolean {
  if (typeof address !== 'string' || address.length < 32 || address.length > 44) return false;
  try {
    return base58.decode(address).length === 32;
  } catch {
    return false;
  }
}

type EvmNetwork = (typeof EVM_NETWORKS)[number];

/**
 * The validator of each network that is not EVM. Typed against the generated network list, so
 * adding a non-EVM network to the spec fails the build here until it gets a validator.
 */
const NON_EVM_VALIDATORS: Record<Exclude<KnownNetworkName, EvmNetwork>, (address: string) => boolean> = {
  Bitcoin: isValidBitcoinAddress,
  Solana: isValidSolanaAddress,
};

const EVM_NETWORK_SET: ReadonlySet<string> = new Set(EVM_NETWORKS);

/**
 * Whether `address` is a valid address on `network`. A network this build does not know has no
 * rule to check against, so its addresses are not valid here.
 */
export function isValidAddress(network: string, address: string): boolean {
  if (EVM_NETWORK_SET.has(network)) return isValidEvmAddress(address);
  const validator = Object.hasOwn(NON_EVM_VALIDATORS, network) ? NON_EVM_VALIDATORS[network as keyof typeof NON_EVM_VALIDATORS] : undefined;
  return validator ? validator(address) : false;
}
