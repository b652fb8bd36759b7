import { allExamples, deref, finding, isNullable, isObject, nonNullBranch, refName } from './lib/oas.js';

/**
 * Examples follow the conventions, not just their schemas: ids carry their prefix, instants end
 * in `Z`, money is a string, and a response example shows every documented field (nothing is
 * optional in a response; a request example shows at least the required ones). The convention
 * of a field comes from the schema it refers to, or from its name when the schema says nothing.
 * Options: `prefixes`, `structured`, `timestampSchema`, `timestampSuffix`, `amountSchema`,
 * `money` (`names`, `suffixes`, as in fortary-amount).
 */
export default function fortaryExampleConventions(document, options) {
  const prefixes = options.prefixes ?? {};
  const knownPrefixes = Object.values(prefixes);
  const structured = new Set(options.structured ?? []);
  const moneyNames = new Set(options.money?.names ?? []);
  const moneySuffixes = options.money?.suffixes ?? [];
  const results = [];

  const conventionOf = (schemaName, key) => {
    if (schemaName !== undefined) {
      if (schemaName in prefixes) return { kind: 'id', prefixes: [prefixes[schemaName]] };
      if (structured.has(schemaName)) return undefined;
      if (schemaName === options.timestampSchema) return { kind: 'timestamp' };
      if (schemaName === options.amountSchema) return { kind: 'amount' };
    }
    if (typeof key !== 'string') return undefined;
    if (key === 'id' || /[a-z0-9]Id$/.test(key)) return schemaName === undefined ? { kind: 'id', prefixes: knownPrefixes } : undefined;
    if (key.length > options.timestampSuffix.length && key.endsWith(options.timestampSuffix)) return { kind: 'timestamp' };
    if (moneyNames.has(key) || moneySuffixes.some((suffix) => key.length > suffix.length && key.endsWith(suffix))) return { kind: 'amount' };
    return undefined;
  };

  const applyConvention = (convention, value, path, key) => {
    if (!convention || value === null || value === undefined) return;
    const label = key === undefined ? 'The example' : `Example field \`${key}\``;
    if (convention.kind === 'id' && (typeof value !== 'string' || !convention.prefixes.some((prefix) => value.startsWith(`${prefix}_`)))) {
      results.push(finding(path, `${label} must be a prefixed id (${convention.prefixes.map((prefix) => `\`${prefix}_…\``).join(' or ')}), e.g. \`${convention.prefixes[0]}_3f8a2c1d9b\`.`));
    } else if (convention.kind === 'timestamp' && (typeof value !== 'string' || !value.endsWith('Z') || Number.isNaN(Date.parse(value)))) {
      results.push(finding(path, `${label} must be a UTC instant ending in \`Z\`, e.g. '2026-01-14T09:32:07Z'.`));
    } else if (convention.kind === 'amount' && typeof value !== 'string') {
      results.push(finding(path, `${label} is money and must be a decimal string, e.g. '1249.500000' (quoted), never a JSON number.`));
    }
  };

  const visit = (value, schema, path, mode, key, depth) => {
    if (depth > 64 || value === null || value === undefined) return;
    const schemaName = refName(schema) ?? refName(nonNullBranch(schema));
    applyConvention(conventionOf(schemaName, key), value, path, key);
    let current = deref(document, schema, []).node;
    if (isNullable(current)) current = deref(document, nonNullBranch(current), []).node;
    if (!isObject(current)) return;
    if (Array.isArray(current.allOf)) for (const member of current.allOf) visit(value, member, path, mode, undefined, depth + 1);
    // The members of an allOf check their own fields; the composite has none of its own.
    if (Array.isArray(current.allOf) && !isObject(current.properties)) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, current.items, [...path, index], mode, undefined, depth + 1));
      return;
    }
    if (!isObject(value)) return;
    const properties = isObject(current.properties) ? current.properties : {};
    const required = new Set(Array.isArray(current.required) ? current.required : []);
    for (const name of Object.keys(properties)) {
      if (!(name in value) && (mode === 'response' || required.has(name))) {
        results.push(finding(path, mode === 'response'
          ? `Add documented field \`${name}\` to this example: a response example shows every field of its schema (null for an absent value).`
          : `Add required field \`${name}\` to this example.`));
      }
    }
    for (const [name, child] of Object.entries(value)) visit(child, properties[name], [...path, name], mode, name, depth + 1);
  };

  for (const { value, schema, path, usage } of allExamples(document)) visit(value, schema, path, usage, undefined, 0);
  return results;
}
