// The AWS event-stream decoder against frames built here to the format's spec, split every way,
// and against AWS's own codec (@smithy/eventstream-codec, a devDependency) on seeded random frames.
import { test } from "node:test";
import assert from "node:assert/strict";
import { EventStreamCodec, Int64 } from "@smithy/eventstream-codec";
import { fromUtf8, toUtf8 } from "@smithy/util-utf8";
import { Random } from "../testing/internal/random.ts";
import { type AwsEventMessage, createAwsEventStreamDecoder } from "./aws_event_stream.ts";
import { crc32, crc32Update } from "./crc32.ts";

const encoder = new TextEncoder();
const bytes = (text: string): Uint8Array => encoder.encode(text);

// One header as the spec lays it out: name length, name, type, value.
function header(name: string, type: number, value: Uint8Array = new Uint8Array()): Uint8Array {
  const n = bytes(name);
  return Uint8Array.of(n.length, ...n, type, ...value);
}
const be = (size: number, write: (v: DataView) => void): Uint8Array => {
  const out = new Uint8Array(size);
  write(new DataView(out.buffer));
  return out;
};
const sized = (data: Uint8Array): Uint8Array =>
  Uint8Array.of(data.length >> 8, data.length & 0xff, ...data);
const stringHeader = (name: string, value: string): Uint8Array =>
  header(name, 7, sized(bytes(value)));

// A frame built to the spec: prelude, prelude CRC, headers, payload, message CRC.
function frame(headers: Uint8Array[], payload: Uint8Array): Uint8Array {
  const head = new Uint8Array(headers.reduce((n, h) => n + h.length, 0));
  headers.reduce((at, h) => (head.set(h, at), at + h.length), 0);
  const total = 16 + head.length + payload.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, total);
  view.setUint32(4, head.length);
  view.setUint32(8, crc32(out, 0, 8));
  out.set(head, 12);
  out.set(payload, 12 + head.length);
  view.setUint32(total - 4, crc32(out, 0, total - 4));
  return out;
}

const delta = frame(
  [stringHeader(":event-type", "contentBlockDelta"), stringHeader(":message-type", "event")],
  bytes('{"contentBlockIndex":0,"delta":{"text":"Hé ☀️"}}'),
);
const stop = frame(
  [stringHeader(":event-type", "messageStop")],
  bytes('{"stopReason":"end_turn"}'),
);
const empty = frame([], new Uint8Array());
const stream = new Uint8Array([...delta, ...stop, ...empty]);

function decodeAll(chunks: Uint8Array[], maxFrameSize?: number): AwsEventMessage[] {
  const decoder = createAwsEventStreamDecoder("bedrock", maxFrameSize);
  const out = chunks.flatMap((chunk) => decoder.push(chunk));
  decoder.end();
  return out;
}
// Headers and payload as plain data, comparable whatever buffer they view.
const plain = (messages: AwsEventMessage[]) =>
  messages.map((m) => ({ headers: { ...m.headers }, payload: Array.from(m.payload) }));
const expected = plain(decodeAll([stream]));

test("crc32 gives the standard check value", () => {
  assert.equal(crc32(bytes("123456789"), 0, 9), 0xcbf43926);
  assert.equal(crc32(bytes("xx123456789"), 2, 11), 0xcbf43926);
});

test("createAwsEventStreamDecoder reads a stream pushed whole", () => {
  assert.deepEqual(expected, [
    {
      headers: { ":event-type": "contentBlockDelta", ":message-type": "event" },
      payload: Array.from(bytes('{"contentBlockIndex":0,"delta":{"text":"Hé ☀️"}}')),
    },
    {
      headers: { ":event-type": "messageStop" },
      payload: Array.from(bytes('{"stopReason":"end_turn"}')),
    },
    { headers: {}, payload: [] },
  ]);
});

test("createAwsEventStreamDecoder decodes frames whole in a chunk in place, without a copy", () => {
  const chunk = new Uint8Array([0, ...stream, 0]).subarray(1, stream.length + 1);
  const messages = createAwsEventStreamDecoder("bedrock").push(chunk);
  assert.equal(messages.length, 3);
  for (const m of messages) assert.equal(m.payload.buffer, chunk.buffer);
  assert.equal(messages[0].payload.byteOffset, 1 + delta.length - 4 - messages[0].payload.length);
});

