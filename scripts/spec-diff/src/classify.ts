import { HTTP_METHODS } from '@fortary/codegen-kit';
import { apiCompare, type Diff } from 'api-smart-diff';
import { comparableDocument, WEBHOOK_PREFIX, webhookLocation } from './webhooks.ts';

/**
 * The v1 compatibility policy on top of api-smart-diff's direction-aware classification
 * (it already knows that what a request may send and what a response may return move in
 * opposite directions). Our overrides: a new enum value in a response (a new network, a new
 * error code, a new transfer status) is additive, because clients are required to tolerate
 * values they do not know; any swap of one type for another is breaking; and a change to a
 * schema's `required` list is reported once, on the field it concerns, not as array items.
 */
export type Severity = 'breaking' | 'additive' | 'other';

export interface Finding {
  severity: Severity;
  /** `POST /v1/vaults`, `webhook transfer.updated`, or the top-level section (`info`, `servers`, …). */
  operation: string;
  /** Where inside the operation, as a readable path (`responses/200/body.name`). */
  location: string;
  change: string;
}

const METHODS: ReadonlySet<string> = new Set(HTTP_METHODS);
const SEVERITY_ORDER: Record<Severity, number> = { breaking: 0, additive: 1, other: 2 };
const DOCUMENTATION = new Set(['description', 'summary', 'example', 'examples', 'x-codeSamples']);

interface Located {
  operation: string;
  /** The diff's path below the operation (or below the top-level section). */
  rest: string[];
}

const WEBHOOK = 'webhook ';

export function classifySpecChanges(before: unknown, after: unknown): Finding[] {
  const [was, is] = [comparableDocument(before), comparableDocument(after)];
  const { diffs } = apiCompare(was, is);
  const findings = new Map<string, Finding>();
  const requiredLists = new Map<string, { where: Located; schemaPath: string[]; diffs: Diff[] }>();

  for (const diff of diffs) {
    const path = diff.path.map(String);
    // Component changes are reported where they take effect, under each operation that uses them.
    if (path[0] === 'components') continue;
    const where = locate(path);
    const schemaPath = requiredListOwner(path, was, is);
    if (schemaPath) {
      const key = JSON.stringify(schemaPath);
      const group = requiredLists.get(key) ?? { where: { operation: where.operation, rest: where.rest.slice(0, where.rest.length - (path.length - schemaPath.length)) }, schemaPath, diffs: [] };
      group.diffs.push(diff);
      requiredLists.set(key, group);
      continue;
    }
    const severity = severityOf(diff, where.rest);
    // Documentation-only edits (descriptions, examples, summaries) are not contract changes.
    if (severity === 'other' && where.rest.some((segment) => DOCUMENTATION.has(segment))) continue;
    add(findings, { severity, operation: where.operation, location: readable(where), change: describe(diff) });
  }

  for (const { where, schemaPath, diffs: listDiffs } of requiredLists.values()) {
    const { gained, lost } = requiredNameChanges(schemaPath, listDiffs, was, is);
    const inRequest = where.rest[0] === 'requestBody' || where.rest[0] === 'parameters';
    for (const [names, nowRequired] of [[gained, true], [lost, false]] as const) {
      for (const name of names) {
        // A request field that callers must now send, or a response field that may now be
        // absent, breaks v1 clients; the opposite directions only widen what they accept.
        const severity: Severity = nowRequired === inRequest ? 'breaking' : 'additive';
        const location = readable({ operation: where.operation, rest: [...where.rest, 'properties', name] });
        const fieldFinding = [...findings.values()].find((finding) => finding.operation === where.operation && finding.location === location);
        if (fieldFinding) {
          // The field itself was added or removed: one finding, worst severity, marked required.
          if (SEVERITY_ORDER[severity] < SEVERITY_ORDER[fieldFinding.severity]) fieldFinding.severity = severity;
          if (nowRequired) fieldFinding.change += ' (required)';
        } else {
          add(findings, { severity, operation: where.operation, location, change: nowRequired ? 'now required' : 'no longer required' });
        }
      }
    }
  }

  return [...findings.values()].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.operation.localeCompare(b.operation) || a.location.localeCompare(b.location),
  );
}

