import { doNotEditHeader, readErrorCatalog, type OpenApiDocument } from '@fortary/codegen-kit';
import { loadConceptPages, conceptsDir, type ConceptPage } from './concepts.ts';
import { buildDocsDocument } from './docs-document.ts';
import { renderErrorCatalog } from './error-catalog.ts';

export const GENERATOR = '@fortary/generator-docs';
export const DOCS_DOCUMENT_FILE = 'openapi.docs.json';

/**
 * The files of @fortary/docs' `src/generated` folder: the document Redoc renders. JSON has no
 * comments, so the do-not-edit notice travels in an `x-generated` extension Redoc ignores.
 */
export function generateDocs(spec: OpenApiDocument, specFile: string, dir: string = conceptsDir, laterPages: ConceptPage[] = []): Record<string, string> {
  const catalog = renderErrorCatalog(readErrorCatalog(spec, specFile));
  const concepts = [...loadConceptPages({ 'error-catalog': catalog }, dir), ...laterPages];
  const document = buildDocsDocument(spec, concepts, specFile);
  const notice = doNotEditHeader(GENERATOR, '').split('\n').map((line) => line.trim()).filter(Boolean).join(' ');
  return { [DOCS_DOCUMENT_FILE]: `${JSON.stringify({ 'x-generated': notice, ...document }, null, 2)}\n` };
}
