/**
 * The built site in headless Chromium (see browser.ts). The site is loaded once per width, and
 * each page walks through every section (site-tour.ts); the two walks start with the file and
 * run side by side, Chromium rendering each page in a process of its own. The tests that only
 * read (search, favicon, links) then use the page of the wider walk.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_SPEC_NAME } from '../scripts/paths.ts';
import { artifacts, openSite, present, RENDER_TIMEOUT, SCREENSHOT_TIMEOUT, showSection, type Site, type Watched } from './browser.ts';
import { tourSite, type Tour } from './site-tour.ts';
import { conceptNames, loadDocsDocument, operations, stringsOf, type DocsDocument } from './site.ts';

// A test that waits for a walk allows what a walk through every section takes on a busy machine.
const TOUR_TIMEOUT = 300_000;

const docs = loadDocsDocument();
let site: Site;

const WIDTHS = [1440, 390];
// The walk at this width also checks the contents (every concept page and operation with its
// samples) and collects the in-page links.
const CONTENTS_WIDTH = 1440;
/** Each width's walk, made once and read by every test about it. */
let tours: Map<number, Promise<Tour>>;
const tourAt = (width: number) => tours.get(width) as Promise<Tour>;
const contentsTour = () => tourAt(CONTENTS_WIDTH);

beforeAll(async () => {
  site = await openSite();
  tours = new Map(WIDTHS.map((width) => [width, tourSite(site, docs, { width, contents: width === CONTENTS_WIDTH })]));
  // A walk that fails is reported by the tests that wait for it.
  for (const tour of tours.values()) tour.catch(() => undefined);
}, 60_000);

afterAll(async () => {
  await site?.close();
});

/** The page the reading tests share: the wider walk's, once that walk is done. */
const readerPage = async (): Promise<Watched> => (await contentsTour()).watched;

/** The page is clean: nothing from outside, nothing failed, nothing in the console. */
function expectClean({ outside, failed, consoleErrors }: Watched): void {
  expect(outside).toEqual([]);
  expect(failed).toEqual([]);
  expect(consoleErrors).toEqual([]);
}

/** Opens the search dialog; `close` leaves the shared page as it was. */
async function openSearch(watched: Watched) {
  const { page } = watched;
  await page.getByTestId('search-trigger').click();
  const dialog = page.getByTestId('search-dialog');
  await dialog.waitFor({ state: 'visible', timeout: RENDER_TIMEOUT });
  const close = async () => {
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', timeout: RENDER_TIMEOUT });
  };
  return { dialog, close };
}

