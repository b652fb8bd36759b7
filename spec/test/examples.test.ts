import { describe, expect, it } from 'vitest';
import { collectExamples, exampleValidator } from './examples.ts';
import { loadBundle } from './load.ts';

const document = loadBundle();
const ajv = exampleValidator(document);
const examples = collectExamples(document);

describe('every example in the spec validates against its schema (JSON Schema 2020-12, ajv)', () => {
  it('finds examples for every operation', () => {
    expect(examples.length).toBeGreaterThan(60);
  });

  it.each(examples.map((example) => [example.at, example] as const))('%s', (_at, example) => {
    const validate = ajv.getSchema(`openapi.json#${example.schema}`);
    expect(validate, `no schema at ${example.schema}`).toBeDefined();
    const valid = validate!(example.value);
    expect(validate!.errors ?? [], JSON.stringify(example.value)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a broken example, so the check above can fail', () => {
    const validate = ajv.getSchema('openapi.json#/components/schemas/Transfer')!;
    expect(validate({ id: 'transfer_1', amount: 12.5 })).toBe(false);
  });
});
