import { refine, helperImport } from './refinement-table.ts';
import { schemaToZod, type ConvertContext, type Flavour, type JsonSchema } from './schema-to-zod.ts';
import { topologicalOrder } from './topological-order.ts';

const FLAVOURS: Flavour[] = ['request', 'response'];

const FLAVOUR_DOC: Record<Flavour, string> = {
  request: 'Strict schemas, for what a client sends: closed enums, patterns, bounds, unknown fields rejected.',
  response: 'Tolerant schemas, for what the API answers: unknown fields kept, unknown enum values accepted.',
};

/**
 * `components.ts`: `request$X` (strict) and `response$X` (tolerant) for every component schema,
 * in dependency order, gathered in `requestSchemas` and `responseSchemas`.
 */
export function componentsModule(context: ConvertContext): string {
  const { components } = context;
  const order = topologicalOrder(components, context.file);
  const names = Object.keys(components);
  const lines: string[] = [];
  for (const flavour of FLAVOURS) {
    for (const name of order) {
      const { schema, suffix } = refine(name, components[name] as JsonSchema, flavour);
      lines.push(`export const ${context.constName(name, flavour)} = ${schemaToZod(schema, flavour, context, `/components/schemas/${name}`)}${suffix};`);
    }
    lines.push('');
  }
  for (const flavour of FLAVOURS) {
    lines.push(
      `/** ${FLAVOUR_DOC[flavour]} */`,
      `export const ${flavour}Schemas: {`,
      ...names.map((name) => `  readonly ${name}: typeof ${context.constName(name, flavour)};`),
      '} = {',
      ...names.map((name) => `  ${name}: ${context.constName(name, flavour)},`),
      '};',
      '',
    );
  }
  lines.push('export type ComponentName = keyof typeof requestSchemas;', '');
  const body = lines.join('\n');
  return ["import { z } from 'zod';", ...helperImport(body), '', body].join('\n');
}
