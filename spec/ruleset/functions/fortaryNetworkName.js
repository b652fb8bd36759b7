import { componentSchema, finding } from './lib/oas.js';

const PASCAL_CASE = /^[A-Z][a-z0-9]*(?:[A-Z][a-z0-9]*)*$/;

/** The network schema is a closed string enum of unique PascalCase names. Option: `schema`. */
export default function fortaryNetworkName(document, options) {
  const name = options.schema;
  const schema = componentSchema(document, name);
  const path = ['components', 'schemas', name];
  if (!schema) return [finding(['components', 'schemas'], `Define \`${name}\`: the closed list of network names every \`network\` field refers to.`)];
  const results = [];
  if (schema.type !== 'string') results.push(finding(path, `\`${name}\` must be \`type: string\`.`));
  if (!Array.isArray(schema.enum) || schema.enum.length === 0) {
    results.push(finding(path, `\`${name}\` must be a closed \`enum\` listing every supported network (requests reject any other name).`));
    return results;
  }
  const seen = new Set();
  schema.enum.forEach((value, index) => {
    if (typeof value !== 'string' || !PASCAL_CASE.test(value)) {
      results.push(finding([...path, 'enum', index], `Network name \`${String(value)}\` must be PascalCase (\`EthereumSepolia\`, not \`ethereum-sepolia\`).`));
    } else if (seen.has(value)) {
      results.push(finding([...path, 'enum', index], `Network name \`${value}\` is listed twice; remove the duplicate.`));
    }
    seen.add(value);
  });
  return results;
}
