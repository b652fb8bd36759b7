import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { LocatedError } from './located-error.ts';

/** The part of an OpenAPI 3.1 document the generators read. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

/** Where `@fortary/spec`'s bundle is, seen from the package in `fromDir`. */
export function bundledSpecPath(fromDir: string = process.cwd()): string {
  return createRequire(join(fromDir, 'package.json')).resolve('@fortary/spec/openapi.json');
}

/** Reads the bundled spec; a missing, unreadable or non-OpenAPI file is a LocatedError. */
export function loadBundledSpec(file: string = bundledSpecPath()): OpenApiDocument {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new LocatedError({ file }, `cannot read the bundled spec (${(error as Error).message}); run \`pnpm bundle\` first`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new LocatedError({ file }, `the bundled spec is not valid JSON: ${(error as Error).message}`);
  }
  const document = value as Partial<OpenApiDocument> | null;
  if (!document || typeof document !== 'object' || typeof document.openapi !== 'string' || !document.openapi.startsWith('3.1')) {
    throw new LocatedError({ file, pointer: '/openapi' }, 'expected an OpenAPI 3.1 document');
  }
  if (!document.paths || typeof document.paths !== 'object') {
    throw new LocatedError({ file, pointer: '/paths' }, 'the document has no paths');
  }
  return document as OpenApiDocument;
}
