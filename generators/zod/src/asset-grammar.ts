import { LocatedError } from '@fortary/codegen-kit';

/** Per network, the token types it takes and the address pattern each one needs (null: none). */
export type AssetGrammar = Record<string, Record<string, string | null>>;

const NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const TOKEN_TYPE = /^[a-z][a-z0-9]*$/;

/**
 * Reads the asset grammar out of the `AssetId` pattern, so `parseAssetId()` and the lists of EVM
 * networks follow the spec instead of a second hand-kept copy. The pattern has the shape
 * `^(?:NETWORKS/TOKENS|NETWORKS/TOKENS|…)$`, where NETWORKS is a name or `(?:a|b|…)` and TOKENS is
 * `type`, `type:ADDRESS-PATTERN` or a `(?:…|…)` of those. Anything else is reported at the
 * pattern's pointer rather than guessed at.
 */
export function parseAssetGrammar(pattern: string, networkNames: readonly string[], file: string): AssetGrammar {
  const pointer = '/components/schemas/AssetId/pattern';
  const fail = (reason: string): never => {
    throw new LocatedError({ file, pointer }, `cannot read the asset grammar from the AssetId pattern: ${reason}`);
  };
  const body = /^\^\(\?:(.*)\)\$$/.exec(pattern)?.[1] ?? fail('expected ^(?:…)$ around the branches');
  const grammar: AssetGrammar = {};
  for (const branch of splitTopLevel(body, fail)) {
    const slash = indexOfTopLevel(branch, '/', fail);
    if (slash < 0) fail(`branch '${branch}' has no '/' between network and token type`);
    const networks = alternatives(branch.slice(0, slash), fail);
    const tokens = alternatives(branch.slice(slash + 1), fail);
    for (const network of networks) {
      if (!NAME.test(network)) fail(`'${network}' is not a plain network name`);
      if (grammar[network]) fail(`network '${network}' appears in two branches`);
      grammar[network] = {};
      for (const token of tokens) {
        const colon = token.indexOf(':');
        const tokenType = colon < 0 ? token : token.slice(0, colon);
        if (!TOKEN_TYPE.test(tokenType)) fail(`'${tokenType}' is not a plain token type`);
        (grammar[network] as Record<string, string | null>)[tokenType] = colon < 0 ? null : token.slice(colon + 1);
      }
    }
  }
  const inPattern = Object.keys(grammar).sort();
  const inEnum = [...networkNames].sort();
  if (inPattern.join() !== inEnum.join()) {
    fail(`its networks (${inPattern.join(', ')}) differ from the NetworkName enum (${inEnum.join(', ')})`);
  }
  return grammar;
}

/** `(?:a|b)` → [a, b]; `a` → [a]. */
function alternatives(part: string, fail: (reason: string) => never): string[] {
  const group = /^\(\?:(.*)\)$/.exec(part);
  if (group && isBalanced(group[1] as string)) return splitTopLevel(group[1] as string, fail);
  return [part];
}

/**
 * The positions of `wanted` that stand outside any group and character class, in order;
 * escaped characters are skipped. A negative depth is reported as it is met.
 */
function* topLevelPositions(text: string, wanted: string, fail: (reason: string) => never): Generator<number> {
  let depth = 0;
  let inClass = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\\') {
      index += 1;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (char === wanted && depth === 0) yield index;
    if (depth < 0) fail('unbalanced parentheses');
  }
  if (depth !== 0) fail('unbalanced parentheses');
}

function splitTopLevel(text: string, fail: (reason: string) => never): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const index of topLevelPositions(text, '|', fail)) {
    parts.push(text.slice(start, index));
    start = index + 1;
  }
  parts.push(text.slice(start));
  return parts;
}

function indexOfTopLevel(text: string, wanted: string, fail: (reason: string) => never): number {
  for (const index of topLevelPositions(text, wanted, fail)) return index;
  return -1;
}

function isBalanced(text: string): boolean {
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] === '\\') index += 1;
    else if (text[index] === '(') depth += 1;
    else if (text[index] === ')' && --depth < 0) return false;
  }
  return depth === 0;
}
