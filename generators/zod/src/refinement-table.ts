import { LocatedError } from '@fortary/codegen-kit';
import type { Flavour, JsonSchema } from './schema-to-zod.ts';

interface Refinement {
  /** Leave the spec's `pattern` out of the zod schema (the refinement checks it instead). */
  dropPattern?: boolean;
  /** The zod source appended to the component's schema. */
  suffix: (schema: JsonSchema) => string;
}

/**
 * Checks the spec's patterns cannot express, written by hand in @fortary/schemas'
 * `src/refinements.ts` and attached here to one component in one flavour. A name missing from
 * the spec is an error, so this table cannot silently go stale.
 */
const REFINEMENTS: Record<string, Partial<Record<Flavour, Refinement>>> = {
  // The grammar beyond the pattern: a known network with a token type it takes, an EIP-55 checksum.
  AssetId: {
    // parseAssetId() says which part is wrong; the spec's pattern stays as a final guard there
    // rather than here, so a bad id yields one readable issue instead of a regex dump.
    request: { dropPattern: true, suffix: (schema) => `.superRefine(assetIdInRequest(new RegExp(${JSON.stringify(schema['pattern'])}, 'u')))` },
    // A response may name a network or token type added after this build: the closed pattern only
    // applies to ids whose network and token type are both known.
    response: { dropPattern: true, suffix: (schema) => `.superRefine(assetIdInResponse(new RegExp(${JSON.stringify(schema['pattern'])}, 'u')))` },
  },
  // The destination must be an address of the asset's network (422 invalid_address otherwise).
  CreateTransferRequest: { request: { suffix: () => '.superRefine(checkDestinationAddress)' } },
};

/** Fails when the table refines a component the spec no longer has. */
export function assertRefinedComponentsExist(components: Record<string, JsonSchema>, file: string): void {
  for (const name of Object.keys(REFINEMENTS)) {
    if (!components[name]) throw new LocatedError({ file, pointer: '/components/schemas' }, `the zod generator refines '${name}', which the spec no longer has`);
  }
}

/** The schema to convert for a component in one flavour, and the source to append to it. */
export function refine(name: string, schema: JsonSchema, flavour: Flavour): { schema: JsonSchema; suffix: string } {
  const refinement = REFINEMENTS[name]?.[flavour];
  if (!refinement) return { schema, suffix: '' };
  const { pattern: _pattern, ...withoutPattern } = schema;
  return { schema: refinement.dropPattern ? withoutPattern : schema, suffix: refinement.suffix(schema) };
}

/** The hand-written helpers generated code may call, all exported by `src/refinements.ts`. */
const HELPERS = ['assetIdInRequest', 'assetIdInResponse', 'checkDestinationAddress', 'fromText', 'tolerantEnum', 'uniqueItems', 'unmappedValue'];

/** The import line for the helpers `code` calls (none: no line). */
export function helperImport(code: string): string[] {
  const used = HELPERS.filter((name) => new RegExp(`\\b${name}\\b`).test(code));
  return used.length ? [`import { ${used.join(', ')} } from '../refinements.js';`] : [];
}