describe('the docs site in headless Chromium', () => {
  it('loads with zero outside requests and no console errors, and saves a full-page screenshot', async () => {
    const watched = await readerPage();
    const { page } = watched;
    await showSection(page, '/');
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'docs-full-page.png'), fullPage: true, timeout: SCREENSHOT_TIMEOUT });
    expectClean(watched);
  }, TOUR_TIMEOUT);

  it('has a section for every concept page, under its own sidebar group', async () => {
    expect(conceptNames(docs).length).toBeGreaterThanOrEqual(9);
    const tour = await contentsTour();
    expect(tour.missing.concepts).toEqual([]);
    expectClean(tour.watched);
  }, TOUR_TIMEOUT);

  it('has a section for every operation, with its TypeScript and curl samples', async () => {
    expect(operations(docs).length).toBeGreaterThan(0);
    const tour = await contentsTour();
    expect(tour.missing.operations).toEqual([]);
    expectClean(tour.watched);
  }, TOUR_TIMEOUT);

  it('finds vault with the search box', async () => {
    const watched = await readerPage();
    const { dialog, close } = await openSearch(watched);
    const input = dialog.locator('input');
    await input.fill('vault');
    // The search index covers operations and tags: `vault` must find the vault operations.
    await present(dialog.getByText('Get a vault', { exact: true }), 'search result for getVault', 'visible');
    await present(dialog.getByText('Create a vault', { exact: true }), 'search result for createVault', 'visible');
    // A term that matches nothing must clear them, so the check above cannot pass by accident.
    await input.fill('zzqxnomatch');
    await dialog.getByText('Get a vault', { exact: true }).first().waitFor({ state: 'detached', timeout: RENDER_TIMEOUT });
    await close();
    expectClean(watched);
  }, TOUR_TIMEOUT);

  it('declares an inline favicon, so no request for /favicon.ico fails', async () => {
    const watched = await readerPage();
    const { page } = watched;
    // The browser asks for the icon after the page has loaded.
    await page.waitForTimeout(Math.max(0, watched.loadedAt + 1_000 - Date.now()));
    const icon = await page.locator('head link[rel="icon"]').getAttribute('href');
    expect(icon).toMatch(/^data:image\/svg\+xml,/);
    expectClean(watched);
  }, TOUR_TIMEOUT);

  for (const width of WIDTHS) {
    it(`shows every section in full at ${width} px: nothing clipped, no raw Markdown, in TypeScript and in curl`, async () => {
      const tour = await tourAt(width);
      expect(tour.missing.samples).toEqual([]);
      expect([...tour.problems]).toEqual([]);
      expectClean(tour.watched);
    }, TOUR_TIMEOUT);
  }

  it('shows search results with the spaces of the text they quote', async () => {
    const watched = await readerPage();
    const { page } = watched;
    const { dialog, close } = await openSearch(watched);
    await dialog.locator('input').fill('transfer');
    await present(dialog.getByText('Create a transfer', { exact: true }), 'search result for createTransfer', 'visible');
    const results = await dialog.locator('[data-component-name="Search/SearchItem"]').allInnerTexts();
    await page.screenshot({ path: join(artifacts, 'search-transfer.png') });
    await close();
    const text = results.join('\n');
    // A phrase that wraps onto a second line in its concept page, so the line break must become a space.
    expect(text).toContain('send a transfer');
    // Every word shown must be a word of the document (or of Redoc's own labels): two words run
    // together ("atransfer", "addressestransfers") are not. Words cut by "..." are left out.
    const vocabulary = new Set(stringsOf(docs).flatMap((value) => value.toLowerCase().match(/[a-z]+/g) ?? []));
    for (const label of ['parameters', 'fields', 'response', 'request', 'body', 'enum', 'get', 'post', 'patch', 'delete']) vocabulary.add(label);
    const shown = text.replace(/[a-z]*\.\.\.[a-z]*/gi, ' ').toLowerCase().match(/[a-z]+/g) ?? [];
    expect(shown.length).toBeGreaterThan(100);
    expect([...new Set(shown.filter((word) => !vocabulary.has(word)))]).toEqual([]);
    expectClean(watched);
  }, TOUR_TIMEOUT);

  it('links the published spec, which loads from the site and has both samples on every operation', async () => {
    const watched = await readerPage();
    const { page } = watched;
    await showSection(page, '/'); // the link is in the introduction, at the top
    const link = page.getByRole('link', { name: /^OpenAPI 3\.1/ });
    await present(link, 'the link to the published spec', 'visible');
    const href = await link.first().getAttribute('href');
    expect(href).toBe(SITE_SPEC_NAME);
    const published = await page.evaluate(async (target) => {
      const response = await fetch(target);
      return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
    }, href as string);
    expect(published.status).toBe(200);
    expect(published.type).toMatch(/^application\/json/);
    const spec = JSON.parse(published.body) as { openapi: string; tags: Array<{ 'x-traitTag'?: boolean }> } & DocsDocument;
    expect(spec.openapi).toMatch(/^3\.1\./);
    const fromSpec = operations(spec);
    expect(fromSpec.map((operation) => operation.operationId).sort()).toEqual(operations(docs).map((operation) => operation.operationId).sort());
    for (const operation of fromSpec) expect(operation.samples.map((sample) => sample.label), operation.operationId).toEqual(['TypeScript', 'curl']);
    // The contract only: the concept pages are the site's, not the API's.
    expect(spec.tags.filter((tag) => tag['x-traitTag'])).toEqual([]);
    expectClean(watched);
  }, TOUR_TIMEOUT);

  it('resolves every in-page anchor link to a rendered section or element', async () => {
    // Collected at every stop of the walk, which visits every page of the site.
    const tour = await contentsTour();
    const { links, shown, idsIn } = tour;
    expect(links.size).toBeGreaterThan(conceptNames(docs).length);
    const { page } = tour.watched;
    // Redoc's links are `#<route>` or, for a field or heading inside an operation,
    // `#<route>#<element id>`: the route must render a section and the element must exist in it.
    const broken: string[] = [];
    const byRoute = new Map<string, Set<string>>();
    for (const href of links) {
      const [route = '', element] = href.slice(1).split('#', 2);
      if (!href.startsWith('#/')) {
        broken.push(`${href} (not a Redoc route)`);
        continue;
      }
      const elements = byRoute.get(route) ?? new Set<string>();
      if (element !== undefined) elements.add(element);
      byRoute.set(route, elements);
    }
    for (const [route, elements] of [...byRoute].sort(([a], [b]) => a.localeCompare(b))) {
      const ids = [...elements];
      // The walk already showed this route's section, and every element the links name inside
      // it. (Redoc renders a long operation's lower parts only once they scroll into view, so
      // they may appear at the next stop rather than at the section's own.)
      const seen = idsIn.get(decodeURIComponent(route)) ?? new Set<string>();
      if (shown.has(decodeURIComponent(route)) && ids.every((id) => seen.has(id))) continue;
      try {
        await showSection(page, decodeURIComponent(route));
      } catch {
        broken.push(`#${route} (no section)`);
        continue;
      }
      // The section's inner parts render a moment after its frame.
      await page.waitForFunction((wanted) => wanted.every((id) => document.getElementById(id)), ids, { timeout: RENDER_TIMEOUT }).catch(() => undefined);
      const missing = await page.evaluate((wanted) => wanted.filter((id) => !document.getElementById(id)), ids);
      broken.push(...missing.map((id) => `#${route}#${id} (no element)`));
    }
    expect(broken).toEqual([]);
    expectClean(tour.watched);
  }, TOUR_TIMEOUT);
});
