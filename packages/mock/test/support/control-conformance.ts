import { fileURLToPath } from 'node:url';
import { loadBundledSpec, type OpenApiDocument } from '@fortary/codegen-kit';
import { errorCatalog } from './conformance.js';
import { createConformanceChecker } from './response-conformance.js';

/**
 * Checks control-plane responses against the shipped control-plane document (its bundle in dist/,
 * as published), with the API's error catalog: see response-conformance.ts for what is checked.
 * Every control-plane response, matched or not, also carries a valid `X-Request-Id`.
 */
type Json = Record<string, any>;

const controlFile = fileURLToPath(new URL('../../dist/control-plane.openapi.json', import.meta.url));
const document: OpenApiDocument = loadBundledSpec(controlFile);
/** The control plane's bundled document, for tests that read it directly. */
export const controlSpec: Json = document;

const checker = createConformanceChecker(document, { file: controlFile, catalog: errorCatalog, unmatchedResponse: '/components/responses/Error' });
const routes = checker.operations.map((entry) => ({ entry, pattern: new RegExp(`^${entry.path.replace(/\{[^}]+\}/g, '[^/]+')}$`) }));

export function controlProblems(method: string, path: string, status: number, headers: Headers, body: unknown): string[] {
  const where = `${method} ${path} ${status}`;
  const problems: string[] = [];
  const requestId = headers.get('x-request-id');
  if (!requestId || !/^req_[a-z0-9]+$/.test(requestId)) problems.push(`${where}: X-Request-Id ${requestId}`);
  const concrete = path.split('?')[0] as string;
  const route = routes.find(({ entry, pattern }) => entry.method === method.toLowerCase() && pattern.test(concrete));
  problems.push(...checker.problems({ operation: route?.entry ?? null, status, headers, body, where }));
  return problems;
}
