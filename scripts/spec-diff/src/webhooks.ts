/** The route under which a webhook is compared (a `paths` key no real path can have). */
export const WEBHOOK_PREFIX = 'webhook:';

/** The document as the differ compares it. */
export function comparableDocument(document: unknown): unknown {
  return document;
}
