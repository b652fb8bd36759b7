import { loadBundledSpec } from '@fortary/codegen-kit';
import { fileURLToPath } from 'node:url';

export const specDir = fileURLToPath(new URL('..', import.meta.url));
export const sourcePath = `${specDir}openapi.yaml`;
export const bundlePath = `${specDir}dist/openapi.json`;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The bundle, read by the kit: a missing or non-OpenAPI-3.1 file is an error that says to run `pnpm bundle`. */
export function loadBundle(): Record<string, any> {
  return loadBundledSpec(bundlePath);
}
