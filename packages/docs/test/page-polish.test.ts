import { describe, expect, it } from 'vitest';
import { addHeadElements, FAVICON_HREF } from '../scripts/page-head.ts';
import { REDOC_TEXT_EXTRACTOR, spaceSearchText } from '../scripts/search-text.ts';

describe('addHeadElements', () => {
  it('adds an inline favicon and the style rules to the head', () => {
    const page = addHeadElements('<html><head><title>x</title></head><body></body></html>');
    expect(page).toContain(`<link rel="icon" type="image/svg+xml" href="${FAVICON_HREF}">`);
    expect(FAVICON_HREF).toMatch(/^data:image\/svg\+xml,/);
    expect(page.indexOf('rel="icon"')).toBeLessThan(page.indexOf('</head>'));
    expect(page).toMatch(/<style id="fortary-docs">[^<]*white-space: pre-wrap/);
    expect(page).toMatch(/<style id="fortary-docs">[^<]*right-panel"\]:empty/);
  });

  it('fails on a page without a head, or one that already declares an icon', () => {
    expect(() => addHeadElements('<html><body></body></html>')).toThrow(/no <\/head>/);
    expect(() => addHeadElements('<head><link rel="icon" href="/favicon.ico"></head>')).toThrow(/its own favicon/);
  });
});

/** Markdoc's syntax tree for a node with text content. */
const text = (content: string) => ({ type: 'text', attributes: { content } });
const node = (type: string, ...children: unknown[]) => ({ type, attributes: {}, children });

/** The text extractor of a page, as a function (Redoc's helper Yae skips <script> and <style>). */
function extractorOf(page: string): (tree: unknown) => string {
  const source = /function QT\(e\)\{.*?return n\(e\),t\.join\(``\)\}/.exec(page)?.[0];
  if (!source) throw new Error('no extractor in the page');
  return new Function(`function Yae(){return false}\n${source}\nreturn QT;`)() as (tree: unknown) => string;
}

describe('spaceSearchText', () => {
  const paragraph = node('paragraph', node('inline', text('When you send a'), node('softbreak'), text('transfer, the destination')));
  const table = node('table', node('tbody', node('tr', node('td', node('inline', text('vaults:write'))), node('td', node('inline', text('creating deposit addresses')))),
    node('tr', node('td', node('inline', text('transfers:read'))), node('td', node('inline', text('reading transfers'))))));
  const heading = node('heading', node('inline', text('Absent values are '), { type: 'code', attributes: { content: 'null' }, children: [] }));

  it("reproduces Redoc's run-together text with the original extractor", () => {
    const original = extractorOf(`<script>${REDOC_TEXT_EXTRACTOR}</script>`);
    expect(original(paragraph)).toBe('When you send atransfer, the destination');
    expect(original(table)).toBe('vaults:writecreating deposit addressestransfers:readreading transfers');
  });

  it('puts a space at line breaks and between blocks and cells, and leaves headings as they were', () => {
    const spaced = extractorOf(spaceSearchText(`<script>${REDOC_TEXT_EXTRACTOR}</script>`));
    expect(spaced(paragraph).trim()).toBe('When you send a transfer, the destination');
    expect(spaced(table).replace(/\s+/g, ' ').trim()).toBe('vaults:write creating deposit addresses transfers:read reading transfers');
    expect(spaced(heading).trim()).toBe('Absent values are null');
  });

  it("fails when Redoc's bundle no longer has the extractor (an upgrade changed it)", () => {
    expect(() => spaceSearchText('<script>function QT(e){}</script>')).toThrow(/found it 0 times; update scripts\/search-text\.ts/);
  });
});
