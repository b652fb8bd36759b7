/**
 * The parse half of the generator's given → want table: each row's zod source, evaluated with zod
 * and this package's own helpers and component schemas, must accept and reject what the row says.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { conversionCases } from '@fortary/generator-zod/test/schema-to-zod.cases.ts';
import * as helpers from '../src/refinements.ts';
import { requestSchemas, responseSchemas } from '../src/index.ts';

/** What generated code can name: zod, the helpers of `src/refinements.ts` and the component constants. */
const scope: Record<string, unknown> = {
  z,
  ...helpers,
  ...Object.fromEntries(Object.entries(requestSchemas).map(([name, schema]) => [`request$${name}`, schema])),
  ...Object.fromEntries(Object.entries(responseSchemas).map(([name, schema]) => [`response$${name}`, schema])),
};

function evaluate(source: string): z.ZodType {
  return new Function(...Object.keys(scope), `return ${source};`)(...Object.values(scope)) as z.ZodType;
}

const rows = conversionCases.filter((row) => row.accepts?.length || row.rejects?.length);

describe('generated zod source parses as its table row says', () => {
  it('checks the behaviour of most rows', () => {
    expect(rows.length).toBeGreaterThan(conversionCases.length * 0.8);
  });

  it.each(rows)('$name', (row) => {
    const schema = evaluate(row.want);
    for (const value of row.accepts ?? []) expect(schema.safeParse(value).error?.issues ?? [], `accepts ${JSON.stringify(value)}`).toEqual([]);
    for (const value of row.rejects ?? []) expect(schema.safeParse(value).success, `rejects ${JSON.stringify(value)}`).toBe(false);
  });
});