function add(findings: Map<string, Finding>, finding: Finding): void {
  findings.set(`${finding.severity}|${finding.operation}|${finding.location}|${finding.change}`, finding);
}

function locate(path: string[]): Located {
  if (path[0] === 'paths' && path.length >= 3 && METHODS.has(path[2] as string)) {
    const route = path[1] as string;
    if (route.startsWith(WEBHOOK_PREFIX)) return { operation: `${WEBHOOK}${route.slice(WEBHOOK_PREFIX.length)}`, rest: path.slice(3) };
    return { operation: `${(path[2] as string).toUpperCase()} ${route}`, rest: path.slice(3) };
  }
  if (path[0] === 'paths' && path.length === 2) {
    const route = path[1] as string;
    return { operation: route.startsWith(WEBHOOK_PREFIX) ? `${WEBHOOK}${route.slice(WEBHOOK_PREFIX.length)}` : route, rest: [] };
  }
  return { operation: path[0] ?? 'document', rest: path.slice(1) };
}

/**
 * When `path` is a schema's `required` list or one of its entries, the path of that schema;
 * otherwise undefined. (A parameter's boolean `required` and a property named `required` are
 * not lists of names.)
 */
function requiredListOwner(path: string[], before: unknown, after: unknown): string[] | undefined {
  const index = path.at(-1) === 'required' ? path.length - 1 : path.at(-2) === 'required' && /^\d+$/.test(path.at(-1) as string) ? path.length - 2 : -1;
  if (index < 0 || path[index - 1] === 'properties') return undefined;
  const owner = path.slice(0, index);
  const isList = (document: unknown) => Array.isArray((resolve(document, owner) as { required?: unknown } | undefined)?.required);
  return isList(before) || isList(after) ? owner : undefined;
}

/** Names that entered or left a `required` list, as sets: reordering the list changes nothing. */
function requiredNameChanges(schemaPath: string[], diffs: Diff[], before: unknown, after: unknown): { gained: string[]; lost: string[] } {
  const names = (document: unknown) => {
    const list = (resolve(document, schemaPath) as { required?: unknown } | undefined)?.required;
    return new Set(Array.isArray(list) ? list.filter((name): name is string => typeof name === 'string') : []);
  };
  let [was, is] = [names(before), names(after)];
  if (was.size === 0 && is.size === 0) {
    // Unresolvable through the documents: fall back on the diffs' own values.
    const values = (value: unknown) => (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String);
    was = new Set(diffs.flatMap((diff) => values(diff.before)));
    is = new Set(diffs.flatMap((diff) => values(diff.after)));
  }
  return { gained: [...is].filter((name) => !was.has(name)).sort(), lost: [...was].filter((name) => !is.has(name)).sort() };
}

/** The node at `path`, following local `$ref`s on the way as api-smart-diff does. */
function resolve(document: unknown, path: string[]): unknown {
  let node = deref(document, document);
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = deref(document, (node as Record<string, unknown>)[segment]);
  }
  return node;
}

function deref(document: unknown, node: unknown): unknown {
  for (let hops = 0; hops < 32; hops += 1) {
    const ref = (node as { $ref?: unknown } | null)?.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
    node = ref
      .slice(2)
      .split('/')
      .map((token) => decodeURIComponent(token).replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce<unknown>((parent, token) => (parent !== null && typeof parent === 'object' ? (parent as Record<string, unknown>)[token] : undefined), document);
  }
  return node;
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

function readable({ operation, rest }: Located): string {
  if (rest.length === 0) return '(whole operation)';
  return (operation.startsWith(WEBHOOK) ? webhookLocation(rest) : rest)
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
