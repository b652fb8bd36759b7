import { describe, expect, it } from 'vitest';
import { loadBundledSpec, type OpenApiDocument } from '@fortary/codegen-kit';
import { createRequire } from 'node:module';
import { generateZod } from '../src/generate.ts';

const specFile = createRequire(import.meta.url).resolve('@fortary/spec/openapi.json');
const bundle = () => structuredClone(loadBundledSpec(specFile)) as OpenApiDocument;
const event = (document: OpenApiDocument) => (document.components['schemas'] as Record<string, Record<string, any>>)['Event']!;

describe('a discriminated oneOf (Event)', () => {
  it('is a plain union of the members in requests, and dispatches on the mapping with the x-defaultMapping fallback in responses', () => {
    const components = generateZod(bundle())['components.ts']!;
    expect(components).toContain('export const request$Event = z.union([request$TransferEvent, request$DepositEvent]);');
    expect(components).toContain('response$TransferEvent.extend({ "type": z.enum(["transfer.created","transfer.updated"]) })');
    expect(components).toContain('response$EventEnvelope.extend({ "type": unmappedValue(["transfer.created","transfer.updated","deposit.created","deposit.updated"]) })');
    expect(components).toMatch(/import \{[^}]*\bunmappedValue\b[^}]*\} from '\.\.\/refinements\.js';/);
    // The fallback and the members are defined before the union that names them.
    expect(components.indexOf('export const response$EventEnvelope =')).toBeLessThan(components.indexOf('export const response$Event ='));
  });

  it('without x-defaultMapping, an unknown value is an error (no fallback)', () => {
    const document = bundle();
    delete event(document).discriminator['x-defaultMapping'];
    const components = generateZod(document)['components.ts']!;
    expect(components).not.toContain('unmappedValue(');
    expect(components).toMatch(/export const response\$Event = z\.discriminatedUnion\("type", \[/);
  });

  it('refuses a mapping to a schema that is not a member, a member without a value, and no mapping, at their pointers', () => {
    const stray = bundle();
    event(stray).discriminator.mapping['vault.renamed'] = '#/components/schemas/Vault';
    expect(() => generateZod(stray)).toThrow(/#\/components\/schemas\/Event\/discriminator\/mapping\/vault.renamed\): the mapping of 'vault.renamed' must name one of the oneOf members/);
    const orphan = bundle();
    for (const key of ['deposit.created', 'deposit.updated']) delete event(orphan).discriminator.mapping[key];
    expect(() => generateZod(orphan)).toThrow(/oneOf member 'DepositEvent' has no value in the discriminator mapping/);
    const implicit = bundle();
    delete event(implicit).discriminator.mapping;
    expect(() => generateZod(implicit)).toThrow(/needs an explicit discriminator `mapping`/);
  });
});
