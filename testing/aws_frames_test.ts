// The mock server's frame writer against AWS's own encoder (@smithy/eventstream-codec, a
// devDependency): the same headers and payload give the same bytes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { EventStreamCodec } from "@smithy/eventstream-codec";
import { fromUtf8, toUtf8 } from "@smithy/util-utf8";
import { awsEventFrame, converseEventHeaders, converseExceptionHeaders } from "./aws_frames.ts";

const codec = new EventStreamCodec(toUtf8, fromUtf8);

function theirs(headers: Record<string, string>, payload: string): Uint8Array {
  const typed: Record<string, { type: "string"; value: string }> = {};
  for (const [name, value] of Object.entries(headers)) typed[name] = { type: "string", value };
  return codec.encode({ headers: typed, body: fromUtf8(payload) });
}

test("awsEventFrame writes the bytes AWS's encoder writes, for events and exceptions", () => {
  const rows: Array<[Record<string, string>, string]> = [
    [
      converseEventHeaders("contentBlockDelta"),
      '{"contentBlockIndex":0,"delta":{"text":"Hé ☀️"},"p":"ab"}',
    ],
    [converseEventHeaders("messageStop"), '{"stopReason":"end_turn"}'],
    [converseExceptionHeaders("throttlingException"), '{"message":"slow down"}'],
    [{}, ""],
  ];
  for (const [headers, payload] of rows) {
    assert.deepEqual(
      Array.from(awsEventFrame(headers, payload)),
      Array.from(theirs(headers, payload)),
    );
  }
});
