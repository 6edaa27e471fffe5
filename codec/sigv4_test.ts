// SigV4 against AWS's own signer (@smithy/signature-v4 with @aws-crypto/sha256-js, both
// devDependencies): the same credentials, time and request give the same Authorization header.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { SignatureV4 } from "@smithy/signature-v4";
import { Sha256 } from "@aws-crypto/sha256-js";
import type { HttpRequest } from "../common/provider.ts";
import { type AwsCredentials, canonicalAwsRequest, signAwsRequest } from "./sigv4.ts";

const keys: AwsCredentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};
const temporary: AwsCredentials = {
  accessKeyId: "ASIAEXAMPLE",
  secretAccessKey: "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
  sessionToken: "IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIQ+token==",
};
const now = new Date("2026-12-06T09:30:15.123Z");
const body = JSON.stringify({ messages: [{ role: "user", content: [{ text: "Hi ☀️" }] }] });

// How AWS's SDK puts a model id in the path: encodeURIComponent, and !'()* as %XX too.
const label = (id: string): string =>
  encodeURIComponent(id).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

const models = [
  "anthropic.claude-3-5-sonnet-20240620-v1:0",
  "us.amazon.nova-pro-v1:0",
  "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0",
  "arn:aws:bedrock:eu-west-3:123456789012:provisioned-model/abc123 (v2)!*'",
];
const routes = ["converse", "converse-stream", "invoke-with-response-stream"];

async function smithy(
  credentials: AwsCredentials,
  region: string,
  host: string,
  path: string,
  query: Record<string, string>,
  headers: Record<string, string>,
): Promise<string> {
  const signer = new SignatureV4({ credentials, region, service: "bedrock", sha256: Sha256 });
  const signed = await signer.sign({
    method: "POST",
    protocol: "https:",
    hostname: host,
    path,
    query,
    headers: { ...headers, host },
    body,
  }, { signingDate: now });
  return signed.headers.authorization;
}

function request(host: string, path: string, search = "", headers = {}): HttpRequest {
  return {
    url: `https://${host}${path}${search}`,
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  };
}

test("signAwsRequest gives AWS's Authorization for Bedrock model ids with : and /", async () => {
  let n = 0;
  for (const credentials of [keys, temporary]) {
    for (const model of models) {
      for (const route of routes) {
        const host = "bedrock-runtime.us-west-2.amazonaws.com";
        const path = `/model/${label(model)}/${route}`;
        const signed = await signAwsRequest(request(host, path), credentials, {
          region: "us-west-2",
          service: "bedrock",
          now,
        });
        const expected = await smithy(credentials, "us-west-2", host, path, {}, {
          "content-type": "application/json",
        });
        assert.equal(signed.headers.authorization, expected, `${model} ${route}`);
        n++;
      }
    }
  }
  assert.equal(n, 24);
});

test("signAwsRequest gives AWS's Authorization with a query, extra headers and a VPC endpoint", async () => {
  const host = "vpce-0abc-123.bedrock-runtime.eu-central-1.vpce.amazonaws.com";
  const path = `/model/${label(models[0])}/converse`;
  const extra = {
    Accept: "application/vnd.amazon.eventstream",
    "X-Amzn-Bedrock-Trace": "  ENABLED  ",
    "User-Agent": "rosetta/0.1",
  };
  const signed = await signAwsRequest(
    request(host, path, "?b=x%20y&a=1&a=0", extra),
    temporary,
    { region: "eu-central-1", service: "bedrock", now },
  );
  const expected = await smithy(
    temporary,
    "eu-central-1",
    host,
    path,
    { a: ["1", "0"], b: "x y" } as never,
    {
      "content-type": "application/json",
      ...extra,
    },
  );
  assert.equal(signed.headers.authorization, expected);
  assert.match(
    signed.headers.authorization,
    /SignedHeaders=accept;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-amzn-bedrock-trace,/,
  );
});

test("signAwsRequest adds the signing headers to a copy and leaves the request alone", async () => {
  const original = request("bedrock-runtime.us-east-1.amazonaws.com", "/model/m/converse", "", {
    Authorization: "Bearer stale",
    "X-Amz-Date": "20000101T000000Z",
  });
  const before = structuredClone(original);
  const signed = await signAwsRequest(original, temporary, {
    region: "us-east-1",
    service: "bedrock",
    now,
  });
  assert.deepEqual(original, before);
  assert.deepEqual(Object.keys(signed.headers), [
    "content-type",
    "x-amz-date",
    "x-amz-security-token",
    "x-amz-content-sha256",
    "authorization",
  ]);
  assert.equal(signed.headers["x-amz-date"], "20261206T093015Z");
  assert.equal(signed.headers["x-amz-security-token"], temporary.sessionToken);
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body));
  const sha = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  assert.equal(signed.headers["x-amz-content-sha256"], sha);
  assert.equal(signed.body, original.body);
  assert.equal(signed.url, original.url);
});

