/**
 * AWS Signature Version 4 over Web Crypto (`crypto.subtle`: HMAC-SHA256 and SHA-256), for the
 * JSON POSTs Bedrock Runtime takes (`bedrock-runtime.{region}.amazonaws.com`, service name
 * `bedrock`). Signs as AWS's SDK does (`@smithy/signature-v4`): the path is URI-encoded once
 * more for the canonical request, so a model id sent as `…v1%3A0` is signed as `…v1%253A0`;
 * every header but the SDK's unsignable ones is signed, with `host` from the URL; the body's
 * SHA-256 goes in `x-amz-content-sha256` too. The derived signing key is kept for the last
 * credentials, date, region and service, so a signature costs two digests and one HMAC.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 * @module
 */

import type { HttpRequest } from "../common/provider.ts";
import { ValidationError } from "../common/errors.ts";

/** An AWS access key, with the session token of temporary credentials. */
export interface AwsCredentials {
  /** The access key id, e.g. `AKIA…` or `ASIA…`. */
  accessKeyId: string;
  /** The secret access key; never echoed in an error. */
  secretAccessKey: string;
  /** The session token of temporary credentials (STS, SSO, an assumed role). */
  sessionToken?: string;
}

/** Options of {@link signAwsRequest}. */
export interface AwsSigningOptions {
  /** The region signed for, e.g. `us-east-1`. */
  region: string;
  /** The signing name: `bedrock` for Bedrock Runtime. */
  service: string;
  /**
   * The signing time.
   * @default new Date()
   */
  now?: Date;
}

/** A canonical request and the header names it signs. */
export interface CanonicalAwsRequest {
  /** The canonical request text whose SHA-256 goes into the string to sign. */
  text: string;
  /** The signed header names, lowercase, sorted, joined by `;`. */
  signedHeaders: string;
}

// Headers AWS's SDK never signs (and neither do we): they may change on the way.
const UNSIGNABLE = new Set([
  "authorization",
  "cache-control",
  "connection",
  "expect",
  "from",
  "keep-alive",
  "max-forwards",
  "pragma",
  "referer",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "user-agent",
  "x-amzn-trace-id",
]);
// Headers the signer writes; a caller's copy is dropped first.
const GENERATED = new Set(["authorization", "x-amz-date", "date"]);

const encoder = new TextEncoder();
const HEX: string[] = Array.from({ length: 256 }, (_, i) => (i + 0x100).toString(16).slice(1));

function hex(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let out = "";
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]];
  return out;
}