test("createAwsEventStreamDecoder takes empty chunks anywhere", () => {
  const none = new Uint8Array();
  const chunks = [
    none,
    stream.subarray(0, 7),
    none,
    stream.subarray(7, 30),
    none,
    stream.subarray(30),
    none,
  ];
  assert.deepEqual(plain(decodeAll(chunks)), expected);
});

test("createAwsEventStreamDecoder reads a stream pushed one byte at a time", () => {
  const decoder = createAwsEventStreamDecoder("bedrock");
  const counts: number[] = [];
  const out: AwsEventMessage[] = [];
  for (const byte of stream) {
    const got = decoder.push(Uint8Array.of(byte));
    if (got.length > 0) counts.push(got.length);
    out.push(...got);
  }
  decoder.end();
  assert.deepEqual(plain(out), expected);
  assert.deepEqual(counts, [1, 1, 1]);
});

test("createAwsEventStreamDecoder reads a stream split at every point, in two and in three", () => {
  for (let i = 0; i <= stream.length; i++) {
    assert.deepEqual(
      plain(decodeAll([stream.subarray(0, i), stream.subarray(i)])),
      expected,
      `at ${i}`,
    );
  }
  for (let i = 0; i <= stream.length; i += 3) {
    for (let j = i; j <= stream.length; j += 5) {
      const chunks = [stream.subarray(0, i), stream.subarray(i, j), stream.subarray(j)];
      assert.deepEqual(plain(decodeAll(chunks)), expected, `at ${i}, ${j}`);
    }
  }
});

test("createAwsEventStreamDecoder reads a 256 KiB frame pushed byte by byte in linear time", () => {
  const payload = new Uint8Array(256 * 1024).map((_, i) => i);
  const big = frame([stringHeader(":event-type", "chunk")], payload);
  const decoder = createAwsEventStreamDecoder("bedrock");
  const out: AwsEventMessage[] = [];
  for (let i = 0; i < big.length; i++) out.push(...decoder.push(big.subarray(i, i + 1)));
  assert.equal(out.length, 1);
  assert.deepEqual(out[0].payload, payload);
});

test("createAwsEventStreamDecoder checks every frame of a chunk larger than its CRC window", () => {
  // 64 KiB windows: small frames on both sides of each boundary, and frames larger than one.
  const random = new Random(11);
  const frames: Uint8Array[] = [];
  for (let i = 0; i < 1500; i++) {
    const size = i % 500 === 7 ? 70_000 + random.int(70_000) : random.int(300);
    const payload = new Uint8Array(size).map(() => random.int(256));
    frames.push(frame([stringHeader(":event-type", `e${i % 3}`)], payload));
  }
  const whole = new Uint8Array(frames.reduce((n, f) => n + f.length, 0));
  frames.reduce((at, f) => (whole.set(f, at), at + f.length), 0);
  assert.ok(whole.length > 4 * 65536);
  const out = decodeAll([whole]);
  assert.equal(out.length, frames.length);
  for (let i = 0; i < frames.length; i++) {
    assert.deepEqual(out[i].payload, frames[i].subarray(12 + 17, -4));
  }
  // A flipped payload byte anywhere is caught, also past the first window.
  for (const at of [70_000, 200_000, whole.length - 5]) {
    const bad = whole.slice();
    bad[at] ^= 1;
    assert.throws(() => decodeAll([bad]), (e: Error) => /CRC32 mismatch/.test(e.message));
  }
});

