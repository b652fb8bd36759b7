export { LocatedError, formatLocation, resolvePointer, toPointer, escapePointerToken, type Location } from './located-error.ts';
export { YamlSource } from './yaml-source.ts';
export { assertRefsResolve } from './refs.ts';
export { doNotEditHeader, replaceOutputDir, replaceOutputFile } from './output.ts';
export { loadBundledSpec, bundledSpecPath, listOperations, HTTP_METHODS, type OpenApiDocument, type OperationEntry, type HttpMethod } from './bundled-spec.ts';
export { runCli } from './run-cli.ts';
export { resolveRef, componentSchemaName, operationParameters, operationPointer } from './dereference.ts';
