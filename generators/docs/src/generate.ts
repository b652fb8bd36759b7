import { doNotEditHeader, readErrorCatalog, type OpenApiDocument } from '@fortary/codegen-kit';
import { loadConceptPages, conceptsDir, type ConceptPage } from './concepts.ts';
import { buildDocsDocument } from './docs-document.ts';
import { renderErrorCatalog } from './error-catalog.ts';
import { PUBLISHED_SPEC_FILE, withCodeSamples } from './published-spec.ts';

export const GENERATOR = '@fortary/generator-docs';
export const DOCS_DOCUMENT_FILE = 'openapi.docs.json';

/**
 * The files of @fortary/docs' `src/generated` folder: the document Redoc renders, and the spec
 * published beside the site for other tools (the bundle with its code samples). JSON has no
 * comments, so the do-not-edit notice travels in an `x-generated` extension tools ignore.
 */
export function generateDocs(spec: OpenApiDocument, specFile: string, dir: string = conceptsDir, laterPages: ConceptPage[] = []): Record<string, string> {
  const catalog = renderErrorCatalog(readErrorCatalog(spec, specFile));
  const concepts = [...loadConceptPages({ 'error-catalog': catalog }, dir), ...laterPages];
  const notice = doNotEditHeader(GENERATOR, '').split('\n').map((line) => line.trim()).filter(Boolean).join(' ');
  const json = (document: OpenApiDocument) => `${JSON.stringify({ 'x-generated': notice, ...document }, null, 2)}\n`;
  return {
    [DOCS_DOCUMENT_FILE]: json(buildDocsDocument(spec, concepts, specFile)),
    [PUBLISHED_SPEC_FILE]: json(withCodeSamples(spec, specFile)),
  };
}
