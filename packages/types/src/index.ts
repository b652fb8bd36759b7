export type { paths, components, operations, webhooks, $defs } from './generated/openapi.js';
export type * from './generated/schemas.js';
export type { Error as ErrorBody } from './generated/schemas.js';
export { operationTable, type OperationId, type OperationFacts } from './generated/operations.js';
export type { Operation, RequestBody, PathParams, QueryParams, SuccessResponse, DocumentedStatus, PageItem } from './helpers.js';
