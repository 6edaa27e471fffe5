/**
 * The contract every registered provider passes, run over the registry by
 * `providers/contract_test.ts`: responses, errors and streams behave alike whatever the dialect.
 * Each provider's `fixtures/<name>/` holds the same scenarios in its own wire format (`text`,
 * `tool_calls`, `error_<status>`, `error`, `truncated`, and body/stream twins); streams are `.sse`
 * text or, for a provider whose profile says `aws-event-stream`, `.bin` frames. A dialect that
 * names its errors in a header (Bedrock's `x-amzn-errortype`) keeps them beside the body, in
 * `error_<status>.headers` (a JSON object). What is specific to one provider stays in its own
 * tests.
 *
 * @module
 */

import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { categoryForStatus } from "../codec/http.ts";
import { seededIdGenerator } from "../common/ids.ts";
import { ProviderError, ResponseParseError, RosettaError } from "../common/errors.ts";
import type { Provider } from "../common/provider.ts";
import type { StreamEvent } from "../common/events.ts";
import { chunkings, decodeChunks } from "./chunkings.ts";
import { mutations } from "./mutate.ts";
import { streamFormatOf } from "./stream_format.ts";

/** The text of one fixture file. */
function readFixture(fixtures: URL, name: string): string {
  return readFileSync(new URL(name, fixtures), "utf8");
}

/** The bytes of one fixture file. */
function readBytes(fixtures: URL, name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, fixtures)));
}

/** The headers an error fixture came with, if the dialect names errors in one. */
function errorHeaders(fixtures: URL, name: string): Headers | undefined {
  const file = new URL(`${name}.headers`, fixtures);
  return existsSync(file) ? new Headers(JSON.parse(readFileSync(file, "utf8"))) : undefined;
}

/** A provider's fixture names with the given extension, without it. */
function fixtureNames(fixtures: URL, extension: string): string[] {
  return readdirSync(fixtures)
    .filter((file) => file.endsWith(extension))
    .map((file) => file.slice(0, -extension.length))
    .sort();
}

// `model` names the response where the wire does not (Bedrock); other dialects read their own.
const options = () => ({ generateId: seededIdGenerator(7), model: "contract-model" });

/**
 * Registers the response contract: the shared scenarios parse alike, bad bodies fail with a
 * typed error, and no field of any value makes a parser throw anything but a rosetta error.
 *
 * @param provider The provider under test.
 * @param fixtures The folder of its fixtures (a `file:` URL ending in `/`).
 */
export function responseContract(provider: Provider, fixtures: URL): void {
  responseScenarios(provider, fixtures);
  responseOddInputs(provider, fixtures);
}

function responseScenarios(provider: Provider, fixtures: URL): void {
  const p = provider.name;
  const parse = (body: string) => provider.parseResponse(body, options());

  test(`${p} parseResponse reads text.json as one text block that stopped`, () => {
    const response = parse(readFixture(fixtures, "text.json"));
    assert.equal(response.provider, p);
    assert.deepEqual(response.content.map((b) => b.type), ["text"]);
    assert.equal(response.finishReason, "stop");
    assert.equal(typeof response.rawFinishReason, "string");
    // Converse bodies carry no response id (Bedrock); every other dialect's do.
    assert.ok(response.model !== "" && (response.id === undefined || response.id !== ""));
    if (provider.profile.streamFormat !== "aws-event-stream") assert.ok(response.id !== undefined);
    assert.ok(response.usage.totalTokens >= response.usage.outputTokens);
    assert.ok(response.providerMetadata?.usage !== undefined, "the raw usage is kept");
  });

  test(`${p} parseResponse reads tool_calls.json as the three calls, in order`, () => {
    const response = parse(readFixture(fixtures, "tool_calls.json"));
    assert.equal(response.finishReason, "tool_use");
    const calls = response.content.filter((b) => b.type === "tool_call");
    assert.deepEqual(calls.map((c) => c.type === "tool_call" && [c.name, c.arguments]), [
      ["get_weather", { location: "San Francisco, CA", unit: "celsius" }],
      ["get_weather", { location: "Paris, France", unit: "celsius" }],
      ["get_time", {}],
    ]);
    const ids = calls.map((c) => c.type === "tool_call" && c.id);
    assert.equal(new Set(ids).size, 3);
  });
}

