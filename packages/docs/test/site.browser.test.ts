/**
 * The built site in a real browser: Debian's chromium driven by playwright-core (never a
 * downloaded browser). Every request that leaves the page's own origin is blocked and recorded,
 * and every request that fails or answers an error status (a missing favicon, say) is recorded.
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageDir, SITE_SPEC_NAME } from '../scripts/paths.ts';
import { serveSite } from '../scripts/server.ts';
import { conceptNames, ensureSiteBuilt, loadDocsDocument, operations, operationSectionId, stringsOf, tagSectionId, type DocsDocument } from './site.ts';

// Debian's chromium by default; CHROMIUM_PATH points elsewhere on images that ship Chrome.
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const artifacts = join(packageDir, 'test-artifacts');
// How long to wait for Redoc to render something. Only an upper bound: on a machine that is busy
// with other builds, rendering a section can take several seconds.
const RENDER_TIMEOUT = 20_000;

const docs = loadDocsDocument();
let browser: Browser;
let server: Server;
let siteUrl: string;

interface Watched {
  page: Page;
  outside: string[];
  /** Same-origin requests that failed or answered 4xx/5xx, e.g. `404 /favicon.ico`. */
  failed: string[];
  consoleErrors: string[];
}

/** A fresh page that blocks and records outside requests and collects failures and console errors. */
async function openPage(hash = '', width = 1280): Promise<Watched> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const origin = new URL(siteUrl).origin;
  const watched: Watched = { page, outside: [], failed: [], consoleErrors: [] };
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    watched.outside.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('requestfailed', (request) => {
    if (!watched.outside.includes(request.url())) watched.failed.push(`${request.failure()?.errorText ?? 'failed'} ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) watched.failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') watched.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watched.consoleErrors.push(`uncaught: ${error.message}`));
  await page.goto(`${siteUrl}${hash}`, { waitUntil: 'networkidle' });
  return watched;
}

/** The page is clean: nothing from outside, nothing failed, nothing in the console. */
function expectClean({ outside, failed, consoleErrors }: Watched): void {
  expect(outside).toEqual([]);
  expect(failed).toEqual([]);
  expect(consoleErrors).toEqual([]);
}

/** Navigates within the page by hash and waits for Redoc to render that section. */
async function showSection(page: Page, sectionId: string): Promise<void> {
  await page.evaluate((hash) => { window.location.hash = hash; }, `#${sectionId}`);
  await page.locator(`[data-section-id="${sectionId}"]`).first().waitFor({ state: "attached", timeout: RENDER_TIMEOUT });
}

/** Waits for the locator's first match, failing with `what` instead of a bare timeout. */
async function present(locator: Locator, what: string, state: 'attached' | 'visible' = 'attached'): Promise<void> {
  try {
    await locator.first().waitFor({ state, timeout: RENDER_TIMEOUT });
  } catch {
    throw new Error(`not found on the page: ${what}`);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function inPageLinks(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('a[href^="#"]')].map((anchor) => anchor.getAttribute('href') ?? ''));
}

/**
 * What a reader cannot see in full: the page scrolling sideways, any element whose content is
 * wider than its box (cut off, hidden behind an ellipsis or behind a scrollbar most systems do
 * not show), and Markdown that was not rendered (a backtick or a `[ ]` outside code).
 */
async function unreadable(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const describe = (element: Element) => {
      const component = element.closest('[data-component-name]')?.getAttribute('data-component-name') ?? '?';
      const section = element.closest('[data-section-id]')?.getAttribute('data-section-id') ?? 'page';
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
      return `${element.tagName.toLowerCase()} in ${component} (${section}) ${element.scrollWidth}>${element.clientWidth}px: ${text}`;
    };
    const found: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}>${window.innerWidth}px`);
    for (const element of document.querySelectorAll('body *')) {
      if (!(element instanceof HTMLElement) || element.clientWidth === 0) continue;
      if (element.scrollWidth > element.clientWidth + 1) found.push(`clipped: ${describe(element)}`);
    }
    // Markdown that reached the reader as text: code spans, task-list boxes, emphasis, links.
    const rawMarkdown = /`|\[[ x]\] |\*\*|\]\(/;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const match = rawMarkdown.exec(node.textContent ?? '');
      if (!match || node.parentElement?.closest('pre, code, script, style, textarea')) continue;
      found.push(`raw Markdown ${match[0]}: ${describe(node.parentElement as Element)}`);
    }
    return found;
  });
}

