import type { components } from '@fortary/types';
import { timestamp } from './clock.js';
import { RESPONSE_SHAPES, type PropertyShape, type ShapedSchema } from './generated/spec-facts.js';

/**
 * The shape of what the mock serves comes from the spec, not from the renderers. A renderer
 * (src/render.ts) fills what only the mock can know; the finisher then lays the resource out as
 * the spec's schema does: its properties in document order, a nullable property no renderer
 * filled served as the record's value of the same name when it holds one (epoch milliseconds as
 * a timestamp for a date-time property) or else null, and a property the spec no longer lists
 * dropped. A required non-nullable property nothing fills is a mock bug, reported by name.
 *
 * The same rule is enforced at build time: a renderer returns `Rendered<'Vault'>`, which asks for
 * every non-nullable property of the spec's `Vault`, so tsc points at the renderer to teach.
 */
type Schemas = components['schemas'];
export type SchemaName = keyof Schemas;

type NullableKeys<T> = { [K in keyof T]-?: null extends T[K] ? K : undefined extends T[K] ? K : never }[keyof T];

/** What a renderer of a schema must return: every non-nullable property; nullable ones are optional. */
export type Rendered<Name extends SchemaName> = RequiredFields<Name> & { [K in NullableKeys<Schemas[Name]>]?: Schemas[Name][K] };

/** The properties of `Name` the mock must fill itself (required in the spec and never null). */
export type RequiredFields<Name extends SchemaName> = { [K in Exclude<keyof Schemas[Name], NullableKeys<Schemas[Name]>>]: Schemas[Name][K] };

export type ShapeTable = Readonly<Record<string, readonly PropertyShape[]>>;

/** A record's own fields the finisher never serves, whatever the spec adds. */
const NEVER_DERIVED: ReadonlySet<string> = new Set(['secret']);

/** A required, non-nullable property of the spec that the mock does not fill. */
export class UnfilledFieldError extends Error {
  constructor(
    readonly schema: string,
    readonly field: string,
  ) {
    super(
      `The spec's ${schema}.${field} is required and not nullable, and the mock does not fill it: ` +
        `return it from the renderer of ${schema} in packages/mock/src/render.ts (and keep it on the record in src/state.ts if the mock must remember it).`,
    );
    this.name = 'UnfilledFieldError';
  }
}

export class Finisher {
  constructor(private readonly shapes: ShapeTable) {}

  /** `rendered` laid out as the spec's `schema`; `record` is what the renderer read, for deriving nullable fields. */
  finish(schema: string, rendered: object, record?: object): Record<string, unknown> {
    const shape = this.shapes[schema];
    if (shape === undefined) throw new Error(`the spec has no response object schema ${schema}; regenerate the mock's facts (pnpm generate)`);
    const source = rendered as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const property of shape) {
      let value = source[property.name];
      if (value === undefined) {
        if (property.nullable) value = derive(record, property);
        else if (!property.required) continue;
        else throw new UnfilledFieldError(schema, property.name);
      }
      out[property.name] = value;
    }
    return out;
  }

  /**
   * A renderer of `schema` whose output is finished. Typed against @fortary/types: a new
   * required non-nullable property of the schema fails tsc at the renderer's object literal.
   */
  renderer<Name extends SchemaName & ShapedSchema, Record_ extends object>(schema: Name, render: (record: Record_) => Rendered<Name>): (record: Record_) => Schemas[Name] {
    return (record) => this.finish(schema, render(record), record) as Schemas[Name];
  }
}

function derive(record: object | undefined, property: PropertyShape): unknown {
  if (record === undefined || NEVER_DERIVED.has(property.name) || !Object.hasOwn(record, property.name)) return null;
  const value = (record as Record<string, unknown>)[property.name];
  if (value === null || value === undefined) return null;
  if (property.timestamp) return typeof value === 'number' ? timestamp(value) : null;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

/** The finisher of the spec this build was generated from. */
export const finisher = new Finisher(RESPONSE_SHAPES);