function responseOddInputs(provider: Provider, fixtures: URL): void {
  const p = provider.name;
  const parse = (body: string) => provider.parseResponse(body, options());

  test(`${p} parseResponse refuses malformed JSON and a body that is not an object`, () => {
    assert.throws(() => parse('{"a": ['), {
      name: "ResponseParseError",
      type: "invalid_json",
      provider: p,
    });
    assert.throws(() => parse("[]"), { type: "invalid_field", path: "(body)", provider: p });
  });

  test(`${p} parseResponse throws a ProviderError for an error body`, () => {
    const error = (() => {
      try {
        parse(readFixture(fixtures, "error_400.json"));
      } catch (error) {
        return error;
      }
    })();
    assert.ok(ProviderError.isInstance(error), String(error));
    assert.equal(error.provider, p);
    // A body that names no error (Bedrock's `{"message"}`: the name is in a header) has no category.
    if (errorHeaders(fixtures, "error_400") === undefined) {
      assert.equal(error.category, "invalid_request");
    }
  });

  test(`${p} parseResponse reads a null error field as no error`, () => {
    const body = JSON.parse(readFixture(fixtures, "text.json"));
    assert.deepEqual(parse(JSON.stringify({ ...body, error: null })), parse(JSON.stringify(body)));
  });

  test(`${p} parseResponse fails only with rosetta errors, whatever a field holds`, () => {
    for (const name of fixtureNames(fixtures, ".json").filter((n) => !n.startsWith("request"))) {
      for (const { path, value } of mutations(JSON.parse(readFixture(fixtures, `${name}.json`)))) {
        try {
          parse(JSON.stringify(value));
        } catch (error) {
          assert.ok(RosettaError.isInstance(error), `${name}.json ${path}: ${error}`);
          assert.equal((error as RosettaError).provider, p);
        }
      }
    }
  });
}

/**
 * Registers the error contract: every `error_<status>.json` maps to its status's category with
 * the body's message, and odd bodies still give a ProviderError.
 *
 * @param provider The provider under test.
 * @param fixtures The folder of its fixtures (a `file:` URL ending in `/`).
 */
export function errorContract(provider: Provider, fixtures: URL): void {
  const p = provider.name;
  for (const name of fixtureNames(fixtures, ".json").filter((n) => /^error_\d+$/.test(n))) {
    const status = Number(name.slice(6));
    test(`${p} errorFromResponse maps ${name}.json to the ${categoryForStatus(status)} category`, () => {
      const error = provider.errorFromResponse(
        status,
        readFixture(fixtures, `${name}.json`),
        errorHeaders(fixtures, name),
      );
      assert.ok(error instanceof ProviderError);
      assert.deepEqual([error.provider, error.status, error.category], [
        p,
        status,
        categoryForStatus(status),
      ]);
      assert.ok(error.code !== undefined && !error.message.startsWith("HTTP "), error.message);
    });
  }

  test(`${p} errorFromResponse reads a retry-after header in seconds`, () => {
    const headers = new Headers({ "retry-after": "7" });
    assert.equal(
      provider.errorFromResponse(500, readFixture(fixtures, "error_500.json"), headers)
        .retryAfterMs,
      7000,
    );
  });

  test(`${p} errorFromResponse turns a body that is not its JSON into a message`, () => {
    const html = provider.errorFromResponse(502, "<html><body>502 Bad Gateway</body></html>");
    assert.deepEqual([html.category, html.code, html.message], [
      "server",
      undefined,
      "HTTP 502: <html><body>502 Bad Gateway</body></html>",
    ]);
    const odd = provider.errorFromResponse(400, '{"error":"nope"}');
    assert.deepEqual([odd.category, odd.message], [
      "invalid_request",
      'HTTP 400: {"error":"nope"}',
    ]);
  });
}

function decode(provider: Provider, text: string | Uint8Array) {
  return decodeChunks(provider.createStreamDecoder(options()), [text]);
}

/**
 * Registers the stream contract: every stream fixture decodes the same however it is split and
 * equals its body twin; text, tool calls, in-stream errors, cut streams and malformed or
 * oversized events behave alike; no field of any event makes a decoder throw.
 *
 * @param provider The provider under test.
 * @param fixtures The folder of its fixtures (a `file:` URL ending in `/`).
 */
export function streamContract(provider: Provider, fixtures: URL): void {
  const p = provider.name;
  const ext = streamFormatOf(provider).extension;
  for (const name of fixtureNames(fixtures, ext)) {
    const bytes = readBytes(fixtures, `${name}${ext}`);
    test(`${p} stream ${name}${ext} decodes the same however it is split`, () => {
      const whole = decode(provider, bytes);
      assert.ok(whole.events.length > 0);
      for (const { name: cut, chunks } of chunkings(bytes)) {
        const split = decodeChunks(provider.createStreamDecoder(options()), chunks);
        assert.deepStrictEqual(split, whole, `${name}${ext} split ${cut}`);
      }
    });
    if (!existsSync(new URL(`${name}.json`, fixtures))) continue;
    test(`${p} stream ${name}${ext} accumulates to the same response as ${name}.json`, () => {
      const streamed = decode(provider, bytes);
      assert.equal(streamed.error, undefined);
      const parsed = provider.parseResponse(readFixture(fixtures, `${name}.json`), options());
      assert.deepStrictEqual(streamed.response, parsed);
    });
  }
  streamEventContract(provider, fixtures);
  streamFailureContract(provider, fixtures);
  streamOddInputs(provider, fixtures);
}

