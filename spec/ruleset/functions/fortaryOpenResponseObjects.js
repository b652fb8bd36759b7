import { finding, responseSchemas } from './lib/oas.js';

const CLOSING_KEYWORDS = ['additionalProperties', 'unevaluatedProperties'];

/**
 * v1 grows by adding response fields. A schema a response can return that forbids unknown
 * properties (`additionalProperties: false` or `unevaluatedProperties: false`) turns each such
 * addition into a failure for every client that validates responses against this document.
 * Request bodies stay closed (a misspelt field is an error); only response schemas are checked.
 */
export default function fortaryOpenResponseObjects(document) {
  const results = [];
  const reported = new Set();
  for (const { schema, path } of responseSchemas(document)) {
    for (const keyword of CLOSING_KEYWORDS) {
      if (schema[keyword] !== false) continue;
      const key = [...path, keyword].join('\u0000');
      if (reported.has(key)) continue;
      reported.add(key);
      results.push(finding([...path, keyword], `Remove \`${keyword}: false\`: a response can return this schema, and a field added within v1 would fail every client validating responses against the document (only request bodies are closed).`));
    }
  }
  return results;
}
