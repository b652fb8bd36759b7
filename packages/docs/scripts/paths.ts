import { join } from 'node:path';

/** The folders and files of @fortary/docs, independent of the working directory. */
export const packageDir = new URL('..', import.meta.url).pathname;
export const generatedDir = join(packageDir, 'src/generated');
/** What Redoc renders: the spec with code samples and the concept pages. */
export const docsDocument = join(generatedDir, 'openapi.docs.json');
/** The spec published for other tools: the bundle with code samples as `x-codeSamples`. */
export const publishedSpec = join(generatedDir, 'openapi.json');
export const distDir = join(packageDir, 'dist');
export const siteFile = join(distDir, 'index.html');
/** Where the published spec sits in the site, beside the page that links to it. */
export const SITE_SPEC_NAME = 'openapi.json';
export const siteSpecFile = join(distDir, SITE_SPEC_NAME);
