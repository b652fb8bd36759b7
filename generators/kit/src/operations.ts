import { LocatedError } from './located-error.ts';
import { deref, isRecord } from './deref.ts';
import { operationPointer, pathItemPointer } from './pointer.ts';
import type { OpenApiDocument } from './bundled-spec.ts';

/** The methods a path item may hold an operation under (OpenAPI 3.1), in the specification's order. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface OperationEntry {
  operationId: string;
  method: HttpMethod;
  /** The path template, `/v1/vaults/{vaultId}`. */
  path: string;
  operation: Record<string, unknown>;
  /** Where the operation is written: `/paths/~1v1~1vaults~1{vaultId}/get`. */
  pointer: string;
}

/** Every operation of the document in document order; an operation without an id is an error. */
export function listOperations(document: OpenApiDocument, file = 'spec/dist/openapi.json'): OperationEntry[] {
  const entries: OperationEntry[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      const pointer = operationPointer(path, method);
      const operationId = operation['operationId'];
      if (typeof operationId !== 'string') throw new LocatedError({ file, pointer }, 'operation has no operationId');
      entries.push({ operationId, method, path, operation, pointer });
    }
  }
  return entries;
}

export const PARAMETER_LOCATIONS = ['path', 'query', 'header', 'cookie'] as const;
export type ParameterLocation = (typeof PARAMETER_LOCATIONS)[number];

/** A parameter object, its `name` and `in` checked. */
export interface ParameterObject {
  name: string;
  in: ParameterLocation;
  required?: boolean;
  schema?: Record<string, unknown>;
  [keyword: string]: unknown;
}

export interface MergedParameter {
  parameter: ParameterObject;
  /** Where the parameter is written (a shared one: in `components.parameters`). */
  pointer: string;
}

/**
 * The parameters of an operation: the path item's, then the operation's own, every `$ref`
 * followed. An operation parameter replaces the path item's with the same `in` and name (names
 * compared without case, as HTTP compares header names); it keeps the replaced one's place.
 */
export function mergedParameters(document: OpenApiDocument, entry: Pick<OperationEntry, 'path' | 'operation' | 'pointer'>, file: string): MergedParameter[] {
  const merged = new Map<string, MergedParameter>();
  const add = (list: unknown, listPointer: string) => {
    if (list === undefined) return;
    if (!Array.isArray(list)) throw new LocatedError({ file, pointer: listPointer }, 'expected a list of parameters');
    list.forEach((item, index) => {
      const { value, pointer } = deref(document, item, { file, pointer: `${listPointer}/${index}` });
      if (!isRecord(value) || typeof value['name'] !== 'string' || !(PARAMETER_LOCATIONS as readonly unknown[]).includes(value['in'])) {
        throw new LocatedError({ file, pointer }, `a parameter needs a string \`name\` and an \`in\` of ${PARAMETER_LOCATIONS.join(', ')}`);
      }
      const parameter = value as ParameterObject;
      merged.set(`${parameter.in}:${parameter.name.toLowerCase()}`, { parameter, pointer });
    });
  };
  add(document.paths[entry.path]?.['parameters'], `${pathItemPointer(entry.path)}/parameters`);
  add(entry.operation['parameters'], `${entry.pointer}/parameters`);
  return [...merged.values()];
}
