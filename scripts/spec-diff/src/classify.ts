import { HTTP_METHODS } from '@fortary/codegen-kit';
import { apiCompare, type Diff } from 'api-smart-diff';

/**
 * The v1 compatibility policy on top of api-smart-diff's direction-aware classification
 * (it already knows that what a request may send and what a response may return move in
 * opposite directions). Our one override: a new enum value in a response (a new network, a
 * new error code, a new transfer status) is additive, because clients are required to
 * tolerate values they do not know.
 */
export type Severity = 'breaking' | 'additive' | 'other';

export interface Finding {
  severity: Severity;
  /** `POST /v1/vaults`, or the top-level section (`info`, `servers`, …) for non-path changes. */
  operation: string;
  /** Where inside the operation, as a readable path (`responses/200 … properties/name`). */
  location: string;
  change: string;
}

const METHODS: ReadonlySet<string> = new Set(HTTP_METHODS);

export function classifySpecChanges(before: unknown, after: unknown): Finding[] {
  const { diffs } = apiCompare(before, after);
  const findings = new Map<string, Finding>();
  for (const diff of diffs) {
    const finding = toFinding(diff);
    if (!finding) continue;
    const key = `${finding.severity}|${finding.operation}|${finding.location}|${finding.change}`;
    findings.set(key, finding);
  }
  const order: Record<Severity, number> = { breaking: 0, additive: 1, other: 2 };
  return [...findings.values()].sort(
    (a, b) => order[a.severity] - order[b.severity] || a.operation.localeCompare(b.operation) || a.location.localeCompare(b.location),
  );
}

function toFinding(diff: Diff): Finding | undefined {
  const path = diff.path.map(String);
  // Component changes are reported where they take effect, under each operation that uses them.
  if (path[0] === 'components') return undefined;
  let operation: string;
  let rest: string[];
  if (path[0] === 'paths' && path.length >= 3 && METHODS.has(path[2] as string)) {
    operation = `${(path[2] as string).toUpperCase()} ${path[1]}`;
    rest = path.slice(3);
  } else if (path[0] === 'paths' && path.length === 2) {
    operation = `${path[1]}`;
    rest = [];
  } else {
    operation = path[0] ?? 'document';
    rest = path.slice(1);
  }
  const severity = severityOf(diff, rest);
  // Documentation-only edits (descriptions, examples, summaries) are not contract changes.
  if (severity === 'other' && rest.some((segment) => ['description', 'summary', 'example', 'examples', 'x-codeSamples'].includes(segment))) return undefined;
  return { severity, operation, location: readable(rest), change: describe(diff) };
}

function severityOf(diff: Diff, rest: string[]): Severity {
  const inResponse = rest[0] === 'responses';
  const isEnumValue = rest.at(-2) === 'enum';
  if (diff.type === 'breaking' && diff.action === 'add' && inResponse && isEnumValue) return 'additive';
  // api-smart-diff treats some type swaps (integer → string) as compatible; to a client that
  // parses the value, any change from one single type to another is breaking, in either direction.
  if (diff.action === 'replace' && rest.at(-1) === 'type' && typeof diff.before === 'string' && typeof diff.after === 'string') return 'breaking';
  // A pattern whose literal alternations only gained names (the AssetId grammar when a network
  // is added) accepts everything it accepted before: the request side widened, and the response
  // side may return new values, which v1 clients must tolerate as they do new enum values.
  if (diff.action === 'replace' && rest.at(-1) === 'pattern' && onlyWidensAlternations(diff.before, diff.after)) return 'additive';
  if (diff.type === 'breaking') return 'breaking';
  if (diff.type === 'non-breaking') return 'additive';
  return 'other';
}

const LITERAL_ALTERNATION = /\((?:\?:)?([A-Za-z0-9_]+(?:\|[A-Za-z0-9_]+)+)\)/g;

/**
 * True when `after` is `before` with names added to some `(A|B)` groups of plain words and no
 * other difference: a provable widening. Any other regex change is left to api-smart-diff,
 * since containment of arbitrary patterns cannot be decided here.
 */
export function onlyWidensAlternations(before: unknown, after: unknown): boolean {
  if (typeof before !== 'string' || typeof after !== 'string' || before === after) return false;
  const groups = (pattern: string) => [...pattern.matchAll(LITERAL_ALTERNATION)].map((match) => new Set((match[1] as string).split('|')));
  const skeleton = (pattern: string) => pattern.replace(LITERAL_ALTERNATION, '(\u0000)');
  if (skeleton(before) !== skeleton(after)) return false;
  const [was, is] = [groups(before), groups(after)];
  return was.every((names, index) => [...names].every((name) => is[index]?.has(name)));
}

function readable(rest: string[]): string {
  if (rest.length === 0) return '(whole operation)';
  return rest
    .join('/')
    .replace(/content\/application\/json\/schema/g, 'body')
    .replace(/\/properties\//g, '.')
    .replace(/\/items/g, '[]');
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
  return text === undefined ? 'nothing' : text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function describe(diff: Diff): string {
  switch (diff.action) {
    case 'add':
      return `added ${show(diff.after)}`;
    case 'remove':
      return `removed ${show(diff.before)}`;
    case 'rename':
      return `renamed ${show(diff.before)} to ${show(diff.after)}`;
    default:
      return `changed ${show(diff.before)} to ${show(diff.after)}`;
  }
}
