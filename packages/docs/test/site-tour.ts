/**
 * One walk through the whole site in one page at one width: the introduction, every concept
 * page, and every operation with its samples in TypeScript and in curl. Redoc renders only the
 * sections around the one in view, so a section can be checked only while it is shown, and
 * showing one is what costs: each stop therefore runs every check that needs that section, and
 * the tests read what the walk recorded instead of each walking the site again.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { artifacts, chooseSampleLanguage, elementIds, escapeRegExp, inPageLinks, openPage, present, SCREENSHOT_TIMEOUT, showSection, unreadable, type Site, type Watched } from './browser.ts';
import { conceptNames, operations, operationSectionId, tagSectionId, type DocsDocument, type DocsOperation } from './site.ts';

export interface Tour {
  watched: Watched;
  /** What a reader could not see in full at some stop (see `unreadable`). */
  problems: Set<string>;
  /** Checks that found nothing, by the test they belong to: `not found on the page: …`. */
  missing: { concepts: string[]; operations: string[]; samples: string[] };
  /** Every in-page link (`#…`) the page showed at any stop. */
  links: Set<string>;
  /** The sections shown, by id: each was navigated to and rendered. */
  shown: Set<string>;
  /** The ids of the elements seen inside each section, at any stop, by section id. */
  idsIn: Map<string, Set<string>>;
}

export interface TourOptions {
  width: number;
  /**
   * Also check at each stop that the concept page or operation is there with its TypeScript and
   * curl samples, and collect the in-page links and the element ids by section (one width is
   * enough for that).
   */
  contents: boolean;
}

/** Runs `check`, recording its failure in `into` instead of stopping the walk. */
async function record(into: string[], check: Promise<void>): Promise<void> {
  await check.catch((error: Error) => into.push(error.message));
}

/** The longest line of an operation's sample: the one most likely to be cut off at a narrow width. */
function sampleLine(operation: DocsOperation, label: string): string {
  const lines = (operation.samples.find((sample) => sample.label === label)?.source ?? '').split('\n').map((line) => line.trim());
  const longest = lines.reduce((best, line) => (line.length > best.length ? line : best), '');
  if (!longest) throw new Error(`${operation.operationId} has no ${label} sample`);
  return longest;
}

export async function tourSite(site: Site, docs: DocsDocument, { width, contents }: TourOptions): Promise<Tour> {
  const all = operations(docs);
  const concepts = new Set(conceptNames(docs));
  const watched = await openPage(site, width);
  const { page } = watched;
  const tour: Tour = { watched, problems: new Set(), missing: { concepts: [], operations: [], samples: [] }, links: new Set(), shown: new Set(), idsIn: new Map() };
  const panel = (sectionId: string) => page.locator(`[data-section-id="${sectionId}"] .panel-request-samples`);
  const observe = async (sectionId: string) => {
    if (contents) {
      for (const href of await inPageLinks(page)) tour.links.add(href);
      tour.shown.add(sectionId);
      for (const { id, sections } of await elementIds(page)) {
        for (const section of sections) tour.idsIn.set(section, (tour.idsIn.get(section) ?? new Set()).add(id));
      }
    }
    for (const problem of await unreadable(page)) tour.problems.add(problem);
  };
  /** The operation's sample in `label` is the one shown, and what it shows can be read in full. */
  const checkSample = async (operation: DocsOperation, sectionId: string, label: SampleLabel) => {
    // Both languages' samples are in the page (and may share a line); only the chosen one is visible.
    const shown = (text: string) => panel(sectionId).getByText(text).filter({ visible: true });
    await record(tour.missing.samples, present(shown(sampleLine(operation, label)), `${label} sample in ${sectionId}`, 'visible'));
    if (contents) await record(tour.missing.operations, present(shown(SAMPLE_MARK[label](operation)), `${label} sample of ${operation.operationId}`, 'visible'));
    await observe(sectionId);
  };

  if (contents) {
    const sidebar = page.locator('nav, [data-component-name*="Sidebar"], [data-component-name*="Menu"]').first();
    for (const group of docs['x-tagGroups']) await record(tour.missing.concepts, present(sidebar.getByText(group.name, { exact: true }), `sidebar group ${group.name}`, 'visible'));
  }

  await showSection(page, '/');
  await observe('/');
  for (const name of concepts) {
    const sectionId = tagSectionId(name);
    await showSection(page, sectionId);
    if (contents) {
      const section = page.locator(`[data-section-id="${sectionId}"]`).first();
      await record(tour.missing.concepts, present(section.locator('h1, h2').filter({ hasText: new RegExp(`^${escapeRegExp(name)}$`) }), `heading of concept page ${name}`));
    }
    await observe(sectionId);
  }

  // Showing a section is what costs, and the language choice is shared by every sample panel:
  // each operation is shown once, checked in the language in view, then switched to the other
  // language and checked again, so the next operation starts in that one.
  mkdirSync(artifacts, { recursive: true });
  let [inView, other]: [SampleLabel, SampleLabel] = ['TypeScript', 'curl']; // TypeScript is shown first
  for (const operation of all) {
    const sectionId = operationSectionId(operation);
    await showSection(page, sectionId);
    if (contents) {
      const section = page.locator(`[data-section-id="${sectionId}"]`).first();
      await record(tour.missing.operations, present(section.getByText(operation.summary, { exact: true }), `summary of ${operation.operationId}`));
    }
    const screenshots = operation.operationId === 'createTransfer';
    await checkSample(operation, sectionId, inView);
    if (screenshots) await screenshotSamples(page, sectionId, `samples-${inView.toLowerCase()}-${width}.png`, `create-transfer-${width}.png`);
    await chooseSampleLanguage(page, sectionId, inView, other, operation === all[0] ? 'reader' : 'script');
    await checkSample(operation, sectionId, other);
    if (screenshots) await screenshotSamples(page, sectionId, `samples-${other.toLowerCase()}-${width}.png`);
    [inView, other] = [other, inView];
  }
  return tour;
}

type SampleLabel = 'TypeScript' | 'curl';

/** Text that only the operation's own sample in that language shows. */
const SAMPLE_MARK: Record<SampleLabel, (operation: DocsOperation) => string> = {
  TypeScript: (operation) => `fortary.${operation.method.toUpperCase()}('${operation.path}'`,
  curl: () => 'Authorization: Bearer $FORTARY_API_KEY',
};

/** Saves the sample panel, and with `page` also the window, as the reader sees them. */
async function screenshotSamples(page: Page, sectionId: string, name: string, pageName?: string): Promise<void> {
  const panel = page.locator(`[data-section-id="${sectionId}"] .panel-request-samples`);
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: join(artifacts, name), timeout: SCREENSHOT_TIMEOUT });
  if (pageName) await page.screenshot({ path: join(artifacts, pageName), timeout: SCREENSHOT_TIMEOUT });
}
