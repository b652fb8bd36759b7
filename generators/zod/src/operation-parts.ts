/** The zod source of each part of an operation: parameters by location, request body, response body and headers. */
import { LocatedError, deref, escapePointerToken, type MergedParameter } from '@fortary/codegen-kit';
import { derefSchema, indent, parameterToZod, schemaToZod, type ConvertContext, type JsonSchema } from './schema-to-zod.ts';

const JSON_MEDIA = 'application/json';

type Location = 'path' | 'query' | 'header';

/**
 * One object of the parameters in one location. Path and query objects are strict; a headers
 * object is loose, because requests carry many headers the spec does not list (Authorization,
 * User-Agent, …). Header names are lower-cased, as fetch and node hand them over.
 */
export function parametersObject(parameters: MergedParameter[], location: Location, context: ConvertContext): string {
  const fields = parameters.map(({ parameter, pointer }) => {
    if (!parameter.schema) throw new LocatedError({ file: context.file, pointer }, 'a parameter without a schema is not supported');
    let expression = parameterToZod(parameter.schema, location, 'request', context, `${pointer}/schema`);
    if (!parameter.required) {
      const fallback = derefSchema(parameter.schema, context, `${pointer}/schema`)['default'];
      expression += fallback === undefined ? '.optional()' : `.default(${JSON.stringify(fallback)})`;
    }
    const key = location === 'header' ? parameter.name.toLowerCase() : parameter.name;
    return `${JSON.stringify(key)}: ${expression}`;
  });
  return `${location === 'header' ? 'z.looseObject' : 'z.strictObject'}({\n${indent(fields.join(',\n'))},\n})`;
}

/** The request body's schema (`.optional()` unless required), or undefined when the operation takes none. */
export function requestBodySchema(requestBody: unknown, pointer: string, context: ConvertContext): string | undefined {
  if (requestBody === undefined) return undefined;
  const { value, pointer: at } = deref<{ required?: boolean; content?: Record<string, { schema?: JsonSchema }> }>(context.document, requestBody, { file: context.file, pointer });
  const schema = jsonSchemaOf(value.content, `${at}/content`, context.file);
  if (!schema) return undefined;
  const expression = schemaToZod(schema, 'request', context, `${at}/content/${escapePointerToken(JSON_MEDIA)}/schema`);
  return value.required ? expression : `${expression}.optional()`;
}

/** A response's body schema; `z.undefined()` for a response without content. */
export function responseBodySchema(response: Record<string, unknown>, pointer: string, context: ConvertContext): string {
  const schema = jsonSchemaOf(response['content'] as Record<string, { schema?: JsonSchema }> | undefined, `${pointer}/content`, context.file);
  return schema ? schemaToZod(schema, 'response', context, `${pointer}/content/${escapePointerToken(JSON_MEDIA)}/schema`) : 'z.undefined()';
}

/** A response's headers, lower-cased, in a loose object (servers add headers the spec does not list). */
export function responseHeadersSchema(response: Record<string, unknown>, pointer: string, context: ConvertContext): string {
  const headers = (response['headers'] ?? {}) as Record<string, unknown>;
  const fields = Object.entries(headers).map(([name, header]) => {
    const resolved = deref<{ required?: boolean; schema?: JsonSchema }>(context.document, header, { file: context.file, pointer: `${pointer}/headers/${escapePointerToken(name)}` });
    if (!resolved.value.schema) throw new LocatedError({ file: context.file, pointer: resolved.pointer }, 'a header without a schema is not supported');
    const expression = parameterToZod(resolved.value.schema, 'header', 'response', context, `${resolved.pointer}/schema`);
    return `${JSON.stringify(name.toLowerCase())}: ${expression}${resolved.value.required ? '' : '.optional()'}`;
  });
  return fields.length ? `z.looseObject({\n${indent(fields.join(',\n'))},\n})` : 'z.looseObject({})';
}

function jsonSchemaOf(content: Record<string, { schema?: JsonSchema }> | undefined, pointer: string, file: string): JsonSchema | undefined {
  if (!content) return undefined;
  const others = Object.keys(content).filter((type) => type !== JSON_MEDIA);
  if (others.length) throw new LocatedError({ file, pointer: `${pointer}/${escapePointerToken(others[0] as string)}` }, 'only application/json bodies are supported by the zod generator');
  return content[JSON_MEDIA]?.schema;
}
