import { describe, expect, it } from 'vitest';
import { LocatedError, bundledSpecPath, loadBundledSpec } from '@fortary/codegen-kit';
import { parameterToZod, schemaToZod, type ConvertContext, type JsonSchema } from '../src/schema-to-zod.ts';
import { CASE_FILE, CASE_POINTER, conversionCases, errorCases, type ConversionCase } from './schema-to-zod.cases.ts';

const document = loadBundledSpec(bundledSpecPath(new URL('..', import.meta.url).pathname));
const context: ConvertContext = {
  file: CASE_FILE,
  document,
  components: document.components['schemas'] as Record<string, JsonSchema>,
  constName: (name, flavour) => `${flavour}$${name}`,
};

const convert = ({ given, flavour, source }: Pick<ConversionCase, 'given' | 'flavour' | 'source'>) =>
  source ? parameterToZod(given, source, flavour, context, CASE_POINTER) : schemaToZod(given, flavour, context, CASE_POINTER);

describe('schemaToZod: given → want', () => {
  it.each(conversionCases)('$name', (row) => {
    expect(convert(row)).toBe(row.want);
  });
});

describe('schemaToZod: what it refuses, where', () => {
  it.each(errorCases)('$name', (row) => {
    let thrown: unknown;
    try {
      convert(row);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(LocatedError);
    expect((thrown as LocatedError).message).toBe(row.error);
  });
});
