import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { operationSchemas, requestSchemas, responseSchemas } from '../src/index.ts';
import { deref, escapePointerToken, listOperations, mergedParameters, type OpenApiDocument } from '@fortary/codegen-kit';
import { examplePointers, examplesOf, loadBundle, specFile } from './spec-examples.ts';

const document = loadBundle();
const follow = (value: unknown, pointer: string) => deref<any>(document, value, { file: specFile, pointer });

interface Case {
  name: string;
  /** The example pointers this case checks. */
  covers: string[];
  schema: z.ZodType;
  value: unknown;
}

/** One case per example value, or per set of parameter/header examples sent together. */
function cases(): Case[] {
  const list: Case[] = [];
  for (const [name, schema] of Object.entries<any>(document.components.schemas)) {
    (schema.examples ?? []).forEach((value: unknown, index: number) => {
      const covers = [`/components/schemas/${name}/examples/${index}`];
      list.push({ name: `request ${name} #${index}`, covers, schema: requestSchemas[name as keyof typeof requestSchemas], value });
      list.push({ name: `response ${name} #${index}`, covers, schema: responseSchemas[name as keyof typeof responseSchemas], value });
    });
  }
  for (const entry of listOperations(document as OpenApiDocument, specFile)) {
    const operation = entry.operation as Record<string, any>;
    const id = entry.operationId as keyof typeof operationSchemas;
    const schemas = operationSchemas[id] as unknown as {
      request: Record<string, z.ZodType | undefined>;
      responses: Record<string, z.ZodType>;
      responseHeaders: Record<string, z.ZodType>;
    };
    const at = entry.pointer;

    // Parameters: values as they arrive on the wire (text), sent together per location.
    const parameters = mergedParameters(document as OpenApiDocument, entry, specFile);
    for (const location of ['path', 'query', 'header'] as const) {
      const withExamples = parameters
        .filter(({ parameter }) => parameter.in === location)
        .map(({ parameter, pointer }) => ({ parameter, examples: examplesOf(parameter, pointer) }))
        .filter(({ examples }) => examples.length);
      if (!withExamples.length) continue;
      const sample = Object.fromEntries(withExamples.map(({ parameter, examples }) => [location === 'header' ? parameter.name.toLowerCase() : parameter.name, String((examples[0] as [string, unknown])[1])]));
      const part = location === 'header' ? 'headers' : location;
      list.push({ name: `${id} request ${part}`, covers: withExamples.flatMap(({ examples }) => examples.map(([pointer]) => pointer)), schema: schemas.request[part] as z.ZodType, value: sample });
    }

    if (operation.requestBody) {
      const body = follow(operation.requestBody, `${at}/requestBody`);
      for (const [pointer, value] of examplesOf(body.value.content['application/json'], `${body.pointer}/content/application~1json`)) {
        list.push({ name: `${id} request body ${pointer}`, covers: [pointer], schema: schemas.request['body'] as z.ZodType, value });
      }
    }

    for (const [status, raw] of Object.entries<any>(operation.responses)) {
      const response = follow(raw, `${at}/responses/${escapePointerToken(status)}`);
      const media = response.value.content?.['application/json'];
      for (const [pointer, value] of examplesOf(media, `${response.pointer}/content/application~1json`)) {
        list.push({ name: `${id} ${status} body ${pointer}`, covers: [pointer], schema: schemas.responses[status] as z.ZodType, value });
      }
      const headers = Object.entries<any>(response.value.headers ?? {}).map(([name, header]) => {
        const resolved = follow(header, `${response.pointer}/headers/${escapePointerToken(name)}`);
        return { name: name.toLowerCase(), examples: examplesOf(resolved.value, resolved.pointer) };
      }).filter((header) => header.examples.length);
      if (headers.length) {
        const sample = Object.fromEntries(headers.map(({ name, examples }) => [name, String((examples[0] as [string, unknown])[1])]));
        list.push({ name: `${id} ${status} headers`, covers: headers.flatMap((h) => h.examples.map(([pointer]) => pointer)), schema: schemas.responseHeaders[status] as z.ZodType, value: sample });
      }
    }
  }
  // Webhooks: each delivery's body is what the API sends (the response flavour, as its own event
  // schema and as the discriminated Event); its headers' examples as their schemas say.
  for (const [name, item] of Object.entries<any>(document.webhooks ?? {})) {
    const delivery = item.post;
    const at = `/webhooks/${escapePointerToken(name)}/post`;
    const media = delivery.requestBody.content['application/json'];
    const payload = (media.schema.$ref as string).split('/').pop() as keyof typeof responseSchemas;
    for (const [pointer, value] of examplesOf(media, `${at}/requestBody/content/application~1json`)) {
      list.push({ name: `webhook ${name} body as ${payload}`, covers: [pointer], schema: responseSchemas[payload], value });
      list.push({ name: `webhook ${name} body as Event`, covers: [pointer], schema: responseSchemas.Event, value });
    }
    delivery.parameters.forEach((parameter: any, index: number) => {
      const resolved = follow(parameter, `${at}/parameters/${index}`);
      const schemaName = resolved.value.schema.$ref?.split('/').pop() as keyof typeof responseSchemas | undefined;
      // An inline header schema has no generated constant: its pattern and bounds are checked as written.
      const schema = schemaName ? responseSchemas[schemaName] : z.string().min(resolved.value.schema.minLength).max(resolved.value.schema.maxLength).regex(new RegExp(resolved.value.schema.pattern, 'u'));
      for (const [pointer, value] of examplesOf(resolved.value, resolved.pointer)) list.push({ name: `webhook ${name} header ${resolved.value.name}`, covers: [pointer], schema, value });
    });
  }
  return list;
}

const all = cases();

describe('every example in the spec parses with its zod schema', () => {
  it('covers every example the spec holds', () => {
    const covered = new Set(all.flatMap((entry) => entry.covers));
    const missing = examplePointers(document).filter((pointer) => !covered.has(pointer));
    expect(missing).toEqual([]);
    expect(covered.size).toBeGreaterThan(60);
  });

  it.each(all.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
    expect(entry.schema, 'no schema for this example').toBeDefined();
    const result = entry.schema.safeParse(entry.value);
    expect(result.error?.issues ?? [], JSON.stringify(entry.value)).toEqual([]);
  });
});