test("signAwsRequest keys its cached signing key by access key id, date, region and service", async () => {
  const http = request("bedrock-runtime.us-east-1.amazonaws.com", "/model/m/converse");
  const sign = async (credentials: AwsCredentials, region: string, at: Date) =>
    (await signAwsRequest(http, credentials, { region, service: "bedrock", now: at })).headers
      .authorization;
  const next = new Date("2026-12-07T00:00:01Z");
  // AWS issues each secret with an access key id of its own.
  const other = { ...keys, accessKeyId: "AKIDOTHEREXAMPLE", secretAccessKey: "other" };
  const pairs: [AwsCredentials, string, Date][] = [
    [keys, "us-east-1", now],
    [other, "us-east-1", now],
    [keys, "us-west-2", now],
    [keys, "us-east-1", next],
  ];
  for (const [credentials, region, at] of [...pairs, ...pairs.reverse()]) {
    const host = "bedrock-runtime.us-east-1.amazonaws.com";
    const signer = new SignatureV4({ credentials, region, service: "bedrock", sha256: Sha256 });
    const expected = await signer.sign({
      method: "POST",
      protocol: "https:",
      hostname: host,
      path: "/model/m/converse",
      headers: { "content-type": "application/json", host },
      body,
    }, { signingDate: at });
    assert.equal(await sign(credentials, region, at), expected.headers.authorization);
  }
});

test("canonicalAwsRequest writes the canonical request of a Bedrock ConverseStream call", () => {
  const { text, signedHeaders } = canonicalAwsRequest(
    "POST",
    "https://bedrock-runtime.us-east-1.amazonaws.com/model/us.anthropic.claude-sonnet-4-20250514-v1%3A0/converse-stream?z=%2F&a=b%20c",
    {
      "Content-Type": "application/json",
      "X-Amz-Date": "20261206T093015Z",
      "x-amz-content-sha256": "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
      "X-Amz-Security-Token": " a  b\tc ",
      "user-agent": "not signed",
    },
    "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
  );
  assert.equal(
    signedHeaders,
    "content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token",
  );
  assert.equal(
    text,
    [
      "POST",
      "/model/us.anthropic.claude-sonnet-4-20250514-v1%253A0/converse-stream",
      "a=b%20c&z=%2F",
      "content-type:application/json",
      "host:bedrock-runtime.us-east-1.amazonaws.com",
      "x-amz-content-sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
      "x-amz-date:20261206T093015Z",
      "x-amz-security-token:a b c",
      "",
      "content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token",
      "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
    ].join("\n"),
  );
});

test("canonicalAwsRequest normalizes the path as AWS's SDK does", () => {
  const path = (url: string) => canonicalAwsRequest("POST", url, {}, "").text.split("\n")[1];
  assert.equal(path("https://h.example"), "/");
  assert.equal(path("https://h.example//a//b/"), "/a/b/");
  assert.equal(path("https://h.example/a%2Fb/c d"), "/a%252Fb/c%2520d");
});

test("signAwsRequest refuses missing credentials by name, never echoing a value", async () => {
  const http = request("bedrock-runtime.us-east-1.amazonaws.com", "/model/m/converse");
  const cases: [unknown, unknown, string][] = [
    [
      { ...keys, secretAccessKey: "" },
      { region: "us-east-1", service: "bedrock" },
      "bedrock: credentials.secretAccessKey must be a non-empty string",
    ],
    [
      { secretAccessKey: "s3cr3t" },
      { region: "us-east-1", service: "bedrock" },
      "bedrock: credentials.accessKeyId must be a non-empty string",
    ],
    [
      { ...keys, sessionToken: 12 },
      { region: "us-east-1", service: "bedrock" },
      "bedrock: credentials.sessionToken must be a non-empty string",
    ],
    [keys, { service: "bedrock" }, "bedrock: region must be a non-empty string"],
    [keys, { region: "us-east-1" }, "aws: service must be a non-empty string"],
  ];
  for (const [credentials, options, message] of cases) {
    await assert.rejects(
      signAwsRequest(http, credentials as AwsCredentials, options as never),
      (error: Error) => {
        assert.equal(error.name, "ValidationError");
        assert.equal(error.message, `Cannot sign request for ${message}`);
        assert.ok(!error.message.includes("s3cr3t") && !error.message.includes("EXAMPLEKEY"));
        return true;
      },
    );
  }
});

// AWS's published Signature V4 test suite (aws-sig-v4-test-suite), POST vectors (the method the
// providers use): its canonical request and that text's SHA-256 (the last line of its string to
// sign). The suite signs no x-amz-content-sha256, which AWS's SDK (and so signAwsRequest) adds,
// so the full signature is checked against the SDK's signer above and the canonical form here.
const SUITE_DATE = "20150830T123600Z";
const EMPTY_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const SUITE_VECTORS: Array<[name: string, url: string, query: string, hash: string]> = [
  [
    "post-vanilla",
    "https://example.amazonaws.com/",
    "",
    "553f88c9e4d10fc9e109e2aeb65f030801b70c2f6468faca261d401ae622fc87",
  ],
  [
    "post-vanilla-query",
    "https://example.amazonaws.com/?Param1=value1",
    "Param1=value1",
    "9d659678c1756bb3113e2ce898845a0a79dbbc57b740555917687f1b3340fbbd",
  ],
];
for (const [name, url, query, hash] of SUITE_VECTORS) {
  test(`canonicalAwsRequest matches AWS's published test vector ${name}`, async () => {
    const canonical = canonicalAwsRequest("POST", url, { "X-Amz-Date": SUITE_DATE }, EMPTY_HASH);
    assert.equal(
      canonical.text,
      `POST\n/\n${query}\nhost:example.amazonaws.com\nx-amz-date:${SUITE_DATE}\n\n` +
        `host;x-amz-date\n${EMPTY_HASH}`,
    );
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(canonical.text));
    assert.equal(Buffer.from(digest).toString("hex"), hash);
  });
}
