/**
 * Keeps the API key out of everything a client hands back or reports: hook payloads get
 * redacted headers, and errors are scrubbed of the key wherever a server or runtime might have
 * echoed it (message, string fields, the `cause` chain).
 *
 * @module
 */

/** What stands in for a secret. */
export const REDACTED = "[redacted]";

// Header names that carry credentials, whatever the value.
const SECRET_NAME = /authorization|api-key|token|secret|cookie/i;
// Fields that name things rather than carry data: never a secret, and a short placeholder key
// (Ollama's "ollama") must not turn `provider` or `category` into "[redacted]".
const NAMING = new Set(["name", "provider", "category", "type", "path", "status"]);
// How deep a cause chain is followed.
const MAX_CAUSES = 8;

/**
 * Replaces every occurrence of `key` in `text`.
 *
 * @param text Any text.
 * @param key The secret; an empty one is left alone.
 * @returns The text without the secret.
 */
export function scrubText(text: string, key: string): string {
  return key !== "" && text.includes(key) ? text.replaceAll(key, REDACTED) : text;
}

/**
 * Headers fit to log: credential headers and any value holding the key are replaced.
 *
 * @param headers Request headers.
 * @param key The API key.
 * @returns A redacted copy.
 */
export function redactHeaders(
  headers: Record<string, string>,
  key: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    out[name] = SECRET_NAME.test(name) || (key !== "" && value.includes(key)) ? REDACTED : value;
  }
  return out;
}

/**
 * Removes the key from an error in place: its message and own string fields (what
 * `JSON.stringify` shows), then the same down its `cause` chain.
 *
 * @param error Anything thrown.
 * @param key The API key.
 * @returns The same value.
 */
export function scrubError<T>(error: T, key: string): T {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSES && key !== ""; depth++) {
    if (typeof current !== "object" || current === null) break;
    const record = current as Record<string, unknown>;
    for (const name of ["message", "stack", ...Object.keys(record)]) {
      if (NAMING.has(name)) continue;
      const value = record[name];
      if (typeof value === "string" && value.includes(key)) {
        Object.defineProperty(record, name, { value: scrubText(value, key) });
      }
    }
    current = record.cause;
  }
  return error;
}
