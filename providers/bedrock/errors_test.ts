// Bedrock exceptions → categories, over HTTP (x-amzn-errortype, or a body's __type) and in a
// stream (exception frames), with the retry hints a client acts on.
import { test } from "node:test";
import assert from "node:assert/strict";
import { RETRYABLE } from "../../client/retry.ts";
import {
  awsEventFrame,
  converseEventHeaders,
  converseExceptionHeaders,
} from "../../testing/aws_frames.ts";
import { bedrock } from "./mod.ts";
import { bedrockModel } from "./models.ts";

const header = (name: string) =>
  new Headers({
    "x-amzn-errortype": `${name}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
  });

const HTTP: Array<[number, string, string, boolean]> = [
  [400, "ValidationException", "invalid_request", false],
  [403, "AccessDeniedException", "auth", false],
  [404, "ResourceNotFoundException", "not_found", false],
  [408, "ModelTimeoutException", "timeout", true],
  [424, "ModelErrorException", "server", true],
  [429, "ThrottlingException", "rate_limit", true],
  [429, "ModelNotReadyException", "server", true],
  [400, "ServiceQuotaExceededException", "rate_limit", true],
  [500, "InternalServerException", "server", true],
  [503, "ServiceUnavailableException", "server", true],
];

for (const [status, name, category, retried] of HTTP) {
  test(`bedrock errorFromResponse maps ${name} (${status}) to ${category}${retried ? ", retried" : ""}`, () => {
    const error = bedrock.errorFromResponse(status, '{"message":"m"}', header(name));
    assert.deepEqual([error.category, error.code, error.message, error.status], [
      category,
      name,
      "m",
      status,
    ]);
    assert.equal(RETRYABLE.has(error.category), retried);
  });
}

test("bedrock errorFromResponse reads the name from a body's __type, and from the header over HTML", () => {
  const typed = bedrock.errorFromResponse(
    400,
    '{"__type":"com.amazon.bedrock#ValidationException","message":"bad"}',
  );
  assert.deepEqual([typed.category, typed.code], ["invalid_request", "ValidationException"]);
  const html = bedrock.errorFromResponse(
    503,
    "<html>busy</html>",
    header("ServiceUnavailableException"),
  );
  assert.deepEqual([html.category, html.code, html.message], [
    "server",
    "ServiceUnavailableException",
    "HTTP 503: <html>busy</html>",
  ]);
});

test("bedrock stream maps each exception frame the stream documents to its category", () => {
  const rows: Array<[string, string]> = [
    ["internalServerException", "server"],
    ["modelStreamErrorException", "server"],
    ["validationException", "invalid_request"],
    ["throttlingException", "rate_limit"],
    ["serviceUnavailableException", "server"],
  ];
  for (const [type, category] of rows) {
    const decoder = bedrock.createStreamDecoder();
    decoder.push(awsEventFrame(converseEventHeaders("messageStart"), '{"role":"assistant"}'));
    const events = decoder.push(
      awsEventFrame(converseExceptionHeaders(type), '{"message":"stop"}'),
    );
    const last = events.at(-1);
    assert.ok(last?.type === "error" && "category" in last.error, type);
    assert.deepEqual([last.error.category, last.error.message], [category, "stop"], type);
    assert.throws(() => decoder.end(), { name: "ProviderError" });
  }
});

test("bedrockModel reads inference-profile ids as the model they route to", () => {
  for (const prefix of ["", "us.", "eu.", "apac.", "global."]) {
    const row = bedrockModel(`${prefix}anthropic.claude-sonnet-4-5-20250929-v1:0`);
    assert.deepEqual([row.vendor, row.thinking, row.maxOutputTokens], [
      "anthropic",
      "budget",
      64000,
    ]);
  }
  assert.equal(bedrockModel("us.anthropic.claude-opus-4-1-20250805-v1:0").maxOutputTokens, 32000);
  assert.equal(bedrockModel("anthropic.claude-3-5-haiku-20241022-v1:0").thinking, "none");
  assert.equal(bedrockModel("us.meta.llama3-3-70b-instruct-v1:0").vendor, "meta");
  assert.equal(bedrockModel("mistral.mistral-large-2407-v1:0").vendor, "mistral");
  assert.equal(bedrockModel("us.deepseek.r1-v1:0").thinking, "always");
  assert.equal(bedrockModel("cohere.command-r-v1:0").vendor, "other");
  for (
    const id of [
      "anthropic.claude-3-7-sonnet",
      "amazon.nova-pro-v1:0",
      "meta.llama3",
      "mistral.x",
      "deepseek.r1",
    ]
  ) {
    assert.match(bedrockModel(id).doc, /^https:\/\/docs\.aws\.amazon\.com\//);
  }
});

test("bedrock errorFromResponse redacts a session token an error quotes", () => {
  const token = "IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVz+token==";
  const body = JSON.stringify({
    message: "The request signature we calculated does not match the signature you provided. " +
      `The Canonical String for this request should have been\n'POST\n/model/x/converse\n\n` +
      `host:bedrock-runtime.us-east-1.amazonaws.com\nx-amz-security-token:${token}\n'`,
  });
  const error = bedrock.errorFromResponse(
    403,
    body,
    new Headers({ "x-amzn-errortype": "InvalidSignatureException" }),
  );
  assert.equal(error.category, "auth");
  assert.ok(!JSON.stringify({ ...error, message: error.message }).includes(token));
  assert.match(error.message, /x-amz-security-token:\[redacted\]/);
});
