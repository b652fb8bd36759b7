import type { operations } from './generated/openapi.js';

/**
 * Helpers that name the parts of one operation by its operationId, so integrators write
 * `RequestBody<'createTransfer'>` instead of indexing deep into `operations`.
 */
export type Operation<Id extends keyof operations> = operations[Id];

type JsonContent<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON body the operation accepts (`never` when it takes none). */
export type RequestBody<Id extends keyof operations> = operations[Id] extends { requestBody: infer Body }
  ? JsonContent<NonNullable<Body>>
  : never;

/** The path parameters of the operation. */
export type PathParams<Id extends keyof operations> = operations[Id]['parameters'] extends { path: infer P }
  ? NonNullable<P>
  : never;

/** The query parameters of the operation. */
export type QueryParams<Id extends keyof operations> = operations[Id]['parameters'] extends { query?: infer Q }
  ? NonNullable<Q>
  : never;

type SuccessStatus = 200 | 201 | 202 | 204;

/** The JSON body of the operation's success response. */
export type SuccessResponse<Id extends keyof operations> = {
  [S in keyof operations[Id]['responses']]: S extends SuccessStatus ? JsonContent<operations[Id]['responses'][S]> : never;
}[keyof operations[Id]['responses']];

/** The statuses the operation documents, `default` aside. */
export type DocumentedStatus<Id extends keyof operations> = Exclude<keyof operations[Id]['responses'], 'default'>;

/** The item type of a list operation's page. */
export type PageItem<Id extends keyof operations> = SuccessResponse<Id> extends { data: Array<infer Item> } ? Item : never;
