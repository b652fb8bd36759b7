import type { Finding, Severity } from './classify.ts';

const TITLES: Record<Severity, string> = {
  breaking: 'Breaking changes',
  additive: 'Additive changes (allowed within v1)',
  other: 'Other changes',
};

/** A Markdown report for a pull request's job summary. */
export function markdownReport(findings: Finding[], base: string): string {
  const count = (severity: Severity) => findings.filter((finding) => finding.severity === severity).length;
  const lines = [`# Spec changes against \`${base}\``, ''];
  if (findings.length === 0) {
    lines.push('No contract changes.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    count('breaking') > 0
      ? `**${count('breaking')} breaking change(s).** These break v1 clients: the pull request needs the \`breaking-change\` label and a plan (a new version, or a deprecation period).`
      : 'No breaking changes.',
    '',
  );
  for (const severity of ['breaking', 'additive', 'other'] as const) {
    const rows = findings.filter((finding) => finding.severity === severity);
    if (rows.length === 0) continue;
    lines.push(`## ${TITLES[severity]} (${rows.length})`, '', '| operation | where | change |', '|---|---|---|');
    for (const row of rows) lines.push(`| ${cell(row.operation)} | ${cell(row.location)} | ${cell(row.change)} |`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

function cell(text: string): string {
  return `\`${text.replaceAll('|', '\\|').replaceAll('`', "'")}\``;
}
