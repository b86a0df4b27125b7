/**
 * One declaration per configuration shape. Each builder returns a plain JSON Schema (draft 2020-12)
 * object, which is what `htmsim schema` prints and what ajv checks preset and experiment files
 * against; the same object carries, at the type level only, the TypeScript type of the values it
 * accepts, so `ValueOf<typeof shape>` is the config type. A field is therefore declared exactly
 * once — its type, its bounds and its description in one entry — and the type, the schema and the
 * validation cannot drift apart.
 *
 * Each layer declares its own sections (sim/machine/config.ts, sim/interp/config.ts,
 * sim/policies/config.ts); sim/experiment/schema.ts composes them into the file schemas.
 */

export type JsonSchema = { [key: string]: unknown };

declare const valueType: unique symbol;

/** A JSON Schema that also names the TypeScript type of the values it accepts (type level only). */
export type Shape<T> = JsonSchema & { readonly [valueType]?: T };

/** The TypeScript type a shape accepts. */
export type ValueOf<S> = S extends Shape<infer T> ? T : never;

/** An integer of at least `minimum`. */
export const int = (description: string, minimum = 0): Shape<number> => ({ type: 'integer', minimum, description });

/** A number greater than `exclusiveMinimum` (a frequency, a duration). */
export const num = (description: string, exclusiveMinimum = 0): Shape<number> => ({ type: 'number', exclusiveMinimum, description });

/** A number of at least `minimum` (a cost that may be zero). */
export const numAtLeast = (description: string, minimum: number): Shape<number> => ({ type: 'number', minimum, description });

export const bool = (description: string): Shape<boolean> => ({ type: 'boolean', description });

/** A non-empty string. */
export const text = (description: string): Shape<string> => ({ type: 'string', minLength: 1, description });

/** One of a closed set of strings; the TypeScript type is their union. */
export const oneOf = <const V extends readonly string[]>(values: V, description: string): Shape<V[number]> =>
  ({ type: 'string', enum: [...values], description });

/** A number, a string or a boolean (a workload parameter, a sweep value). */
export const scalar: Shape<number | string | boolean> = { type: ['number', 'string', 'boolean'] };

/** A mapping of any keys to values of one shape. */
export const mapOf = <T>(values: Shape<T>, description: string): Shape<Record<string, T>> =>
  ({ type: 'object', additionalProperties: values, description });

/** A mapping with exactly these fields, every one required; unknown keys are errors. */
export function section<F extends Record<string, Shape<unknown>>>(description: string, fields: F): Shape<{ -readonly [K in keyof F]: ValueOf<F[K]> }> {
  return { type: 'object', description, additionalProperties: false, required: Object.keys(fields), properties: fields };
}

/**
 * A section with required `fields` and `optional` ones that may be left out (structures only some
 * designs have, such as an HTM tracking buffer); unknown keys are still errors.
 */
export function sectionWithOptional<F extends Record<string, Shape<unknown>>, O extends Record<string, Shape<unknown>>>(
  description: string,
  fields: F,
  optional: O,
): Shape<{ -readonly [K in keyof F]: ValueOf<F[K]> } & { -readonly [K in keyof O]?: ValueOf<O[K]> }> {
  return { type: 'object', description, additionalProperties: false, required: Object.keys(fields), properties: { ...fields, ...optional } };
}

/** The field shapes of a section, for composing and listing. */
export function fieldsOf(s: JsonSchema): Record<string, JsonSchema> {
  return (s.properties ?? {}) as Record<string, JsonSchema>;
}
