import { componentSchema, finding } from './lib/oas.js';

/**
 * The networks named in the asset id pattern, i.e. every alternative directly before a `/`:
 * `(?:Ethereum|Base)/…` and `Bitcoin/…` both count.
 */
export function networksInPattern(pattern) {
  const networks = new Set();
  for (const match of pattern.matchAll(/(?:\(\?:([A-Za-z0-9|]+)\)|([A-Za-z0-9]+))\//g)) {
    for (const name of (match[1] ?? match[2]).split('|')) networks.add(name);
  }
  return networks;
}

/**
 * The network alternation of the asset id pattern equals the network enum exactly, so adding a
 * network to one and not the other fails. Options: `assetSchema`, `networkSchema`.
 */
export default function fortaryAssetGrammar(document, options) {
  const asset = componentSchema(document, options.assetSchema);
  const network = componentSchema(document, options.networkSchema);
  if (!asset || !network || !Array.isArray(network.enum)) return [];
  const path = ['components', 'schemas', options.assetSchema, 'pattern'];
  if (typeof asset.pattern !== 'string') return [finding(['components', 'schemas', options.assetSchema], `\`${options.assetSchema}\` must have a \`pattern\` naming every network of \`${options.networkSchema}\`.`)];
  const inPattern = networksInPattern(asset.pattern);
  const inEnum = new Set(network.enum.filter((value) => typeof value === 'string'));
  const missing = [...inEnum].filter((name) => !inPattern.has(name));
  const extra = [...inPattern].filter((name) => !inEnum.has(name));
  const results = [];
  if (missing.length > 0) {
    results.push(finding(path, `The \`${options.assetSchema}\` pattern lacks network(s) ${missing.join(', ')} of \`${options.networkSchema}\`: add each to the alternation with its token types (e.g. \`${missing[0]}/native\`).`));
  }
  if (extra.length > 0) {
    results.push(finding(path, `The \`${options.assetSchema}\` pattern names network(s) ${extra.join(', ')} that \`${options.networkSchema}\` does not list: add them to the enum or remove them from the pattern.`));
  }
  return results;
}
