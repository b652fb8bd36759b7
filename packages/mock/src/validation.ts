import { NETWORK_NAMES, issueErrorCode, operationSchemas } from '@fortary/schemas';
import type { OperationId } from '@fortary/types';
import { ISSUE_MAX, elideInputIn, elideList } from './echo.js';
import { ApiError, type ErrorDetail } from './errors.js';
import type { ErrorCode } from './generated/spec-facts.js';
import type { ValidatedInput } from './operations.js';

/**
 * Validates a request against @fortary/schemas (strict request schemas generated from the
 * spec) and turns zod issues into the API's 422s. The code is the most specific one that
 * applies: an unknown network, then a bad asset, address or amount, else validation_failed.
 * A bad cursor is a 400 invalid_cursor whatever is wrong with it.
 */
interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  values?: unknown[];
  keys?: unknown[];
  params?: Record<string, unknown>;
}

type Part = 'path' | 'query' | 'headers' | 'body';

const SPECIFIC_CODES = ['unknown_network', 'invalid_asset', 'invalid_address', 'invalid_amount'] as const satisfies readonly ErrorCode[];
const NETWORK_SET = new Set<string>(NETWORK_NAMES);

function isNetworkEnumIssue(issue: Issue): boolean {
  return issue.code === 'invalid_value' && Array.isArray(issue.values) && issue.values.length === NETWORK_SET.size && issue.values.every((value) => NETWORK_SET.has(String(value)));
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function codeOf(part: Part, issue: Issue, root: unknown): ErrorCode {
  // a hand-written check of @fortary/schemas tagged the issue (asset id, destination address)
  const tagged = issueErrorCode(issue as Parameters<typeof issueErrorCode>[0]);
  if (tagged !== undefined && (SPECIFIC_CODES as readonly string[]).includes(tagged)) return tagged as ErrorCode;
  if (isNetworkEnumIssue(issue)) return 'unknown_network';
  const field = issue.path[issue.path.length - 1];
  // a missing field is a plain validation failure, not a bad address or amount
  if (valueAt(root, issue.path) === undefined) return 'validation_failed';
  if (part === 'body' && issue.path.length === 1 && field === 'destinationAddress') return 'invalid_address';
  if (part === 'body' && issue.path.length === 1 && field === 'amount') return 'invalid_amount';
  return 'validation_failed';
}

function fieldOf(part: Part, issue: Issue): string {
  if (issue.path.length === 0) return part;
  const name = issue.path.map(String).join('.');
  // header names are sent lower-cased to the schema; report the spelling the spec uses
  return part === 'headers' ? name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase()) : name;
}

/** What is wrong, in words; `input` is the value at the issue's path, elided wherever the text quotes it. */
function issueText(issue: Issue, input: unknown): string {
  if (issue.code === 'unrecognized_keys' && Array.isArray(issue.keys)) {
    const keys = issue.keys.map(String);
    return `unknown field${keys.length === 1 ? '' : 's'} ${elideList(keys, ISSUE_MAX)}: the request accepts only the fields the spec lists`;
  }
  if (isNetworkEnumIssue(issue)) return 'must be one of the supported network names';
  return issue.message ? elideInputIn(issue.message, input) : 'is invalid';
}

export interface RawInput {
  path: Record<string, string>;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body: unknown;
}

export function validateRequest(operationId: OperationId, raw: RawInput): ValidatedInput {
  const schemas = operationSchemas[operationId].request as Partial<Record<Part, { safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { issues: Issue[] } } }>>;
  const problems: Array<{ code: ErrorCode; detail: ErrorDetail }> = [];
  const output: Record<Part, unknown> = { path: raw.path, query: raw.query, headers: raw.headers, body: raw.body };
  for (const part of ['path', 'query', 'headers', 'body'] as const) {
    const schema = schemas[part];
    if (!schema) continue;
    const value = part === 'body' && raw.body === undefined ? undefined : raw[part];
    const result = schema.safeParse(value);
    if (result.success) {
      output[part] = result.data;
      continue;
    }
    for (const issue of result.error.issues) {
      if (part === 'query' && issue.path[0] === 'cursor') {
        throw new ApiError('invalid_cursor', 'The cursor is not valid. Pass back the nextCursor of the previous page unchanged.');
      }
      const detail = { field: fieldOf(part, issue), issue: part === 'body' && issue.path.length === 0 && value === undefined ? 'a JSON body is required' : issueText(issue, valueAt(value, issue.path)) };
      problems.push({ code: codeOf(part, issue, value), detail });
    }
  }
  if (problems.length > 0) {
    const code = SPECIFIC_CODES.find((candidate) => problems.some((problem) => problem.code === candidate)) ?? 'validation_failed';
    const message = (MESSAGES[code as keyof typeof MESSAGES] ?? MESSAGES.validation_failed)(problems.length);
    throw new ApiError(code, message, problems.map((problem) => problem.detail));
  }
  return { path: output.path as Record<string, string>, query: (output.query ?? {}) as Record<string, unknown>, body: output.body };
}

const MESSAGES: Record<(typeof SPECIFIC_CODES)[number] | 'validation_failed', (count: number) => string> = {
  unknown_network: () => 'The request names a network Fortary does not support.',
  invalid_asset: () => 'The asset id is not valid or names an unsupported asset.',
  invalid_address: () => "The destination address is not valid for the asset's network.",
  invalid_amount: () => 'The amount is not a valid positive decimal string.',
  validation_failed: (count) => `The request has ${count} invalid field${count === 1 ? '' : 's'}.`,
};
