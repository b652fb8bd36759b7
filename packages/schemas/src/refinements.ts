/**
 * The hand-written pieces the generated schemas are built from: tolerant enums, unique items,
 * coercion of parameter text, and the checks the spec's patterns cannot express.
 */
import { z } from 'zod';
import { isValidAddress, isValidEvmAddress } from './address.js';
import { AssetIdError, parseAssetId } from './asset-id.js';
import { ASSET_GRAMMAR } from './generated/networks.js';

/**
 * A value of an enum that grows within v1, in a response: the known values keep their literal
 * types (and editor completion), and a value added after this build still parses as a string.
 * Any string passes at run time, so the check is just `z.string()`.
 */
export function tolerantEnum<const Values extends readonly [string, ...string[]]>(_known: Values): z.ZodType<Values[number] | (string & {}), Values[number] | (string & {})> {
  return z.string() as unknown as z.ZodType<Values[number] | (string & {}), Values[number] | (string & {})>;
}

/**
 * The discriminator value of a response the spec's mapping does not know yet (an event type
 * added within v1): any other string. A known value never falls through to the generic shape,
 * so a known event with a broken body fails instead of parsing as generic.
 */
export function unmappedValue(known: readonly string[]): z.ZodType<string & {}, string & {}> {
  const values = new Set(known);
  // `string & {}`: "some other string", the type tolerance gives a value this build does not know.
  return z.string().refine((value) => !values.has(value), { message: `a known value (${known.join(', ')}) must match the schema it maps to` }) as unknown as z.ZodType<string & {}, string & {}>;
}

/** `uniqueItems: true`: the issue points at the first repeated item. */
export function uniqueItems(items: readonly unknown[], context: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const key = JSON.stringify(item);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else context.addIssue({ code: 'custom', path: [index], message: `duplicate of item ${first}: items must be unique` });
  });
}

const INTEGER_TEXT = /^-?(?:0|[1-9][0-9]*)$/;
const NUMBER_TEXT = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;

/**
 * Query, path and header values arrive as text. These read `25` as 25 and `true` as true and
 * leave anything else as it is, so `2.5e1`, `0x19` or `yes` fail the inner schema with a clear
 * "expected number" rather than being guessed at (as `z.coerce` would).
 */
export const fromText = {
  number<Inner extends z.ZodType>(inner: Inner) {
    return z.preprocess((value) => (typeof value === 'string' && (INTEGER_TEXT.test(value) || NUMBER_TEXT.test(value)) ? Number(value) : value), inner);
  },
  boolean<Inner extends z.ZodType>(inner: Inner) {
    return z.preprocess((value) => (value === 'true' ? true : value === 'false' ? false : value), inner);
  },
};

/**
 * The request check of an AssetId: parseAssetId() names the wrong part (network, token type,
 * address, EIP-55 checksum); the spec's own pattern is the final guard. Issues carry
 * `params.errorCode` (`unknown_network` or `invalid_asset`) for servers that map them to 422s.
 */
export function assetIdInRequest(pattern: RegExp) {
  return (value: string, context: z.RefinementCtx): void => {
    try {
      parseAssetId(value);
    } catch (error) {
      if (!(error instanceof AssetIdError)) throw error;
      context.addIssue({ code: 'custom', message: error.message, input: value, params: { errorCode: error.errorCode, part: error.part } });
      return;
    }
    if (!pattern.test(value)) {
      context.addIssue({ code: 'custom', message: `asset id '${value}' does not match ${pattern.source}`, input: value, params: { errorCode: 'invalid_asset' } });
    }
  };
}

/** Every token type of the grammar (a token type known on some network). */
const KNOWN_TOKEN_TYPES: ReadonlySet<string> = new Set(Object.values(ASSET_GRAMMAR).flatMap((tokens) => Object.keys(tokens)));

/** The general shape of an asset id, whatever network or token type it names. */
const ANY_ASSET_ID = /^[A-Za-z][A-Za-z0-9]*\/[a-z][a-z0-9]*(?::[0-9A-Za-z]+)?$/;

/**
 * The response check of an AssetId: an id whose network and token type this build knows (even if
 * not together, like `Bitcoin/erc20`) must match the spec's pattern; one naming a network or
 * token type added later only needs the general `{network}/{tokenType}[:{address}]` shape.
 */
export function assetIdInResponse(pattern: RegExp) {
  return (value: string, context: z.RefinementCtx): void => {
    const [network = '', rest = ''] = value.split('/', 2);
    const tokenType = rest.split(':', 1)[0] ?? '';
    const known = Object.hasOwn(ASSET_GRAMMAR, network) && KNOWN_TOKEN_TYPES.has(tokenType);
    const rule = known ? pattern : ANY_ASSET_ID;
    if (!rule.test(value)) {
      context.addIssue({ code: 'custom', message: `'${value}' is not an asset id: expected {network}/{tokenType}[:{address}]`, input: value });
    }
  };
}

/**
 * A transfer's destination must be an address of its asset's network (422 `invalid_address`).
 * Runs only once the fields themselves are valid, so the asset id parses here.
 */
export function checkDestinationAddress(body: { asset: string; destinationAddress: string }, context: z.RefinementCtx): void {
  let network: string;
  try {
    network = parseAssetId(body.asset).network;
  } catch {
    return; // already reported on `asset`
  }
  if (isValidAddress(network, body.destinationAddress)) return;
  const checksum = /^0x[0-9a-fA-F]{40}$/.test(body.destinationAddress) && !isValidEvmAddress(body.destinationAddress);
  context.addIssue({
    code: 'custom',
    path: ['destinationAddress'],
    message: checksum
      ? `'${body.destinationAddress}' fails its EIP-55 checksum (write it all lowercase or with the correct mixed case)`
      : `'${body.destinationAddress}' is not a valid ${network} address`,
    input: body.destinationAddress,
    params: { errorCode: 'invalid_address' },
  });
}

/**
 * The API error code a request issue maps to, when a hand-written check tagged it
 * (`unknown_network`, `invalid_asset`, `invalid_address`); undefined for plain schema issues,
 * which the API reports as `validation_failed`.
 */
export function issueErrorCode(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code !== 'custom') return undefined;
  const code = issue.params?.['errorCode'];
  return typeof code === 'string' ? code : undefined;
}
