import { LocatedError, refName } from '@fortary/codegen-kit';
import { discriminatorTargets, type JsonSchema } from './schema-to-zod.ts';

/**
 * Component names ordered so each comes after the ones it refers to, since a generated constant
 * can only use constants declared above it. A schema that refers back to itself (directly or
 * through others) cannot be written that way and is reported with its chain.
 */
export function topologicalOrder(components: Record<string, JsonSchema>, file: string): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, trail: string[]): void => {
    // A dangling ref is reported by the converter, at the pointer of the `$ref` itself.
    if (state.get(name) === 'done' || !Object.hasOwn(components, name)) return;
    if (state.get(name) === 'visiting') {
      throw new LocatedError({ file, pointer: `/components/schemas/${name}` }, `recursive schemas are not supported: ${[...trail, name].join(' → ')}`);
    }
    state.set(name, 'visiting');
    for (const dependency of componentRefsIn(components[name])) visit(dependency, [...trail, name]);
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of Object.keys(components)) visit(name, []);
  return order;
}

/** The component schemas a schema refers to, examples aside (they hold data, not schemas). */
function componentRefsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(componentRefsIn);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => {
    if (key === '$ref') return [refName(node)].filter((name) => name !== undefined);
    // A discriminator names its members and fallback in strings, not `$ref`s.
    if (key === 'discriminator') return discriminatorTargets(value);
    return key === 'examples' || key === 'example' ? [] : componentRefsIn(value);
  });
}
