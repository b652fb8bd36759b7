export { generateDocs, GENERATOR, DOCS_DOCUMENT_FILE } from './generate.ts';
export { buildDocsDocument, CONCEPTS_GROUP } from './docs-document.ts';
export { withCodeSamples, PUBLISHED_SPEC_FILE } from './published-spec.ts';
export { loadConceptPages, conceptsDir, type ConceptPage } from './concepts.ts';
export { renderErrorCatalog, retryAdvice } from './error-catalog.ts';
export { codeSamples, sampleInput, sampleIdempotencyKey, typeScriptSample, curlSample, toTypeScriptLiteral, shellQuote, API_KEY_VARIABLE, BASE_URL_VARIABLE, type CodeSample, type SampleInput } from './code-samples.ts';
export { loadChangelogPage, CHANGELOG_PAGE } from './changelog-page.ts';
