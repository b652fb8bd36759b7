/**
 * Request input quoted back in an error message or detail, bounded. The spec caps `message` at
 * 1000 characters and `ErrorDetail.issue` at 500, and a client controls what it sends (a
 * 700-character key name, a 600-character asset id), so every echo goes through here: a long
 * value keeps its head and is marked as cut with its full length.
 */
export const ECHO_LIMIT = 80;

export function elide(text: string, max: number = ECHO_LIMIT): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length} characters)`;
}

/** A detail's `issue` text within the spec's cap, whatever went into it. */
export const ISSUE_MAX = 500;
/** An error `message` within the spec's cap. */
export const MESSAGE_MAX = 1000;

/** The last guard: text cut to `max` characters with an ellipsis (for texts built from several echoes). */
export function capText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
