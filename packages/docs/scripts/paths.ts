import { join } from 'node:path';

/** The folders and files of @fortary/docs, independent of the working directory. */
export const packageDir = new URL('..', import.meta.url).pathname;
export const docsDocument = join(packageDir, 'src/generated/openapi.docs.json');
export const distDir = join(packageDir, 'dist');
export const siteFile = join(distDir, 'index.html');