function streamEventContract(provider: Provider, fixtures: URL): void {
  const p = provider.name;
  const ext = streamFormatOf(provider).extension;
  test(`${p} stream text${ext} starts, deltas the text, finishes once and reports final usage`, () => {
    const { events, response } = decode(provider, readBytes(fixtures, `text${ext}`));
    assert.equal(events[0].type, "start");
    const text = events.map((e) => e.type === "text_delta" && e.index === 0 ? e.text : "").join("");
    assert.deepEqual(response?.content, [{ type: "text", text }]);
    assert.equal(events.filter((e) => e.type === "finish").length, 1);
    const usage = events.filter((e) => e.type === "usage").at(-1);
    assert.deepEqual(usage?.type === "usage" && usage.usage, response?.usage);
  });

  test(`${p} stream tool_calls${ext} ends each call once, after its pieces, with its arguments`, () => {
    const { events, response } = decode(provider, readBytes(fixtures, `tool_calls${ext}`));
    const ends = events.filter((e) => e.type === "tool_call_end");
    const calls = response!.content.filter((b) => b.type === "tool_call");
    assert.deepEqual(
      ends.map((e) => e.type === "tool_call_end" && [e.id, e.name, e.arguments]),
      calls.map((c) => c.type === "tool_call" && [c.id, c.name, c.arguments]),
    );
    for (const end of ends) {
      const at = events.indexOf(end);
      const later = events.slice(at + 1);
      assert.ok(!later.some((e) => e.type === "tool_call_delta" && e.index === end.index));
      assert.ok(
        events.slice(0, at).some((e) => e.type === "tool_call_start" && e.index === end.index),
      );
    }
  });
}

function streamFailureContract(provider: Provider, fixtures: URL): void {
  const p = provider.name;
  const format = streamFormatOf(provider);
  const ext = format.extension;
  test(`${p} stream error${ext} reports the provider's error and throws it with the partial text`, () => {
    const { events, error } = decode(provider, readBytes(fixtures, `error${ext}`));
    const last = events.at(-1) as Extract<StreamEvent, { type: "error" }>;
    assert.ok(last.type === "error" && last.error instanceof ProviderError);
    assert.deepEqual([last.error.provider, last.error.category], [p, "server"]);
    assert.equal(error, last.error);
    assert.deepEqual(last.error.partial?.content, [{ type: "text", text: "Partial ans" }]);
  });

  test(`${p} stream truncated${ext} throws truncated_stream keeping what arrived`, () => {
    const { error } = decode(provider, readBytes(fixtures, `truncated${ext}`));
    assert.ok(error instanceof ResponseParseError);
    assert.equal(error.type, "truncated_stream");
    assert.match(error.message, new RegExp(`^Cannot finish ${p} stream: it ended before `));
    assert.deepEqual(error.partial?.content[0], { type: "text", text: "Checking the forecast ☀️" });
  });

  test(`${p} stream reports a malformed event by number and reads on`, () => {
    const events = format.events(readBytes(fixtures, `text${ext}`));
    events.splice(1, 0, { ...events[1], data: "{" });
    const { error, events: out } = decode(provider, format.encode(events));
    assert.ok(error instanceof ResponseParseError);
    assert.deepEqual([error.type, error.path, error.raw], ["invalid_json", "event 2", "{"]);
    assert.ok(out.some((e) => e.type === "finish"));
    assert.equal(error.partial?.content.length, 1);
  });
}

function streamOddInputs(provider: Provider, fixtures: URL): void {
  const p = provider.name;
  const format = streamFormatOf(provider);
  const ext = format.extension;
  test(`${p} stream refuses to buffer an event over maxEventSize`, () => {
    const bytes = readBytes(fixtures, `text${ext}`);
    const decoder = provider.createStreamDecoder({ maxEventSize: 64 });
    assert.throws(() => {
      for (let i = 0; i < bytes.length; i += 16) decoder.push(bytes.subarray(i, i + 16));
    }, { name: "ResponseParseError", type: "event_too_large", provider: p });
  });

  test(`${p} stream reads a null error field on every event as no error`, () => {
    const bytes = readBytes(fixtures, `text${ext}`);
    const events = format.events(bytes).map((e) =>
      e.data.startsWith("{")
        ? { ...e, data: JSON.stringify({ ...JSON.parse(e.data), error: null }) }
        : e
    );
    assert.deepStrictEqual(decode(provider, format.encode(events)), decode(provider, bytes));
  });

  test(`${p} stream fails only with rosetta errors, whatever a field of an event holds`, () => {
    for (const name of fixtureNames(fixtures, ext).filter((n) => n !== "truncated")) {
      const events = format.events(readBytes(fixtures, `${name}${ext}`));
      events.forEach((event, i) => {
        if (!event.data.startsWith("{")) return;
        for (const { path, value } of mutations(JSON.parse(event.data))) {
          const odd = [...events];
          odd[i] = { ...event, data: JSON.stringify(value) };
          const { error } = decode(provider, format.encode(odd));
          if (error === undefined) continue;
          assert.ok(
            RosettaError.isInstance(error),
            `${name}${ext} event ${i + 1} ${path}: ${error}`,
          );
        }
      });
    }
  });
}
