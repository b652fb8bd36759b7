import { LocatedError, listOperations, type OpenApiDocument } from '@fortary/codegen-kit';
import type { ConceptPage } from './concepts.ts';
import { withCodeSamples } from './published-spec.ts';

/** The sidebar group that holds the concept pages, shown above the spec's own groups. */
export const CONCEPTS_GROUP = 'Concepts';

interface Tag {
  name: string;
  description?: string;
  'x-traitTag'?: boolean;
  [key: string]: unknown;
}

interface TagGroup {
  name: string;
  tags: string[];
}

/**
 * The document the docs site renders: the published spec (the bundle with generated TypeScript
 * and curl samples on every operation) with the concept pages added as trait tags (a trait tag
 * is a page of prose, not a group of operations) and a tag group for them. The spec itself is
 * not changed: the concept pages are documentation, not part of the API contract.
 */
export function buildDocsDocument(spec: OpenApiDocument, concepts: ConceptPage[], file: string): OpenApiDocument {
  const document = withCodeSamples(spec, file);
  const specTags = (document['tags'] as Tag[] | undefined) ?? [];
  for (const page of concepts) {
    if (specTags.some((tag) => tag.name === page.name)) {
      throw new LocatedError({ file: page.file, line: 1, column: 1 }, `the spec already has a tag named '${page.name}'`);
    }
  }
  document['tags'] = [...concepts.map((page): Tag => ({ name: page.name, description: page.markdown, 'x-traitTag': true })), ...specTags];

  const specGroups = (document['x-tagGroups'] as TagGroup[] | undefined) ?? [{ name: 'Reference', tags: specTags.map((tag) => tag.name) }];
  if (specGroups.some((group) => group.name === CONCEPTS_GROUP)) {
    throw new LocatedError({ file, pointer: '/x-tagGroups' }, `the spec already has a tag group named '${CONCEPTS_GROUP}'`);
  }
  document['x-tagGroups'] = [{ name: CONCEPTS_GROUP, tags: concepts.map((page) => page.name) }, ...specGroups];

  // Redoc shows only the tags that belong to a group, so an operation outside every group would vanish.
  const grouped = new Set(specGroups.flatMap((group) => group.tags));
  for (const entry of listOperations(document, file)) {
    const pointer = entry.pointer;
    const tags = entry.operation['tags'];
    if (!Array.isArray(tags) || tags.length === 0) throw new LocatedError({ file, pointer: `${pointer}/tags` }, 'the operation has no tag, so the docs would not show it');
    for (const tag of tags) {
      if (!grouped.has(tag)) throw new LocatedError({ file, pointer: `${pointer}/tags` }, `tag '${String(tag)}' is in no x-tagGroups group, so the docs would hide the operation`);
    }
  }
  return document;
}
