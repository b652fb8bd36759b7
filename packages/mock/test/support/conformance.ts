import { fileURLToPath } from 'node:url';
import { bundledSpecPath, loadBundledSpec, readErrorCatalog, type OpenApiDocument, type OperationEntry } from '@fortary/codegen-kit';
import { createConformanceChecker } from './response-conformance.js';

/** Checks the API's responses against the bundled spec (see response-conformance.ts for what is checked). */
type Json = Record<string, any>;

const specFile = bundledSpecPath(fileURLToPath(new URL('../..', import.meta.url)));
const document: OpenApiDocument = loadBundledSpec(specFile);
/** The bundled spec, for tests that read it directly. */
export const spec: Json = document;
export const errorCatalog = readErrorCatalog(document, specFile);

const checker = createConformanceChecker(document, { file: specFile, catalog: errorCatalog, unmatchedResponse: '/components/responses/UnexpectedError' });
export const operationsById = new Map<string, OperationEntry & { operation: Json }>(checker.operations.map((entry) => [entry.operationId, entry]));

export interface ObservedResponse {
  /** The operation that answered; null when no operation matched (404 route_not_found, 405). */
  operationId: string | null;
  status: number;
  headers: Headers;
  body: unknown;
}

/** The problems with one response; empty when it conforms. */
export function conformanceProblems(response: ObservedResponse): string[] {
  const operation = response.operationId === null ? null : operationsById.get(response.operationId);
  if (operation === undefined) return [`unknown operationId ${response.operationId}`];
  return checker.problems({ ...response, operation, where: `${response.operationId ?? '(no operation)'} ${response.status}` });
}
