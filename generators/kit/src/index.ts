export { LocatedError, formatLocation, type Location } from './located-error.ts';
export { escapePointerToken, unescapePointerToken, toPointer, resolvePointer, pathItemPointer, operationPointer } from './pointer.ts';
export { deref, refName, isRecord, type Dereferenced, type SpecLocation } from './deref.ts';
export {
  listOperations,
  mergedParameters,
  HTTP_METHODS,
  PARAMETER_LOCATIONS,
  type OperationEntry,
  type HttpMethod,
  type ParameterObject,
  type ParameterLocation,
  type MergedParameter,
} from './operations.ts';
export { readErrorCatalog, type ErrorCatalogEntry } from './error-catalog.ts';
export { YamlSource } from './yaml-source.ts';
export { assertRefsResolve } from './refs.ts';
export { doNotEditHeader, replaceOutputDir, replaceOutputFile } from './output.ts';
export { loadBundledSpec, bundledSpecPath, type OpenApiDocument } from './bundled-spec.ts';
export { runCli } from './run-cli.ts';
