import type { ErrorCatalogEntry } from '@fortary/codegen-kit';

/** Whether a client should retry a request that failed with this status (the spec's retry policy). */
export function retryAdvice(status: number): string {
  if (status === 429) return 'Yes, after `Retry-After`';
  if (status === 500 || status === 503) return 'Yes, with backoff';
  if (status === 409) return 'Yes, shortly, same key';
  return 'No';
}

/** The catalog as a Markdown table, ordered by status and then by catalog order. */
export function renderErrorCatalog(entries: ErrorCatalogEntry[]): string {
  const escape = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
  const rows = [...entries]
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.status - b.entry.status || a.index - b.index)
    .map(({ entry }) => `| ${entry.status} | \`${entry.type}\` | \`${entry.code}\` | ${escape(entry.description)} | ${retryAdvice(entry.status)} |`);
  return ['| Status | `type` | `code` | Meaning and what to do | Retry? |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
