import { toChecksumAddress } from '@fortary/schemas';
import type { AddressFamily } from './catalog.js';
import { HEX, type SeededRandom } from './random.js';

/**
 * Makes on-chain addresses and transaction hashes that are valid in their network's format, so
 * that a client validating what it receives (checksums included) accepts the mock's data.
 */
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

export function base58(bytes: Uint8Array): string {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  let out = '';
  while (value > 0n) {
    out = BASE58[Number(value % 58n)] + out;
    value /= 58n;
  }
  for (const byte of bytes) {
    if (byte !== 0) break;
    out = '1' + out;
  }
  return out;
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

function bech32Polymod(values: number[]): number {
  const generators = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let checksum = 1;
  for (const value of values) {
    const top = checksum >>> 25;
    checksum = ((checksum & 0x1ffffff) << 5) ^ value;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) checksum ^= generators[i] as number;
  }
  return checksum;
}

function toFiveBitGroups(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let accumulator = 0;
  let bits = 0;
  for (const byte of bytes) {
    accumulator = (accumulator << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out.push((accumulator >>> bits) & 31);
    }
  }
  if (bits > 0) out.push((accumulator << (5 - bits)) & 31);
  return out;
}

/** A P2WPKH (`bc1q…`) address: BIP-173 bech32, witness version 0, a 20-byte program. */
export function bech32SegwitAddress(program: Uint8Array, hrp = 'bc'): string {
  const data = [0, ...toFiveBitGroups(program)];
  const expandedHrp = [...hrp].map((c) => c.charCodeAt(0) >> 5).concat([0], [...hrp].map((c) => c.charCodeAt(0) & 31));
  const polymod = bech32Polymod([...expandedHrp, ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
  const checksum = Array.from({ length: 6 }, (_, i) => (polymod >>> (5 * (5 - i))) & 31);
  return `${hrp}1${[...data, ...checksum].map((value) => BECH32[value]).join('')}`;
}

/** A fresh address for the family; EVM addresses in their EIP-55 mixed-case form. */
export function generateAddress(family: AddressFamily, random: SeededRandom): string {
  switch (family) {
    case 'evm':
      return toChecksumAddress(`0x${random.string(40, HEX)}`);
    case 'bitcoin':
      return bech32SegwitAddress(random.bytes(20));
    case 'solana': {
      const bytes = random.bytes(32);
      bytes[0] = bytes[0]! | 1; // a leading zero byte would shorten the base58 text below 32 characters
      return base58(bytes);
    }
  }
}

export function generateTxHash(family: AddressFamily, random: SeededRandom): string {
  switch (family) {
    case 'evm':
      return `0x${random.string(64, HEX)}`;
    case 'bitcoin':
      return random.string(64, HEX);
    case 'solana': {
      const bytes = random.bytes(64);
      bytes[0] = bytes[0]! | 1;
      return base58(bytes);
    }
  }
}
