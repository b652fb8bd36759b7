/**
 * The built site in a real browser: Debian's chromium driven by playwright-core (never a
 * downloaded browser). Every request that leaves the page's own origin is blocked and recorded,
 * and every request that fails or answers an error status (a missing favicon, say) is recorded.
 */
import type { Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { packageDir } from '../scripts/paths.ts';
import { serveSite } from '../scripts/server.ts';
import { ensureSiteBuilt } from './site.ts';

// Debian's chromium by default; CHROMIUM_PATH points elsewhere on images that ship Chrome.
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const artifacts = join(packageDir, 'test-artifacts');
// How long to wait for Redoc to render something, and for Chromium to take a screenshot. Only
// upper bounds: on a machine that is busy with other builds and tests, rendering a section can
// take many seconds, and a test that fails there says nothing about the site.
export const RENDER_TIMEOUT = 60_000;
export const SCREENSHOT_TIMEOUT = 120_000;

/** The built site on a local server, and the browser that reads it. */
export interface Site {
  browser: Browser;
  url: string;
  close(): Promise<void>;
}

export async function openSite(): Promise<Site> {
  const { server, url } = await serveSite(ensureSiteBuilt());
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    browser,
    url,
    async close() {
      await browser.close();
      await new Promise((resolve) => (server as Server).close(resolve));
    },
  };
}

export interface Watched {
  page: Page;
  /** When the page finished loading (`Date.now()`). */
  loadedAt: number;
  outside: string[];
  /** Same-origin requests that failed or answered 4xx/5xx, e.g. `404 /favicon.ico`. */
  failed: string[];
  consoleErrors: string[];
}

/** A fresh page that blocks and records outside requests and collects failures and console errors. */
export async function openPage(site: Site, width = 1280): Promise<Watched> {
  const page = await site.browser.newPage({ viewport: { width, height: 900 } });
  const origin = new URL(site.url).origin;
  const watched: Watched = { page, loadedAt: 0, outside: [], failed: [], consoleErrors: [] };
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
  await page.goto(site.url, { waitUntil: 'networkidle' });
  watched.loadedAt = Date.now();
  return watched;
}

/** Navigates within the page by hash and waits for Redoc to render that section. */
export async function showSection(page: Page, sectionId: string): Promise<void> {
  await page.evaluate((hash) => { window.location.hash = hash; }, `#${sectionId}`);
  await page.locator(`[data-section-id="${sectionId}"]`).first().waitFor({ state: 'attached', timeout: RENDER_TIMEOUT });
}

/** Waits for the locator's first match, failing with `what` instead of a bare timeout. */
export async function present(locator: Locator, what: string, state: 'attached' | 'visible' = 'attached'): Promise<void> {
  try {
    await locator.first().waitFor({ state, timeout: RENDER_TIMEOUT });
  } catch {
    throw new Error(`not found on the page: ${what}`);
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function inPageLinks(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('a[href^="#"]')].map((anchor) => anchor.getAttribute('href') ?? ''));
}

/** The id of every element in the document, with the sections (`data-section-id`) it is inside. */
export async function elementIds(page: Page): Promise<Array<{ id: string; sections: string[] }>> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[id]')].map((element) => {
      const sections: string[] = [];
      for (let section = element.closest('[data-section-id]'); section; section = section.parentElement?.closest('[data-section-id]') ?? null) {
        sections.push(section.getAttribute('data-section-id') ?? '');
      }
      return { id: element.id, sections };
    }),
  );
}

/**
 * What a reader cannot see in full: the page scrolling sideways, any element whose content is
 * wider than its box (cut off, hidden behind an ellipsis or behind a scrollbar most systems do
 * not show), and Markdown that was not rendered (a backtick or a `[ ]` outside code).
 */
export async function unreadable(page: Page): Promise<string[]> {
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

/**
 * Switches every sample panel to `label` (the choice is shared by all operations) through the
 * panel's language menu. `as: 'reader'` clicks as a reader does, with playwright's checks that
 * the button and the menu item are visible, still and reachable; `as: 'script'` sends the same
 * clicks straight to the elements, for a walk that switches at every stop once a reader's
 * switch has been shown to work.
 */
export async function chooseSampleLanguage(page: Page, sectionId: string, from: string, label: string, as: 'reader' | 'script' = 'reader'): Promise<void> {
  await showSection(page, sectionId);
  const panel = page.locator(`[data-section-id="${sectionId}"] .panel-request-samples`);
  const button = panel.locator('[data-testid="dropdown"] > button').filter({ hasText: from }).first();
  const item = page.getByRole('menuitem').filter({ hasText: new RegExp(`^${escapeRegExp(label)}$`) }).first(); // the menu opens in a portal
  if (as === 'script') {
    await button.dispatchEvent('click', undefined, { timeout: RENDER_TIMEOUT });
    await item.dispatchEvent('click', undefined, { timeout: RENDER_TIMEOUT });
    return;
  }
  // The menu opens below its button, fixed to the window: a button at the bottom edge of the
  // window (where scrolling it into view leaves it) would open a menu nobody can reach.
  await button.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await button.click();
  await item.click();
}
