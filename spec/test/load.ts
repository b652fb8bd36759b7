import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const specDir = fileURLToPath(new URL('..', import.meta.url));
export const sourcePath = `${specDir}openapi.yaml`;
export const bundlePath = `${specDir}dist/openapi.json`;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function loadBundle(): Record<string, any> {
  return JSON.parse(readFileSync(bundlePath, 'utf8'));
}
