/**
 * The API changelog: one dated section per released version, built from the differences
 * between consecutive releases' specs with the classification `pnpm spec:diff` uses. The first
 * release lists the operations and webhooks it introduced.
 */
import { HTTP_METHODS } from '@fortary/codegen-kit';
import { classifySpecChanges, type Finding } from './classify.ts';

export interface ReleasedSpec {
  version: string;
  date: string;
  /** The bundled spec of that release. */
  spec: unknown;
}

export const CHANGELOG_TITLE = 'API changelog';

/** Sections of the changelog are not about the document's own metadata (its version is the heading). */
const METADATA = new Set(['info', 'servers', 'tags', 'x-tagGroups', 'externalDocs']);

/** The changelog Markdown, newest release first. `releases` are oldest first. */
export function buildChangelog(releases: ReleasedSpec[], notice: string): string {
  const sections = releases.map((release, index) => {
    const previous = releases[index - 1];
    const body = previous ? changesSection(classifySpecChanges(previous.spec, release.spec)) : firstReleaseSection(release.spec);
    return [`## ${release.version} (${release.date})`, '', body].join('\n');
  });
  return [
    `<!-- ${notice} -->`,
    `# ${CHANGELOG_TITLE}`,
    '',
    'Each released version of the Fortary API v1 description, newest first. Within v1 the API only',
    'grows: new operations, new response fields, new enum values (a network, a transfer status, an',
    'error code), new webhooks and event types. Clients must tolerate values they do not know.',
    'A deprecated operation keeps working until its `Sunset` date.',
    '',
    ...sections.reverse().flatMap((section) => [section, '']),
  ].join('\n').replace(/\n+$/, '\n');
}

function firstReleaseSection(spec: unknown): string {
  const entries = surface(spec);
  const webhooks = entries.filter((entry) => entry.startsWith('`webhook ')).length;
  const counted = [`${entries.length - webhooks} operations`, ...(webhooks > 0 ? [`${webhooks} webhooks`] : [])].join(' and ');
  return [`First release: ${counted}.`, '', '### Added', '', ...entries.map((entry) => `- ${entry}`)].join('\n');
}

/** `GET /v1/vaults`: List vaults, for every operation and webhook of a bundled spec. */
function surface(spec: unknown): string[] {
  const document = spec as { paths?: Record<string, Record<string, unknown>>; webhooks?: Record<string, Record<string, unknown>> };
  const line = (name: string, operation: unknown) => {
    const summary = (operation as { summary?: unknown }).summary;
    const deprecated = (operation as { deprecated?: unknown }).deprecated === true ? ' (deprecated)' : '';
    return `\`${name}\`${typeof summary === 'string' ? `: ${summary}` : ''}${deprecated}`;
  };
  const entries: string[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of HTTP_METHODS) if (item[method]) entries.push(line(`${method.toUpperCase()} ${path}`, item[method]));
  }
  for (const [name, item] of Object.entries(document.webhooks ?? {})) {
    for (const method of HTTP_METHODS) if (item[method]) entries.push(line(`webhook ${name}`, item[method]));
  }
  return entries;
}

function changesSection(findings: Finding[]): string {
  const relevant = findings.filter((finding) => !METADATA.has(finding.operation));
  const deprecated = relevant.filter(isDeprecation);
  const rest = relevant.filter((finding) => !isDeprecation(finding));
  const groups: Array<[string, Finding[]]> = [
    ['Added', rest.filter((finding) => finding.severity === 'additive')],
    ['Deprecated', deprecated],
    ['Breaking', rest.filter((finding) => finding.severity === 'breaking')],
    ['Other changes', rest.filter((finding) => finding.severity === 'other')],
  ];
  const lines: string[] = [];
  for (const [title, entries] of groups) {
    if (entries.length === 0) continue;
    if (lines.length > 0) lines.push('');
    lines.push(`### ${title}`, '', ...entries.map((finding) => `- ${entry(finding)}`));
  }
  return lines.length > 0 ? lines.join('\n') : 'No contract changes (documentation only).';
}

function isDeprecation(finding: Finding): boolean {
  return /(^|[/.])deprecated$/.test(finding.location) && /(added|to) true$/.test(finding.change);
}

function entry(finding: Finding): string {
  const subject = `\`${finding.operation}\``;
  if (finding.location === '(whole operation)') {
    const kind = finding.operation.startsWith('webhook ') ? 'webhook' : 'operation';
    if (finding.change.startsWith('added')) return `${subject}: new ${kind}`;
    if (finding.change.startsWith('removed')) return `${subject}: ${kind} removed`;
  }
  if (isDeprecation(finding)) {
    const where = finding.location.replace(/[/.]?deprecated$/, '');
    return where ? `${subject}: \`${where}\` deprecated` : `${subject}: deprecated`;
  }
  return `${subject}: \`${finding.location}\` ${plainChange(finding.change)}`;
}

/** The change without whole schemas spelled out in JSON: the location already names the field. */
function plainChange(change: string): string {
  return change.replace(/^(added|removed) [{[].*?( \(required\))?$/, '$1$2');
}