test("createAwsEventStreamDecoder reads every header type", () => {
  const uuid = Uint8Array.from({ length: 16 }, (_, i) => i * 17);
  const all = frame([
    header("t", 0),
    header("f", 1),
    header("byte", 2, Uint8Array.of(0xfe)),
    header("short", 3, be(2, (v) => v.setInt16(0, -300))),
    header("int", 4, be(4, (v) => v.setInt32(0, -70000))),
    header("long", 5, be(8, (v) => v.setBigInt64(0, -(2n ** 60n)))),
    header("bytes", 6, sized(Uint8Array.of(1, 2, 3))),
    header("string", 7, sized(bytes("naïve ☀️"))),
    header("time", 8, be(8, (v) => v.setBigInt64(0, 1_700_000_000_123n))),
    header("uuid", 9, uuid),
    header("__proto__", 7, sized(bytes("kept"))),
  ], bytes("{}"));
  const [message] = decodeAll([all]);
  assert.deepEqual({ ...message.headers }, {
    t: true,
    f: false,
    byte: -2,
    short: -300,
    int: -70000,
    long: -(2n ** 60n),
    bytes: Uint8Array.of(1, 2, 3),
    string: "naïve ☀️",
    time: new Date(1_700_000_000_123),
    uuid: "00112233-4455-6677-8899-aabbccddeeff",
    ["__proto__"]: "kept",
  });
  assert.equal(Object.getPrototypeOf(message.headers), Object.prototype);
});

// Pushes the chunks and returns the error the decoder throws (from a push or from end).
function failure(chunks: Uint8Array[], maxFrameSize?: number): { type: string; message: string } {
  try {
    decodeAll(chunks, maxFrameSize);
  } catch (error) {
    const { type, message } = error as { type: string; message: string };
    return { type, message };
  }
  assert.fail("no error");
}
// A copy of `data` with byte `at` xor-ed.
const flip = (data: Uint8Array, at: number): Uint8Array => {
  const out = data.slice();
  out[at] ^= 1;
  return out;
};
// A frame whose prelude says `total` and `headers`, with a valid prelude CRC.
function prelude(total: number, headers: number, size = 16): Uint8Array {
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, total);
  view.setUint32(4, headers);
  view.setUint32(8, crc32(out, 0, 8));
  return out;
}

test("createAwsEventStreamDecoder refuses a prelude CRC mismatch", () => {
  assert.deepEqual(failure([flip(empty, 3)]), {
    type: "invalid_frame",
    message:
      "Cannot decode bedrock event stream: prelude CRC32 mismatch (0x05c248eb, computed 0x38a2615b)",
  });
});

test("createAwsEventStreamDecoder refuses a message CRC mismatch, split or whole", () => {
  const bad = flip(stop, stop.length - 6);
  const error = failure([bad]);
  assert.equal(error.type, "invalid_frame");
  assert.match(
    error.message,
    /^Cannot decode bedrock event stream: message CRC32 mismatch \(0x[0-9a-f]{8}, computed 0x[0-9a-f]{8}\)$/,
  );
  assert.deepEqual(failure([bad.subarray(0, 20), bad.subarray(20)]), error);
});

test("createAwsEventStreamDecoder refuses impossible lengths", () => {
  assert.deepEqual(failure([prelude(15, 0)]), {
    type: "invalid_frame",
    message: "Cannot decode bedrock event stream: total length 15 is below the 16-byte minimum",
  });
  assert.deepEqual(failure([prelude(20, 5)]), {
    type: "invalid_frame",
    message:
      "Cannot decode bedrock event stream: headers length 5 runs past the end of a 20-byte frame",
  });
});

test("createAwsEventStreamDecoder refuses a frame over the cap once its prelude arrives", () => {
  const expected = {
    type: "event_too_large",
    message:
      "Cannot decode bedrock event stream: a frame of 100000 bytes exceeds the 1024-byte cap",
  };
  assert.deepEqual(failure([prelude(100_000, 0, 12)], 1024), expected);
  const split = prelude(100_000, 0, 12);
  assert.deepEqual(failure([split.subarray(0, 5), split.subarray(5)], 1024), expected);
  assert.equal(decodeAll([stop], stop.length).length, 1);
  assert.equal(failure([stop], stop.length - 1).type, "event_too_large");
});

