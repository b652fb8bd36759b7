/**
 * Request input quoted back in an error, bounded. A client controls what it sends (a
 * 700-character key name, a 600-character asset id), while the spec caps `Error.message` at
 * 1000 characters, `ErrorDetail.issue` at 500 and `ErrorDetail.field` at 200. Every echo goes
 * through this module: a long value keeps its head and says how long it was, and ApiError
 * bounds whatever text reaches a response as the last guard.
 */
export const ECHO_LIMIT = 80;

/** The caps of the spec's Error and ErrorDetail schemas. */
export const MESSAGE_MAX = 1000;
export const ISSUE_MAX = 500;
export const FIELD_MAX = 200;

/** `text` as it may be quoted back: at most `max` characters of it, marked when cut. */
export function elide(text: string, max: number = ECHO_LIMIT): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length} characters)`;
}

/**
 * A message that quotes request input (a zod issue's own text, say) with the input, and any
 * long single-quoted part of it (the network or address inside an asset id), elided.
 */
export function elideInputIn(message: string, input: unknown): string {
  let text = typeof input === 'string' && input.length > ECHO_LIMIT && message.includes(input) ? message.split(input).join(elide(input)) : message;
  text = text.replace(LONG_QUOTE, (_, quoted: string) => `'${elide(quoted)}'`);
  return text;
}

// an already elided quote holds '…' and is left alone
const LONG_QUOTE = new RegExp(`'([^'…]{${ECHO_LIMIT + 1},})'`, 'g');

/** A list of client-sent names (unknown keys), each elided, as many as fit in `max`. */
export function elideList(names: readonly string[], max: number): string {
  let text = '';
  for (const [index, name] of names.entries()) {
    const next = `${index === 0 ? '' : ', '}'${elide(name, 40)}'`;
    if (text.length + next.length > max - 20) return `${text} and ${names.length - index} more`;
    text += next;
  }
  return text;
}

/** The last guard: `text` within `max` characters (never empty, as the spec's minLength asks). */
export function bound(text: string, max: number): string {
  if (text.length === 0) return '(empty)';
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
