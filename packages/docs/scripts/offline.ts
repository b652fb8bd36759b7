/**
 * Makes Redoc's static page fully offline. With `--inlineBundle` the scripts are already inside
 * the page, but the footer's Redocly logo is still an <img> pointing at Redocly's CDN. It is
 * replaced by an inline SVG wordmark (the attribution link stays), and the page is then checked
 * for anything else that would load from another origin.
 */

/** The outside URLs Redoc 3's bundle loads at run time, and what replaces each of them. */
const INLINE_REPLACEMENTS: ReadonlyArray<{ url: string; replacement: string }> = [
  { url: 'https://cdn.redoc.ly/redoc/logo-mini-full.svg', replacement: svgDataUri(wordmark(72)) },
  { url: 'https://cdn.redoc.ly/redoc/logo-mini.svg', replacement: svgDataUri(wordmark(20, 'R')) },
];

/** Markup that would make the browser fetch from another origin as soon as the page loads. */
const OUTSIDE_LOADS: ReadonlyArray<{ pattern: RegExp; what: string }> = [
  { pattern: /<script[^>]+\bsrc\s*=\s*["']?(?:https?:)?\/\//i, what: 'a <script src> on another origin' },
  { pattern: /<link[^>]+\bhref\s*=\s*["']?(?:https?:)?\/\//i, what: 'a <link href> (stylesheet, font, icon) on another origin' },
  { pattern: /<img[^>]+\bsrc\s*=\s*["']?(?:https?:)?\/\//i, what: 'an <img src> on another origin' },
  { pattern: /@import\s+(?:url\()?["']?(?:https?:)?\/\//i, what: 'a CSS @import from another origin' },
  { pattern: /fonts\.(?:googleapis|gstatic)\.com/i, what: 'a web font from Google Fonts' },
  { pattern: /cdn\.redoc\.ly/i, what: "a file from Redoc's CDN" },
];

function wordmark(width: number, text = 'Redocly'): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" viewBox="0 0 ${width} 20"><text x="0" y="15" font-family="system-ui, sans-serif" font-size="14" font-weight="600" fill="#0044d4">${text}</text></svg>`;
}

function svgDataUri(svg: string): string {
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** Returns the offline page; throws when a known CDN reference is missing or an unknown one remains. */
export function makeOffline(html: string): string {
  let page = html;
  for (const { url, replacement } of INLINE_REPLACEMENTS) {
    if (!page.includes(url)) {
      // A Redoc upgrade moved or dropped the logo: look at the new bundle instead of guessing.
      throw new Error(`expected Redoc's page to reference ${url}; update scripts/offline.ts for this Redoc version`);
    }
    page = page.replaceAll(url, replacement);
  }
  for (const { pattern, what } of OUTSIDE_LOADS) {
    const match = pattern.exec(page);
    if (match) {
      const context = page.slice(Math.max(0, match.index - 80), match.index + 120).replaceAll('\n', ' ');
      throw new Error(`the docs page would load ${what}: …${context}…`);
    }
  }
  return page;
}