test("createAwsEventStreamDecoder end refuses a frame cut short", () => {
  assert.deepEqual(failure([stream.subarray(0, delta.length + 5)]), {
    type: "truncated_stream",
    message:
      "Cannot decode bedrock event stream: the stream ended inside a frame's prelude (5 of 12 bytes)",
  });
  assert.deepEqual(failure([stream.subarray(0, delta.length + 20)]), {
    type: "truncated_stream",
    message:
      `Cannot decode bedrock event stream: the stream ended inside a frame (20 of ${stop.length} bytes)`,
  });
});

test("createAwsEventStreamDecoder refuses headers that run past their end or have an unknown type", () => {
  const cut = frame(
    [Uint8Array.of(4, ...bytes("name"), 7, 0, 9, ...bytes("abc"))],
    new Uint8Array(),
  );
  assert.deepEqual(failure([cut]), {
    type: "invalid_frame",
    message:
      'Cannot decode bedrock event stream: header at byte 12 ("name") runs past the end of the headers',
  });
  const name = frame([Uint8Array.of(9, ...bytes("abc"))], new Uint8Array());
  assert.equal(
    failure([name]).message,
    "Cannot decode bedrock event stream: header at byte 12 (its name) runs past the end of the headers",
  );
  assert.deepEqual(failure([frame([header("x", 10)], new Uint8Array())]), {
    type: "invalid_frame",
    message: 'Cannot decode bedrock event stream: header "x" has unknown type 10',
  });
});

test("createAwsEventStreamDecoder keeps failing after an error, and refuses what is not bytes", () => {
  const decoder = createAwsEventStreamDecoder("bedrock");
  let first: unknown;
  try {
    decoder.push(flip(empty, 0));
  } catch (error) {
    first = error;
  }
  assert.ok(first instanceof Error && first.message.includes("prelude CRC32 mismatch"));
  assert.throws(() => decoder.push(empty), (error) => error === first);
  assert.throws(() => decoder.end(), (error) => error === first);
  assert.throws(() => createAwsEventStreamDecoder("bedrock").push("text" as never), {
    name: "ValidationError",
    message: 'Cannot decode bedrock event stream: push takes a Uint8Array, got "text"',
  });
});

