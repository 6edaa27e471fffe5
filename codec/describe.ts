/**
 * How error messages name the value they found, the same way everywhere.
 *
 * @module
 */

/**
 * Names a value for an error message: `nothing`, `null`, `an array`, `an object`, `a function`,
 * `a symbol`; a string quoted (cut after 40 characters); a number, boolean or bigint as written.
 *
 * @param value Anything found where something else was expected.
 * @returns The description, e.g. `"x"`, `3`, `an array`.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    case "object":
      return "an object";
    case "function":
      return "a function";
    case "symbol":
      return "a symbol";
    case "bigint":
      return `${value}n`;
  }
  return String(value);
}
