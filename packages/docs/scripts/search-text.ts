/**
 * Repairs the text Redoc's search indexes and shows. Redoc extracts the plain text of a Markdown
 * description by walking Markdoc's syntax tree and joining the content of its text nodes with
 * nothing in between. A soft line break carries no text, and neither do the boundaries of
 * paragraphs, list items and table cells, so "send a⏎transfer" is indexed and shown as
 * "send atransfer" and a scopes table as "addressestransfers:read". The replacement emits a
 * space for a line break and after every block, which is what the rendered page shows there.
 * The callers trim the result (the anchor id of a heading is made from the trimmed text) or cut
 * a short label from it, so nothing but the spacing changes.
 */

/** Redoc 3's plain-text extractor, exactly as `redocly build-docs` 2.77 inlines it. */
export const REDOC_TEXT_EXTRACTOR = 'function QT(e){let t=[];function n(e){if(!Yae(e)){typeof e.attributes?.content==`string`&&t.push(e.attributes.content);for(let t of e.children??[])n(t)}}return n(e),t.join(``)}';

/** Markdoc node types after which the rendered page starts a new line or cell. */
const BREAKS = ['softbreak', 'hardbreak', 'paragraph', 'heading', 'item', 'th', 'td', 'tr', 'fence', 'blockquote', 'hr'];

const SPACED_TEXT_EXTRACTOR = `function QT(e){let t=[];const b=new Set(${JSON.stringify(BREAKS)});function n(e){if(!Yae(e)){typeof e.attributes?.content==\`string\`&&t.push(e.attributes.content);for(let t of e.children??[])n(t);b.has(e.type)&&t.push(\` \`)}}return n(e),t.join(\`\`)}`;

/** Returns the page with the spaced extractor; throws when Redoc's bundle no longer has the original. */
export function spaceSearchText(html: string): string {
  const count = html.split(REDOC_TEXT_EXTRACTOR).length - 1;
  if (count !== 1) {
    // A Redoc upgrade renamed or rewrote the extractor: check whether it still drops the spaces
    // (the browser test searches for "transfer") before updating or removing this repair.
    throw new Error(`expected Redoc's page to contain its text extractor once, found it ${count} times; update scripts/search-text.ts for this Redoc version`);
  }
  return html.replace(REDOC_TEXT_EXTRACTOR, () => SPACED_TEXT_EXTRACTOR);
}
