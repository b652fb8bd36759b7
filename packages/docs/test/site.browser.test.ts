/**
 * The built site in a real browser: Debian's chromium driven by playwright-core (never a
 * downloaded browser). Every request that leaves the page's own origin is blocked and recorded.
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageDir } from '../scripts/paths.ts';
import { serveSite } from '../scripts/server.ts';
import { conceptNames, loadDocsDocument, loadSiteHtml, operations, operationSectionId, tagSectionId } from './site.ts';

// Debian's chromium by default; CHROMIUM_PATH points elsewhere on images that ship Chrome.
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const artifacts = join(packageDir, 'test-artifacts');

const docs = loadDocsDocument();
let browser: Browser;
let server: Server;
let siteUrl: string;

interface Watched {
  page: Page;
  outside: string[];
  consoleErrors: string[];
}

/** A fresh page that blocks and records outside requests and collects console errors. */
async function openPage(hash = ''): Promise<Watched> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const origin = new URL(siteUrl).origin;
  const watched: Watched = { page, outside: [], consoleErrors: [] };
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    watched.outside.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('console', (message) => {
    if (message.type() === 'error') watched.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watched.consoleErrors.push(`uncaught: ${error.message}`));
  await page.goto(`${siteUrl}${hash}`, { waitUntil: 'networkidle' });
  return watched;
}

/** Navigates within the page by hash and waits for Redoc to render that section. */
async function showSection(page: Page, sectionId: string): Promise<void> {
  await page.evaluate((hash) => { window.location.hash = hash; }, `#${sectionId}`);
  await page.locator(`[data-section-id="${sectionId}"]`).first().waitFor({ state: "attached", timeout: 5_000 });
}

/** Waits for the locator's first match, failing with `what` instead of a bare timeout. */
async function present(locator: Locator, what: string, state: 'attached' | 'visible' = 'attached'): Promise<void> {
  try {
    await locator.first().waitFor({ state, timeout: 5_000 });
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

beforeAll(async () => {
  ({ server, url: siteUrl } = await serveSite(loadSiteHtml()));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('the docs site in headless Chromium', () => {
  const links = new Set<string>();

  it('loads with zero outside requests and no console errors, and saves a full-page screenshot', async () => {
    const { page, outside, consoleErrors } = await openPage();
    await page.waitForTimeout(1_000); // Redoc renders the footer logo after its first paint
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'docs-full-page.png'), fullPage: true });
    await showSection(page, operations(docs).find((operation) => operation.operationId === 'createTransfer') ? '/transfers/createtransfer' : '/');
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(artifacts, 'docs-create-transfer.png'), fullPage: false });
    expect(outside).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('has a section for every concept page, under its own sidebar group', async () => {
    const concepts = conceptNames(docs);
    expect(concepts.length).toBeGreaterThanOrEqual(9);
    const { page, outside, consoleErrors } = await openPage();
    const sidebar = page.locator('nav, [data-component-name*="Sidebar"], [data-component-name*="Menu"]').first();
    for (const group of docs["x-tagGroups"]) await sidebar.getByText(group.name, { exact: true }).first().waitFor({ state: 'visible', timeout: 5_000 });
    for (const name of concepts) {
      await showSection(page, tagSectionId(name));
      const section = page.locator(`[data-section-id="${tagSectionId(name)}"]`).first();
      await present(section.locator('h1, h2').filter({ hasText: new RegExp(`^${escapeRegExp(name)}$`) }), `heading of concept page ${name}`);
      for (const href of await inPageLinks(page)) links.add(href);
    }
    expect(outside).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('has a section for every operation, with its TypeScript and curl samples', async () => {
    const all = operations(docs);
    expect(all.length).toBeGreaterThan(0);
    const { page, outside, consoleErrors } = await openPage();
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
    const first = all[0] as (typeof all)[number];
    await showSection(page, operationSectionId(first));
    const panel = page.locator(`[data-section-id="${operationSectionId(first)}"] .panel-request-samples`);
    await panel.locator('[data-testid="dropdown"] > button').filter({ hasText: 'TypeScript' }).first().click();
    await page.getByRole('menuitem').filter({ hasText: /^curl$/ }).first().click(); // the menu opens in a portal
    for (const operation of all) {
      await sampleText(operation, 'Authorization: Bearer $FORTARY_API_KEY', 'curl sample');
    }
    expect(outside).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('finds vault with the search box', async () => {
    const { page, outside, consoleErrors } = await openPage();
    await page.getByTestId('search-trigger').click();
    const dialog = page.getByTestId('search-dialog');
    await dialog.waitFor({ state: 'visible', timeout: 5_000 });
    const input = dialog.locator('input');
    await input.fill('vault');
    // The search index covers operations and tags: `vault` must find the vault operations.
    await present(dialog.getByText('Get a vault', { exact: true }), 'search result for getVault', 'visible');
    await present(dialog.getByText('Create a vault', { exact: true }), 'search result for createVault', 'visible');
    // A term that matches nothing must clear them, so the check above cannot pass by accident.
    await input.fill('zzqxnomatch');
    await dialog.getByText('Get a vault', { exact: true }).first().waitFor({ state: 'detached', timeout: 5_000 });
    expect(outside).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('resolves every in-page anchor link to a rendered section or element', async () => {
    // Filled by the two section tests above, which visit every page of the site.
    expect(links.size).toBeGreaterThan(conceptNames(docs).length);
    const { page, outside, consoleErrors } = await openPage();
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
      await page.waitForFunction((wanted) => wanted.every((id) => document.getElementById(id)), ids, { timeout: 5_000 }).catch(() => undefined);
      const missing = await page.evaluate((wanted) => wanted.filter((id) => !document.getElementById(id)), ids);
      broken.push(...missing.map((id) => `#${route}#${id} (no element)`));
    }
    expect(broken).toEqual([]);
    expect(outside).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
