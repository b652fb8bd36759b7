import { LocatedError } from '@fortary/codegen-kit';
import { parseAssetGrammar } from './asset-grammar.ts';
import type { JsonSchema } from './schema-to-zod.ts';

/**
 * `networks.ts`: `NETWORK_NAMES` (the NetworkName enum), `EVM_NETWORKS` and `ASSET_GRAMMAR`,
 * both read from the AssetId pattern, which must name exactly the enum's networks.
 */
export function networksModule(components: Record<string, JsonSchema>, file: string): string {
  const networkEnum = components['NetworkName']?.['enum'];
  if (!Array.isArray(networkEnum) || !networkEnum.every((value) => typeof value === 'string')) {
    throw new LocatedError({ file, pointer: '/components/schemas/NetworkName' }, 'expected NetworkName to be an enum of strings');
  }
  const pattern = components['AssetId']?.['pattern'];
  if (typeof pattern !== 'string') throw new LocatedError({ file, pointer: '/components/schemas/AssetId' }, 'expected AssetId to have a pattern');
  const grammar = parseAssetGrammar(pattern, networkEnum, file);
  const evm = networkEnum.filter((network) => grammar[network]?.['erc20'] !== undefined);
  const grammarLines = Object.entries(grammar).map(([network, tokens]) => {
    const entries = Object.entries(tokens).map(([tokenType, address]) => `${tokenType}: ${address === null ? 'null' : `new RegExp(${JSON.stringify(`^(?:${address})$`)}, 'u')`}`);
    return `  ${network}: { ${entries.join(', ')} },`;
  });
  return [
    '/** Every network v1 knows today (the `NetworkName` enum). Responses may name others later. */',
    `export const NETWORK_NAMES = ${JSON.stringify(networkEnum)} as const;`,
    '',
    'export type KnownNetworkName = (typeof NETWORK_NAMES)[number];',
    '',
    '/** The networks whose assets are erc20 tokens with `0x` addresses (read from the AssetId pattern). */',
    `export const EVM_NETWORKS = ${JSON.stringify(evm)} as const satisfies readonly KnownNetworkName[];`,
    '',
    '/**',
    ' * The asset grammar of the AssetId pattern: per network, the token types it takes and the',
    ' * pattern of the address each needs (null: the token type takes no address).',
    ' */',
    'export const ASSET_GRAMMAR: Readonly<Record<KnownNetworkName, Readonly<Record<string, RegExp | null>>>> = {',
    ...grammarLines,
    '};',
    '',
  ].join('\n');
}
