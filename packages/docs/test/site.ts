import { existsSync, readFileSync } from 'node:fs';
import { buildSite } from '../scripts/build.ts';
import { distDir, docsDocument, siteFile, siteSpecFile } from '../scripts/paths.ts';

interface DocsTag {
  name: string;
  'x-traitTag'?: boolean;
}

export interface DocsOperation {
  operationId: string;
  summary: string;
  tag: string;
  method: string;
  path: string;
  samples: Array<{ lang: string; label: string; source: string }>;
  requestExample: unknown;
}

export interface DocsDocument {
  tags: DocsTag[];
  'x-tagGroups': Array<{ name: string; tags: string[] }>;
  paths: Record<string, Record<string, Record<string, unknown>>>;
}

export function loadDocsDocument(): DocsDocument {
  return JSON.parse(readFileSync(docsDocument, 'utf8')) as DocsDocument;
}

/** The built site's folder; builds it first when the test runs before `pnpm build` did. */
export function ensureSiteBuilt(): string {
  if (!existsSync(siteFile) || !existsSync(siteSpecFile)) buildSite();
  return distDir;
}

/** Every string in a JSON value: the prose of descriptions, summaries, examples and names. */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => [key, ...stringsOf(item)]);
  return [];
}

export function conceptNames(document: DocsDocument): string[] {
  return document.tags.filter((tag) => tag['x-traitTag']).map((tag) => tag.name);
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

export function operations(document: DocsDocument): DocsOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => {
        const body = operation['requestBody'] as { content?: Record<string, { example?: unknown }> } | undefined;
        return {
          operationId: operation['operationId'] as string,
          summary: operation['summary'] as string,
          tag: (operation['tags'] as string[])[0] as string,
          method,
          path,
          samples: (operation['x-codeSamples'] as DocsOperation['samples'] | undefined) ?? [],
          requestExample: body?.content?.['application/json']?.example,
        };
      }),
  );
}

/** Redoc 3's section id of a tag (`/deposit-addresses`) and of an operation (`/transfers/createtransfer`). */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function tagSectionId(tag: string): string {
  return `/${slug(tag)}`;
}

export function operationSectionId(operation: DocsOperation): string {
  return `/${slug(operation.tag)}/${operation.operationId.toLowerCase()}`;
}
