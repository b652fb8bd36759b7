/**
 * Compile-time check, run by `tsc -p tsconfig.json` in the test script: for every component
 * schema and every operation's JSON response, the type zod infers from the response schema
 * equals the @fortary/types type, once the deliberate tolerance is set aside (the index
 * signature of loose objects and the `string & {}` member of growing enums). A drift names the
 * component or operation in the compiler error.
 */
import type { z } from 'zod';
import type { components, operations } from '@fortary/types';
import type { operationSchemas, requestSchemas, responseSchemas } from '../src/index.ts';

type Equal<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;

/** The fallback member of a discriminated union: its discriminator is `string & {}` (a value not known yet). */
type FallbackFlags<T> = { [K in keyof T as string extends K ? never : K]-?: Equal<T[K], string & {}> };
type IsFallback<T> = true extends FallbackFlags<T>[keyof FallbackFlags<T>] ? true : false;

/**
 * A response type without its tolerance: the shape the spec describes today (no index signature
 * of loose objects, no `string & {}` of growing enums, no fallback member for unknown event types).
 */
type Known<T> = T extends unknown
  ? Equal<T, string & {}> extends true
    ? never
    : T extends readonly (infer Item)[]
      ? Known<Item>[]
      : T extends object
        ? IsFallback<T> extends true
          ? never
          : { [K in keyof T as string extends K ? never : K]: Known<T[K]> }
        : T
  : never;

type ComponentName = keyof components['schemas'];

// The same component names on both sides.
const sameComponentNames: Equal<keyof typeof responseSchemas, ComponentName> = true;
const sameRequestNames: Equal<keyof typeof requestSchemas, ComponentName> = true;

/** The components whose inferred response type drifted from @fortary/types (never when none). */
type ComponentDrift = {
  [K in ComponentName]: Equal<Known<z.output<(typeof responseSchemas)[K]>>, Known<components['schemas'][K]>> extends true ? never : K;
}[ComponentName];
// An error here lists the drifted components as the missing properties.
const noComponentDrift: { [K in ComponentDrift]: 'drifted from @fortary/types' } = {};

type JsonBody<R> = R extends { content: { 'application/json': infer Body } } ? Body : undefined;
type OperationId = keyof operations & keyof typeof operationSchemas;

/** `operationId status` of each response body whose inferred type drifted (never when none). */
type ResponseDrift = {
  [Id in OperationId]: {
    [S in keyof operations[Id]['responses'] & (string | number)]: `${S}` extends keyof (typeof operationSchemas)[Id]['responses']
      ? Equal<
          Known<z.output<(typeof operationSchemas)[Id]['responses'][`${S}`]>>,
          Known<JsonBody<operations[Id]['responses'][S]>>
        > extends true
        ? never
        : `${Id} ${S}`
      : `${Id} ${S} (no schema)`;
  }[keyof operations[Id]['responses'] & (string | number)];
}[OperationId];
const noResponseDrift: { [K in ResponseDrift]: 'drifted from @fortary/types' } = {};

/** Request bodies: what a caller passes in (zod input) equals @fortary/types' request body. */
type BodyOf<Id extends OperationId> = operations[Id] extends { requestBody: { content: { 'application/json': infer Body } } } ? Body : never;
type RequestDrift = {
  [Id in OperationId]: (typeof operationSchemas)[Id]['request'] extends { body: infer Schema extends z.ZodType }
    ? Equal<Known<z.input<Schema>>, Known<BodyOf<Id>>> extends true
      ? never
      : Id
    : [BodyOf<Id>] extends [never]
      ? never
      : `${Id} (no body schema)`;
}[OperationId];
const noRequestDrift: { [K in RequestDrift]: 'drifted from @fortary/types' } = {};

export const typeChecks = [sameComponentNames, sameRequestNames, noComponentDrift, noResponseDrift, noRequestDrift];
