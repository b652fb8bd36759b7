/**
 * One walk through the whole site in one page at one width: every section in TypeScript, then
 * every operation again after switching the samples to curl. Redoc renders only the sections
 * around the one in view, so a section can be checked only while it is shown, and showing one
 * is what costs: each stop therefore runs every check that needs that section, and the tests
 * read what the walk recorded instead of each walking the site again.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { artifacts, chooseSampleLanguage, elementIds, escapeRegExp, inPageLinks, openPage, present, showSection, unreadable, type Site, type Watched } from './browser.ts';
import { conceptNames, operations, operationSectionId, tagSectionId, type DocsDocument, type DocsOperation } from './site.ts';

export interface Tour {
  watched: Watched;
  /** What a reader could not see in full at some stop (see `unreadable`). */
  problems: Set<string>;
  /** Checks that found nothing, by the test they belong to: `not found on the page: …`. */
  missing: { concepts: string[]; operations: string[]; samples: string[] };
  /** Every in-page link (`#…`) the page showed at the concept pages and the operations in TypeScript. */
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

/** The first line of an operation's sample long enough to wrap at a narrow width. */
function sampleLine(operation: DocsOperation, label: string): string {
  return (operation.samples.find((sample) => sample.label === label)?.source ?? '').split('\n').find((line) => line.length > 40) ?? '';
}

export async function tourSite(site: Site, docs: DocsDocument, { width, contents }: TourOptions): Promise<Tour> {
  const all = operations(docs);
  const concepts = new Set(conceptNames(docs));
  const watched = await openPage(site, width);
  const { page } = watched;
  const tour: Tour = { watched, problems: new Set(), missing: { concepts: [], operations: [], samples: [] }, links: new Set(), shown: new Set(), idsIn: new Map() };
  const panel = (sectionId: string) => page.locator(`[data-section-id="${sectionId}"] .panel-request-samples`);
  const observe = async (sectionId: string, collectLinks = false) => {
    if (contents) {
      if (collectLinks) for (const href of await inPageLinks(page)) tour.links.add(href);
      tour.shown.add(sectionId);
      for (const { id, sections } of await elementIds(page)) {
        for (const section of sections) tour.idsIn.set(section, (tour.idsIn.get(section) ?? new Set()).add(id));
      }
    }
    for (const problem of await unreadable(page)) tour.problems.add(problem);
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
    await observe(sectionId, true);
  }
  for (const operation of all) {
    const sectionId = operationSectionId(operation);
    await showSection(page, sectionId);
    if (contents) {
      const section = page.locator(`[data-section-id="${sectionId}"]`).first();
      await record(tour.missing.operations, present(section.getByText(operation.summary, { exact: true }), `summary of ${operation.operationId}`));
      // TypeScript is the language shown first.
      await record(tour.missing.operations, present(panel(sectionId).getByText(`fortary.${operation.method.toUpperCase()}('${operation.path}'`), `TypeScript sample of ${operation.operationId}`));
    }
    await observe(sectionId, true);
  }

  const createTransfer = operationSectionId(all.find((operation) => operation.operationId === 'createTransfer') as DocsOperation);
  mkdirSync(artifacts, { recursive: true });
  await screenshotSamples(page, createTransfer, `samples-typescript-${width}.png`);
  await page.screenshot({ path: join(artifacts, `create-transfer-${width}.png`) });

  // Switching the language once switches every operation's sample panel to curl.
  await chooseSampleLanguage(page, createTransfer, 'TypeScript', 'curl');
  for (const operation of all) {
    const sectionId = operationSectionId(operation);
    await showSection(page, sectionId);
    await record(tour.missing.samples, present(panel(sectionId).getByText(sampleLine(operation, 'curl')), `sample in ${sectionId}`));
    if (contents) await record(tour.missing.operations, present(panel(sectionId).getByText('Authorization: Bearer $FORTARY_API_KEY'), `curl sample of ${operation.operationId}`));
    await observe(sectionId);
  }
  await screenshotSamples(page, createTransfer, `samples-curl-${width}.png`);
  return tour;
}

async function screenshotSamples(page: Page, sectionId: string, name: string): Promise<void> {
  await showSection(page, sectionId);
  const panel = page.locator(`[data-section-id="${sectionId}"] .panel-request-samples`);
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: join(artifacts, name) });
}
