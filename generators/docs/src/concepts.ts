import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocatedError } from '@fortary/codegen-kit';

/** A hand-written concept page: a Redoc trait tag whose description is the page's Markdown. */
export interface ConceptPage {
  /** The tag name, which is also the page's title in the sidebar. */
  name: string;
  /** The page body in Markdown, placeholders already replaced. */
  markdown: string;
  file: string;
}

/** Where the concept pages live: `concepts/NN-slug.md`, ordered by NN. */
export const conceptsDir = new URL('../concepts/', import.meta.url).pathname;

const FILE_NAME = /^\d{2}-[a-z0-9-]+\.md$/;
const TITLE = /^# (.+)\n/;
const PLACEHOLDER = /<!--\s*generated:([a-z-]+)\s*-->/g;

/**
 * Reads every concept page. The first line `# Title` names the page; the rest is its body.
 * `<!-- generated:NAME -->` is replaced by `generated[NAME]`; an unknown name, or a generated
 * block no page asks for, is an error so that a typo cannot silently drop a table.
 */
export function loadConceptPages(generated: Record<string, string>, dir: string = conceptsDir): ConceptPage[] {
  const files = readdirSync(dir).filter((name) => name.endsWith('.md')).sort();
  if (files.length === 0) throw new LocatedError({ file: dir }, 'no concept pages (*.md) found');
  const used = new Set<string>();
  const pages = files.map((name) => {
    const file = join(dir, name);
    if (!FILE_NAME.test(name)) throw new LocatedError({ file }, 'concept page files are named NN-slug.md (two digits give the order)');
    const text = readFileSync(file, 'utf8').replaceAll('\r\n', '\n');
    const title = TITLE.exec(text);
    if (!title?.[1]) throw new LocatedError({ file, line: 1, column: 1 }, 'a concept page starts with `# Title` on its first line');
    const body = text.slice(title[0].length).trim();
    const markdown = body.replace(PLACEHOLDER, (_match, key: string) => {
      const block = generated[key];
      if (block === undefined) {
        const line = text.slice(0, text.indexOf(_match)).split('\n').length;
        throw new LocatedError({ file, line, column: 1 }, `unknown generated block '${key}' (known: ${Object.keys(generated).join(', ') || 'none'})`);
      }
      used.add(key);
      return block;
    });
    return { name: title[1].trim(), markdown: `${markdown}\n`, file };
  });
  const unused = Object.keys(generated).filter((key) => !used.has(key));
  if (unused.length) throw new LocatedError({ file: dir }, `no concept page includes the generated block(s) ${unused.join(', ')}`);
  const names = new Set<string>();
  for (const page of pages) {
    if (names.has(page.name)) throw new LocatedError({ file: page.file, line: 1, column: 1 }, `another concept page is also titled '${page.name}'`);
    names.add(page.name);
  }
  return pages;
}
