import { bundledSpecPath, escapePointerToken, loadBundledSpec } from '@fortary/codegen-kit';

export const specFile = bundledSpecPath(new URL('..', import.meta.url).pathname);

/** The bundled spec, as every generator reads it (typed loosely: tests reach into it freely). */
export function loadBundle(): Record<string, any> {
  return loadBundledSpec(specFile);
}

/**
 * The pointer of every example in the document (media-type, parameter and header examples,
 * single and named, and the `examples` of component schemas), collected the way the spec's own
 * example test does, so the zod test can prove it checked each one.
 */
export function examplePointers(document: Record<string, any>): string[] {
  const found: string[] = [];
  const visit = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) return node.forEach((child, index) => visit(child, `${pointer}/${index}`));
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, any>;
    if ('schema' in record && typeof record.schema === 'object') {
      if ('example' in record) found.push(`${pointer}/example`);
      for (const name of Object.keys(record.examples ?? {})) found.push(`${pointer}/examples/${name}`);
    }
    const isSchema = pointer.startsWith('/components/schemas/') && Array.isArray(record.examples);
    if (isSchema) record.examples.forEach((_: unknown, index: number) => found.push(`${pointer}/examples/${index}`));
    for (const [key, child] of Object.entries(record)) {
      if (key === 'example' || (key === 'examples' && (isSchema || 'schema' in record))) continue;
      visit(child, `${pointer}/${escapePointerToken(key)}`);
    }
  };
  visit(document, '');
  return found;
}

/** The examples held by a media type, parameter or header object: [pointer, value]. */
export function examplesOf(holder: any, pointer: string): Array<[string, unknown]> {
  const list: Array<[string, unknown]> = [];
  if (holder && 'example' in holder) list.push([`${pointer}/example`, holder.example]);
  for (const [name, example] of Object.entries<any>(holder?.examples ?? {})) list.push([`${pointer}/examples/${name}`, example.value]);
  return list;
}