/** Switches every sample panel to `label` (the choice is shared by all operations). */
async function chooseSampleLanguage(page: Page, sectionId: string, from: string, label: string): Promise<void> {
  await showSection(page, sectionId);
  const panel = page.locator(`[data-section-id="${sectionId}"] .panel-request-samples`);
  await panel.locator('[data-testid="dropdown"] > button').filter({ hasText: from }).first().click();
  await page.getByRole('menuitem').filter({ hasText: new RegExp(`^${escapeRegExp(label)}$`) }).first().click(); // the menu opens in a portal
}

beforeAll(async () => {
  ({ server, url: siteUrl } = await serveSite(ensureSiteBuilt()));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('the docs site in headless Chromium', () => {
  const links = new Set<string>();

  it('loads with zero outside requests and no console errors, and saves a full-page screenshot', async () => {
    const watched = await openPage();
    const { page } = watched;
    await page.waitForTimeout(1_000); // Redoc renders the footer logo after its first paint
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'docs-full-page.png'), fullPage: true });
    await showSection(page, operations(docs).find((operation) => operation.operationId === 'createTransfer') ? '/transfers/createtransfer' : '/');
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(artifacts, 'docs-create-transfer.png'), fullPage: false });
    expectClean(watched);
    await page.close();
  });

  it('has a section for every concept page, under its own sidebar group', async () => {
    const concepts = conceptNames(docs);
    expect(concepts.length).toBeGreaterThanOrEqual(9);
    const watched = await openPage();
    const { page } = watched;
    const sidebar = page.locator('nav, [data-component-name*="Sidebar"], [data-component-name*="Menu"]').first();
    for (const group of docs["x-tagGroups"]) await sidebar.getByText(group.name, { exact: true }).first().waitFor({ state: 'visible', timeout: RENDER_TIMEOUT });
    for (const name of concepts) {
      await showSection(page, tagSectionId(name));
      const section = page.locator(`[data-section-id="${tagSectionId(name)}"]`).first();
      await present(section.locator('h1, h2').filter({ hasText: new RegExp(`^${escapeRegExp(name)}$`) }), `heading of concept page ${name}`);
      for (const href of await inPageLinks(page)) links.add(href);
    }
    expectClean(watched);
    await page.close();
  });

  it('has a section for every operation, with its TypeScript and curl samples', async () => {
    const all = operations(docs);
    expect(all.length).toBeGreaterThan(0);
    const watched = await openPage();
    const { page } = watched;
    const sampleText = async (operation: (typeof all)[number], text: string, what: string) => {
      await showSection(page, operationSectionId(operation));
      const samples = page.locator(`[data-section-id="${operationSectionId(operation)}"] .panel-request-samples`);
      await present(samples.getByText(text), `${what} of ${operation.operationId}`);
    };
    for (const operation of all) {
      await showSection(page, operationSectionId(operation));
      const section = page.locator(`[data-section-id="${operationSectionId(operation)}"]`).first();
      await present(section.getByText(operation.summary, { exact: true }), `summary of ${operation.operationId}`);
      // TypeScript is the language shown first.
      await sampleText(operation, `fortary.${operation.method.toUpperCase()}('${operation.path}'`, 'TypeScript sample');
      for (const href of await inPageLinks(page)) links.add(href);
    }
    // Switching the language once switches every operation's sample panel to curl.
    await chooseSampleLanguage(page, operationSectionId(all[0] as (typeof all)[number]), 'TypeScript', 'curl');
    for (const operation of all) {
      await sampleText(operation, 'Authorization: Bearer $FORTARY_API_KEY', 'curl sample');
    }
    expectClean(watched);
    await page.close();
  });

  it('finds vault with the search box', async () => {
    const watched = await openPage();
    const { page } = watched;
    await page.getByTestId('search-trigger').click();
    const dialog = page.getByTestId('search-dialog');
    await dialog.waitFor({ state: 'visible', timeout: RENDER_TIMEOUT });
    const input = dialog.locator('input');
    await input.fill('vault');
    // The search index covers operations and tags: `vault` must find the vault operations.
    await present(dialog.getByText('Get a vault', { exact: true }), 'search result for getVault', 'visible');
    await present(dialog.getByText('Create a vault', { exact: true }), 'search result for createVault', 'visible');
    // A term that matches nothing must clear them, so the check above cannot pass by accident.
    await input.fill('zzqxnomatch');
    await dialog.getByText('Get a vault', { exact: true }).first().waitFor({ state: 'detached', timeout: RENDER_TIMEOUT });
    expectClean(watched);
    await page.close();
  });

  it('declares an inline favicon, so no request for /favicon.ico fails', async () => {
    const watched = await openPage();
    const { page } = watched;
    // The browser asks for the icon after the page has loaded.
    await page.waitForTimeout(1_000);
    const icon = await page.locator('head link[rel="icon"]').getAttribute('href');
    expect(icon).toMatch(/^data:image\/svg\+xml,/);
    expectClean(watched);
    await page.close();
  });

  for (const width of [1440, 390]) {
    it(`shows every section in full at ${width} px: nothing clipped, no raw Markdown, in TypeScript and in curl`, async () => {
      const all = operations(docs);
      const sections = ['/', ...conceptNames(docs).map(tagSectionId), ...all.map(operationSectionId)];
      const watched = await openPage('', width);
      const { page } = watched;
      const problems = new Set<string>();
      const visit = async (sectionId: string, sample?: string) => {
        await showSection(page, sectionId);
        if (sample) await present(page.locator(`[data-section-id="${sectionId}"] .panel-request-samples`).getByText(sample), `sample in ${sectionId}`);
        for (const problem of await unreadable(page)) problems.add(problem);
      };
      for (const sectionId of sections) await visit(sectionId);
      const sampleLine = (operation: (typeof all)[number], label: string) =>
        (operation.samples.find((sample) => sample.label === label)?.source ?? '').split('\n').find((line) => line.length > 40) ?? '';
      const createTransfer = all.find((operation) => operation.operationId === 'createTransfer') as (typeof all)[number];
      const panel = page.locator(`[data-section-id="${operationSectionId(createTransfer)}"] .panel-request-samples`);
      mkdirSync(artifacts, { recursive: true });
      await showSection(page, operationSectionId(createTransfer));
      await panel.scrollIntoViewIfNeeded();
      await panel.screenshot({ path: join(artifacts, `samples-typescript-${width}.png`) });
      await page.screenshot({ path: join(artifacts, `create-transfer-${width}.png`) });
      await chooseSampleLanguage(page, operationSectionId(createTransfer), 'TypeScript', 'curl');
      for (const operation of all) await visit(operationSectionId(operation), sampleLine(operation, 'curl'));
      await showSection(page, operationSectionId(createTransfer));
      await panel.scrollIntoViewIfNeeded();
      await panel.screenshot({ path: join(artifacts, `samples-curl-${width}.png`) });
      expect([...problems]).toEqual([]);
      expectClean(watched);
      await page.close();
    }, 300_000);
  }

  it('shows search results with the spaces of the text they quote', async () => {
    const watched = await openPage();
    const { page } = watched;
    await page.getByTestId('search-trigger').click();
    const dialog = page.getByTestId('search-dialog');
    await dialog.waitFor({ state: 'visible', timeout: RENDER_TIMEOUT });
    await dialog.locator('input').fill('transfer');
    await present(dialog.getByText('Create a transfer', { exact: true }), 'search result for createTransfer', 'visible');
    const results = await dialog.locator('[data-component-name="Search/SearchItem"]').allInnerTexts();
    await page.screenshot({ path: join(artifacts, 'search-transfer.png') });
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
    await page.close();
  });

  it('links the published spec, which loads from the site and has both samples on every operation', async () => {
    const watched = await openPage();
    const { page } = watched;
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
    await page.close();
  });

  it('resolves every in-page anchor link to a rendered section or element', async () => {
    // Filled by the two section tests above, which visit every page of the site.
    expect(links.size).toBeGreaterThan(conceptNames(docs).length);
    const watched = await openPage();
    const { page } = watched;
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
      try {
        await showSection(page, decodeURIComponent(route));
      } catch {
        broken.push(`#${route} (no section)`);
        continue;
      }
      const ids = [...elements];
      // The section's inner parts render a moment after its frame.
      await page.waitForFunction((wanted) => wanted.every((id) => document.getElementById(id)), ids, { timeout: RENDER_TIMEOUT }).catch(() => undefined);
      const missing = await page.evaluate((wanted) => wanted.filter((id) => !document.getElementById(id)), ids);
      broken.push(...missing.map((id) => `#${route}#${id} (no element)`));
    }
    expect(broken).toEqual([]);
    expectClean(watched);
    await page.close();
  });
});
