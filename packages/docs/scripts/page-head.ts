/**
 * What the site adds to the head of Redoc's page: an inline favicon (without one the browser
 * asks the server for /favicon.ico, a 404 in every visitor's console, and an offline copy has
 * no server at all) and the few style rules Redoc's defaults get wrong for this API.
 */

/** A rounded square with an "F" in the colour of Redoc's accent. */
const FAVICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0044d4"/><path d="M11 8h11v3.4h-7.2v3.4h6.4v3.4h-6.4V24H11z" fill="#fff"/></svg>';

export const FAVICON_HREF = `data:image/svg+xml,${encodeURIComponent(FAVICON_SVG)}`;

/**
 * Redoc scrolls a long code line sideways inside its panel, and most systems hide the scrollbar
 * until the reader touches it, so the line simply looks cut off (a 0x address or a curl URL ends
 * in mid-token). Code samples, response samples and the code blocks of the concept pages wrap
 * instead, breaking long tokens wherever needed. The path in a sample panel's header and the
 * next/previous operation buttons wrap too, rather than ending in an ellipsis on a phone, and
 * so do the buttons that switch between variants (the event types of a webhook payload).
 * A concept page has nothing in Redoc's right-hand column, yet keeps only half the width, so its
 * tables squeezed an error code into a column a few letters wide ("idem/poten/cy_ke…"); on a
 * wide screen such a section takes the empty column's room and code in tables breaks only
 * where it must.
 */
export const SITE_CSS = `
pre[data-testid="source-code"], pre[data-testid="source-code"] *,
[data-component-name="Markdown/Markdown"] pre, [data-component-name="Markdown/Markdown"] pre * {
  white-space: pre-wrap !important;
  overflow-wrap: anywhere;
}
[data-component-name="Panel/PanelHeader"] button span,
[data-component-name="Button/Button"] span {
  white-space: normal;
  overflow-wrap: anywhere;
  text-overflow: clip;
}
[data-component-name="Segmented/Segmented"] button {
  white-space: normal;
  overflow-wrap: anywhere;
  text-overflow: clip;
  height: auto;
}
@media (min-width: 1000px) {
  div:has(> [data-testid="right-panel"]:empty) > [data-testid="middle-panel"] {
    width: 100%;
    max-width: 920px;
  }
  div:has(> [data-testid="right-panel"]:empty) > [data-testid="right-panel"] {
    display: none;
  }
  [data-component-name="Markdown/Markdown"] table code {
    word-break: normal;
    overflow-wrap: break-word;
  }
}
`;

/** Adds the favicon and the site's style rules to the page's head; throws when there is no head. */
export function addHeadElements(html: string): string {
  if (!html.includes('</head>')) throw new Error("Redoc's page has no </head>: cannot add the favicon and the site's styles");
  if (/<link[^>]+rel=["']?(?:shortcut )?icon/i.test(html)) throw new Error('Redoc now writes its own favicon link: drop FAVICON_HREF from scripts/page-head.ts');
  const head = [
    `<link rel="icon" type="image/svg+xml" href="${FAVICON_HREF}">`,
    `<style id="fortary-docs">${SITE_CSS.trim()}</style>`,
  ].join('\n');
  return html.replace('</head>', `${head}\n</head>`);
}