// RFC 3986 unreserved characters stay; everything else is %XX, as AWS's `escapeUri`.
function escape(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

// The path as sent, normalized as AWS's SDK does (empty and `.` segments dropped, `..` pops),
// then encoded once more, slashes kept.
function canonicalPath(pathname: string): string {
  const segments: string[] = [];
  for (const segment of pathname.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(escape(segment));
  }
  const trailing = segments.length > 0 && pathname.endsWith("/") ? "/" : "";
  return `/${segments.join("/")}${trailing}`;
}

// A query part decoded; one with a stray `%` is taken as it is.
function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

// The query's pairs decoded, re-encoded, sorted by key then value.
function canonicalQuery(search: string): string {
  if (search.length <= 1) return "";
  const pairs: string[] = [];
  for (const part of search.slice(1).split("&")) {
    if (part === "") continue;
    const at = part.indexOf("=");
    const key = escape(decode(at < 0 ? part : part.slice(0, at)));
    if (key.toLowerCase() === "x-amz-signature") continue;
    pairs.push(`${key}=${at < 0 ? "" : escape(decode(part.slice(at + 1)))}`);
  }
  return pairs.sort((a, b) => {
    const ka = a.slice(0, a.indexOf("=")), kb = b.slice(0, b.indexOf("="));
    return ka < kb ? -1 : ka > kb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  }).join("&");
}

/**
 * Builds the SigV4 canonical request: method, canonical URI, canonical query, canonical headers
 * (`host` from the URL, then every signable header, names lowercased, values trimmed with inner
 * whitespace collapsed), signed header names, payload hash.
 *
 * @param method The HTTP method.
 * @param url The absolute URL as it will be sent (path already percent-encoded once).
 * @param headers The headers to sign, `x-amz-date` included; `host` is taken from `url`.
 * @param payloadHash The body's SHA-256, lowercase hex.
 * @returns The canonical request text and the signed header names.
 *
 * @example A Bedrock model id with a colon is encoded twice
 * ```ts
 * import { canonicalAwsRequest } from "@rosetta/llm/bedrock";
 * import assert from "node:assert/strict";
 * const { text, signedHeaders } = canonicalAwsRequest(
 *   "POST",
 *   "https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-v2%3A1/converse",
 *   { "Content-Type": "application/json", "X-Amz-Date": "20250101T000000Z" },
 *   "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
 * );
 * assert.equal(signedHeaders, "content-type;host;x-amz-date");
 * assert.equal(text.split("\n")[1], "/model/anthropic.claude-v2%253A1/converse");
 * ```
 */
export function canonicalAwsRequest(
  method: string,
  url: string,
  headers: Record<string, string>,
  payloadHash: string,
): CanonicalAwsRequest {
  const parsed = new URL(url);
  const canonical = new Map<string, string>([["host", parsed.host]]);
  for (const name in headers) {
    const lower = name.toLowerCase();
    if (lower === "host" || UNSIGNABLE.has(lower) || /^(?:proxy|sec)-/.test(lower)) continue;
    canonical.set(lower, headers[name].replace(/[\r\n]/g, " ").replace(/[ \t]+/g, " ").trim());
  }
  const names = [...canonical.keys()].sort();
  const signedHeaders = names.join(";");
  const lines = names.map((name) => `${name}:${canonical.get(name)}\n`).join("");
  const text = `${method}\n${canonicalPath(parsed.pathname)}\n${
    canonicalQuery(parsed.search)
  }\n${lines}\n${signedHeaders}\n${payloadHash}`;
  return { text, signedHeaders };
}

// The last derived signing key, so that a stream of requests with the same credentials derives
// it once a day (four HMACs) instead of once a request. Kept by access key id, which AWS issues
// with exactly one secret, so the secret itself is not kept in module memory.
let cached: { id: string; key: Promise<CryptoKey> } | undefined;

async function hmac(key: BufferSource, data: string): Promise<ArrayBuffer> {
  const imported = await crypto.subtle.importKey(
    "raw",
    key,
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return await crypto.subtle.sign("HMAC", imported, encoder.encode(data));
}

function signingKey(accessKeyId: string, secret: string, scope: string[]): Promise<CryptoKey> {
  const id = `${accessKeyId}\n${scope.join("/")}`;
  if (cached?.id === id) return cached.key;
  const key = (async () => {
    let bytes: ArrayBuffer = encoder.encode(`AWS4${secret}`).buffer as ArrayBuffer;
    for (const part of scope) bytes = await hmac(bytes, part);
    return await crypto.subtle.importKey(
      "raw",
      bytes,
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
  })();
  cached = { id, key };
  key.catch(() => (cached?.key === key ? cached = undefined : undefined));
  return key;
}

// Refuses a missing credential or option by name, never by value: a value may be a secret.
function check(service: string, path: string, value: unknown, optional = false): void {
  if (optional && value === undefined) return;
  if (typeof value !== "string" || value === "") {
    throw new ValidationError(
      `Cannot sign request for ${service}: ${path} must be a non-empty string`,
      { path },
    );
  }
}

/**
 * Signs a request with AWS Signature Version 4: returns a copy whose headers add `x-amz-date`,
 * `x-amz-content-sha256`, `x-amz-security-token` (with a session token) and `authorization`.
 * Send it unchanged: the URL, the body and every signed header are covered by the signature.
 *
 * @param http The request as built, its URL path percent-encoded once (a model id's `:` as `%3A`).
 * @param credentials The access key, secret and optional session token.
 * @param options Region, service and signing time.
 * @returns The signed copy; `http` is not changed.
 * @throws {ValidationError} When a credential, the region or the service is missing or empty.
 *
 * @example Sign a Bedrock Converse request
 * ```ts
 * import { signAwsRequest } from "@rosetta/llm/bedrock";
 * import assert from "node:assert/strict";
 * const signed = await signAwsRequest(
 *   {
 *     url: "https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.nova-lite-v1%3A0/converse",
 *     method: "POST",
 *     headers: { "content-type": "application/json" },
 *     body: "{}",
 *   },
 *   { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
 *   { region: "us-east-1", service: "bedrock", now: new Date("2025-01-01T00:00:00Z") },
 * );
 * assert.equal(signed.headers["x-amz-date"], "20250101T000000Z");
 * assert.match(
 *   signed.headers.authorization,
 *   /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20250101\/us-east-1\/bedrock\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/,
 * );
 * ```
 */
export async function signAwsRequest(
  http: HttpRequest,
  credentials: AwsCredentials,
  options: AwsSigningOptions,
): Promise<HttpRequest> {
  const service = options?.service;
  check("aws", "service", service);
  check(service, "credentials.accessKeyId", credentials?.accessKeyId);
  check(service, "credentials.secretAccessKey", credentials?.secretAccessKey);
  check(service, "credentials.sessionToken", credentials?.sessionToken, true);
  check(service, "region", options.region);
  const { accessKeyId, secretAccessKey, sessionToken } = credentials;
  const date = (options.now ?? new Date()).toISOString().replace(/[-:]|\.\d{3}/g, "");
  const scope = [date.slice(0, 8), options.region, service, "aws4_request"];

  const headers: Record<string, string> = {};
  let payloadHash: string | undefined;
  for (const name in http.headers) {
    const lower = name.toLowerCase();
    if (lower === "x-amz-content-sha256") payloadHash = http.headers[name];
    if (!GENERATED.has(lower)) headers[name] = http.headers[name];
  }
  headers["x-amz-date"] = date;
  if (sessionToken !== undefined) headers["x-amz-security-token"] = sessionToken;
  // A caller's own x-amz-content-sha256 (e.g. UNSIGNED-PAYLOAD) is the payload hash, as in the SDK.
  if (payloadHash === undefined) {
    payloadHash = hex(await crypto.subtle.digest("SHA-256", encoder.encode(http.body)));
    headers["x-amz-content-sha256"] = payloadHash;
  }

  const canonical = canonicalAwsRequest(http.method, http.url, headers, payloadHash);
  const hashed = hex(await crypto.subtle.digest("SHA-256", encoder.encode(canonical.text)));
  const toSign = `AWS4-HMAC-SHA256\n${date}\n${scope.join("/")}\n${hashed}`;
  const key = await signingKey(accessKeyId, secretAccessKey, scope);
  const signature = hex(await crypto.subtle.sign("HMAC", key, encoder.encode(toSign)));
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${
    scope.join("/")
  }, SignedHeaders=${canonical.signedHeaders}, Signature=${signature}`;
  return { ...http, headers };
}
