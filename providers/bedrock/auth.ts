/**
 * How a Bedrock request is authorized: a Bedrock API key sent as `Authorization: Bearer`, or AWS
 * credentials that sign each attempt with Signature Version 4 (static ones, or a callback asked
 * before every attempt, so that a refreshed session is used). Credentials are checked by name and
 * never put in a message.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-use.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html
 * @module
 */

import { describeValue } from "../../codec/describe.ts";
import { type AwsCredentials, signAwsRequest } from "../../codec/sigv4.ts";
import { ValidationError } from "../../common/errors.ts";
import type { HttpRequest } from "../../common/provider.ts";

/** AWS credentials, or what gives them before each attempt (plug in your provider chain). */
export type BedrockCredentials =
  | AwsCredentials
  | (() => AwsCredentials | Promise<AwsCredentials>);

/** The `authorize` hook of a signing Bedrock provider. */
export type BedrockSigner = (http: HttpRequest, signal: AbortSignal) => Promise<HttpRequest>;

// A credential field is named, never shown: its value may be a secret.
function checkField(value: unknown, path: string, optional = false): void {
  if (optional && value === undefined) return;
  if (typeof value !== "string" || value === "") {
    throw new ValidationError(
      `Cannot sign bedrock request: ${path} must be a non-empty string`,
      { provider: "bedrock", path },
    );
  }
}

/**
 * Checks a credentials object's fields by name.
 *
 * @param credentials The object given or returned.
 * @param path Where it came from, e.g. `credentials` or `credentials()`.
 * @throws {ValidationError} Naming the missing or empty field.
 */
function checkCredentials(credentials: unknown, path: string): void {
  if (typeof credentials !== "object" || credentials === null) {
    throw new ValidationError(
      `Cannot sign bedrock request: ${path} must be an object with accessKeyId and secretAccessKey, got ${
        describeValue(credentials)
      }`,
      { provider: "bedrock", path },
    );
  }
  const given = credentials as Record<string, unknown>;
  checkField(given.accessKeyId, `${path}.accessKeyId`);
  checkField(given.secretAccessKey, `${path}.secretAccessKey`);
  checkField(given.sessionToken, `${path}.sessionToken`, true);
}

/**
 * The `authorize` hook that signs with SigV4 for Bedrock Runtime (signing name `bedrock`).
 *
 * @param credentials Static credentials (checked now) or a callback (checked at each call).
 * @param region The region signed for.
 * @returns The hook.
 * @throws {ValidationError} When static credentials lack a field.
 */
export function bedrockSigner(credentials: BedrockCredentials, region: string): BedrockSigner {
  if (typeof credentials !== "function") checkCredentials(credentials, "credentials");
  return async (http) => {
    let current = credentials;
    if (typeof current === "function") {
      current = await current();
      checkCredentials(current, "credentials()");
    }
    return await signAwsRequest(http, current, { region, service: "bedrock" });
  };
}
