import { readFileSync } from 'node:fs';
import { LocatedError } from '@fortary/codegen-kit';
import type { ConceptPage } from './concepts.ts';

/** The sidebar name of the API changelog page. */
export const CHANGELOG_PAGE = 'Changelog';

/**
 * The committed API changelog (`spec/CHANGELOG.md`, generated from the released versions) as a
 * page of the docs site, after the concept pages. Its generated-file comment and `# Title` line
 * are dropped: the page has its own name in the sidebar.
 */
export function loadChangelogPage(file: string): ConceptPage {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replaceAll('\r\n', '\n');
  } catch (error) {
    throw new LocatedError({ file }, `cannot read the API changelog (${(error as Error).message}); run \`pnpm generate\``);
  }
  const body = text.replace(/^(?:<!--[\s\S]*?-->\s*)*/, '').replace(/^# .*\n/, '').trim();
  if (!/^## /m.test(body)) throw new LocatedError({ file }, 'the API changelog has no release section (## <version>); regenerate it with `pnpm generate`');
  return { name: CHANGELOG_PAGE, markdown: `${body}\n`, file };
}
