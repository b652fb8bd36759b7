/**
 * Every part of every operation becomes a named constant (identical expressions shared), and
 * `operationSchemas` is annotated with `typeof` those constants: the declaration file then names
 * each schema type once instead of spelling out the Error schema in every status of every operation.
 */
export class NamedParts {
  private readonly byExpression = new Map<string, string>();
  readonly declarations: string[] = [];

  /** The constant holding `expression`: a component's own, an existing one, or a new one named `preferred`. */
  name(preferred: string, expression: string): string {
    if (/^(?:request|response)\$[A-Za-z0-9_]+$/.test(expression)) return expression;
    const existing = this.byExpression.get(expression);
    if (existing) return existing;
    const taken = new Set(this.byExpression.values());
    let name = preferred;
    for (let suffix = 2; taken.has(name); suffix += 1) name = `${preferred}$${suffix}`;
    this.byExpression.set(expression, name);
    this.declarations.push(`export const ${name} = ${expression};`);
    return name;
  }
}

/** `responseHeaders$RequestId_RateLimitLimit_…` from the header names of a response. */
export function headerSetName(response: Record<string, unknown>): string {
  const names = Object.keys((response['headers'] ?? {}) as Record<string, unknown>).map((name) =>
    name.replace(/^X-/i, '').split(/[^A-Za-z0-9]+/).map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(''),
  );
  return names.length ? `responseHeaders$${names.join('_')}` : 'responseHeaders$none';
}