// AWS's codec as the oracle: its headers ({type, value}) in our shapes.
const codec = new EventStreamCodec(toUtf8, fromUtf8);
type Smithy = Parameters<typeof codec.encode>[0]["headers"][string];
function fromSmithy(headers: Record<string, Smithy>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, h] of Object.entries(headers)) {
    out[name] = h.type === "long" ? BigInt(h.value.valueOf()) : h.value;
  }
  return out;
}
function randomHeader(random: Random): [Smithy, unknown] {
  const sign = random.chance(0.5) ? -1 : 1;
  switch (random.int(9)) {
    case 0: {
      const value = random.chance(0.5);
      return [{ type: "boolean", value }, value];
    }
    case 1: {
      const value = sign * random.int(128);
      return [{ type: "byte", value }, value];
    }
    case 2: {
      const value = sign * random.int(32768);
      return [{ type: "short", value }, value];
    }
    case 3: {
      const value = sign * random.int(2 ** 31);
      return [{ type: "integer", value }, value];
    }
    case 4: {
      const value = sign * random.int(2 ** 31) * 1024;
      return [{ type: "long", value: Int64.fromNumber(value) }, BigInt(value)];
    }
    case 5: {
      const value = Uint8Array.from({ length: random.int(40) }, () => random.int(256));
      return [{ type: "binary", value }, value];
    }
    case 6: {
      const value = random.text();
      return [{ type: "string", value }, value];
    }
    case 7: {
      const value = new Date(random.int(2 ** 31) * 1000 + random.int(1000));
      return [{ type: "timestamp", value }, value];
    }
    default: {
      const hex = Array.from({ length: 32 }, () => random.int(16).toString(16)).join("");
      const value = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${
        hex.slice(16, 20)
      }-${hex.slice(20)}`;
      return [{ type: "uuid", value }, value];
    }
  }
}

test("createAwsEventStreamDecoder reads what AWS's encoder writes as AWS's decoder does (seeded)", () => {
  const random = new Random(0xc0ffee);
  for (let round = 0; round < 200; round++) {
    const frames: Uint8Array[] = [];
    const wanted: { headers: Record<string, unknown>; payload: number[] }[] = [];
    for (let n = 1 + random.int(4); n > 0; n--) {
      const headers: Record<string, Smithy> = {};
      const values: Record<string, unknown> = {};
      for (let h = random.int(6); h > 0; h--) {
        const name = random.id(random.pick([":", "x-", ""]));
        [headers[name], values[name]] = randomHeader(random);
      }
      const body = Uint8Array.from({ length: random.int(300) }, () => random.int(256));
      const encoded = codec.encode({ headers, body });
      const theirs = codec.decode(encoded);
      assert.deepEqual(fromSmithy(theirs.headers), values);
      frames.push(encoded);
      wanted.push({ headers: fromSmithy(theirs.headers), payload: Array.from(theirs.body) });
    }
    const all = new Uint8Array(frames.reduce((n, f) => n + f.length, 0));
    frames.reduce((at, f) => (all.set(f, at), at + f.length), 0);
    assert.deepEqual(plain(decodeAll([all])), wanted, `round ${round} whole`);
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < all.length;) {
      const size = random.int(40);
      chunks.push(all.subarray(at, at + size));
      at += size;
    }
    assert.deepEqual(plain(decodeAll(chunks)), wanted, `round ${round} split`);
  }
});

test("createAwsEventStreamDecoder returns the frames before a faulty one, then throws at the next call", () => {
  const bad = stream.slice();
  bad[delta.length + stop.length - 5] ^= 0xff; // the second frame's last payload byte
  const decoder = createAwsEventStreamDecoder();
  assert.equal(decoder.push(bad).length, 1);
  assert.throws(() => decoder.end(), { type: "invalid_frame", path: "message" });
  assert.throws(() => decoder.push(new Uint8Array(1)), { type: "invalid_frame" });
});

test("createAwsEventStreamDecoder tells apart header blocks of one length, sharing each frozen", () => {
  const a = frame([stringHeader(":event-type", "contentBlockStart")], bytes("{}"));
  const b = frame([stringHeader(":event-type", "contentBlockDelta")], bytes("{}"));
  const decoded = createAwsEventStreamDecoder().push(new Uint8Array([...a, ...b, ...a, ...b]));
  assert.deepEqual(decoded.map((m) => m.headers[":event-type"]), [
    "contentBlockStart",
    "contentBlockDelta",
    "contentBlockStart",
    "contentBlockDelta",
  ]);
  assert.equal(decoded[1].headers, decoded[3].headers);
  assert.ok(Object.isFrozen(decoded[0].headers));
});

test("createAwsEventStreamDecoder gives each stream its own headers when another stream's CRC-32 collides", () => {
  // Header blocks are cached process-wide by their raw CRC-32, which anyone can forge: flip a
  // byte of the value and set four more so that the difference's CRC is zero (CRC-32 is linear).
  const genuine = stringHeader(":event-type", "contentBlockDelta");
  const forged = genuine.slice();
  const value = genuine.length - "contentBlockDelta".length;
  const difference = new Uint8Array(genuine.length);
  difference[value] = 0x01;
  let register = crc32Update(0, difference, 0, value + 1);
  for (let k = 1; k <= 4; k++) {
    difference[value + k] = register & 0xff;
    register = crc32Update(register, difference, value + k, value + k + 1);
  }
  assert.equal(crc32Update(0, difference, 0, difference.length), 0);
  for (let i = 0; i < forged.length; i++) forged[i] ^= difference[i];
  assert.equal(
    crc32Update(0, forged, 0, forged.length),
    crc32Update(0, genuine, 0, genuine.length),
  );

  const first = createAwsEventStreamDecoder().push(frame([genuine], bytes("{}")));
  assert.equal(first[0].headers[":event-type"], "contentBlockDelta");
  // A new stream meets the cached block's CRC with other bytes: it reads its own.
  const second = createAwsEventStreamDecoder().push(frame([forged], bytes("{}")));
  const expected = new TextDecoder().decode(forged.subarray(value));
  assert.notEqual(expected, "contentBlockDelta");
  assert.equal(second[0].headers[":event-type"], expected);
});
