import { test } from "node:test";
import assert from "node:assert/strict";
import { PartialJsonReader } from "./partial_json.ts";
import { PartialJsonError } from "../common/errors.ts";
import { Random } from "../testing/internal/random.ts";
import { generateJson, partialOf } from "../testing/internal/partial_json_oracle.ts";

/** Feeds `pieces`, checking a snapshot after each piece where `look` says; returns the end. */
function read(pieces: string[], look: (k: number) => boolean, label: string): unknown {
  const reader = new PartialJsonReader();
  let so_far = "";
  for (let k = 0; k < pieces.length; k++) {
    reader.push(pieces[k]);
    so_far += pieces[k];
    if (look(k)) {
      assert.deepStrictEqual(
        reader.snapshot(),
        partialOf(so_far),
        `${label} after ${JSON.stringify(so_far)}`,
      );
    }
  }
  return reader.end();
}

function charsOf(text: string): string[] {
  return text.split("");
}

test("PartialJsonReader agrees with the reference on 10,000 generated documents, split everywhere", () => {
  const random = new Random(24);
  for (let doc = 0; doc < 10_000; doc++) {
    const text = generateJson(random);
    const whole = JSON.parse(text);
    if (text.length <= 80) {
      // Every position is a split: one UTF-16 code unit at a time, a snapshot after each.
      assert.deepStrictEqual(read(charsOf(text), () => true, text), whole, text);
    }
    const pieces: string[] = [];
    for (let at = 0; at < text.length;) {
      const size = 1 + random.int(12);
      pieces.push(text.slice(at, at + size));
      at += size;
    }
    const every = 1 + random.int(4);
    assert.deepStrictEqual(read(pieces, (k) => k % every === 0, text), whole, text);
  }
});

test("PartialJsonReader reads every escape and surrogate pair split at every position", () => {
  const text =
    '{"s":"\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\ude00 😀 \\uD834\\uDD1E end"}';
  for (let cut = 1; cut < text.length; cut++) {
    const pieces = [text.slice(0, cut), text.slice(cut)];
    assert.deepStrictEqual(read(pieces, () => true, text), JSON.parse(text));
  }
  assert.deepStrictEqual(read(charsOf(text), () => true, text), JSON.parse(text));
});

test("PartialJsonReader never shows half a surrogate pair", () => {
  const reader = new PartialJsonReader();
  reader.push('["a\\ud83d');
  assert.deepStrictEqual(reader.snapshot(), ["a"]);
  reader.push("\\ude00");
  assert.deepStrictEqual(reader.snapshot(), ["a😀"]);
});

test("PartialJsonReader shows numbers, literals and keys only once complete", () => {
  const steps: [string, unknown][] = [
    ['{"n', {}],
    ['ame"', {}],
    [":", {}],
    [" -", {}],
    ["1", {}],
    [".", {}],
    ["5e", {}],
    ["3", {}],
    [',"t":tr', { name: -1.5e3 }],
    ["ue", { name: -1.5e3, t: true }],
    [',"s":"', { name: -1.5e3, t: true, s: "" }],
  ];
  const reader = new PartialJsonReader();
  for (const [piece, expected] of steps) {
    reader.push(piece);
    assert.deepStrictEqual(reader.snapshot(), expected, piece);
  }
});

test("PartialJsonReader reads top-level scalars", () => {
  for (const text of ["12", " -0.5e2 ", "true", "null", '"a\\nb"', "  []  "]) {
    assert.deepStrictEqual(read(charsOf(text), () => true, text), JSON.parse(text));
  }
  const reader = new PartialJsonReader();
  reader.push("12");
  assert.equal(reader.snapshot(), undefined);
  assert.equal(reader.end(), 12);
});

test("PartialJsonReader keeps complete values by identity and grows one open array", () => {
  const reader = new PartialJsonReader();
  reader.push('{"items":[{"a":1},{"b":');
  const first = reader.snapshot() as { items: object[] };
  reader.push('2},{"c":"x');
  const second = reader.snapshot() as { items: object[] };
  assert.notEqual(second, first);
  assert.equal(second.items[0], first.items[0]);
  assert.deepStrictEqual(second, { items: [{ a: 1 }, { b: 2 }, { c: "x" }] });
  assert.equal(reader.snapshot(), second, "no change, same snapshot");
  assert.ok(reader.isOpen(second.items) && reader.isOpen(second.items[2]) && reader.isOpen(second));
  assert.ok(!reader.isOpen(second.items[0]), "closed");
  reader.push('"}]}');
  const done = reader.end() as { items: object[] };
  assert.equal(done.items[1], second.items[1]);
});

test("PartialJsonReader keeps __proto__ as an own key, as JSON.parse does", () => {
  const text = '{"__proto__":{"x":1},"a":{"__proto__":[2]}}';
  for (const pieces of [[text], charsOf(text)]) {
    const value = read(pieces, () => true, text) as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.deepStrictEqual(Object.keys(value), ["__proto__", "a"]);
  }
});

test("PartialJsonReader grows a 1 MiB string piece by piece", () => {
  const reader = new PartialJsonReader();
  reader.push('{"text":"');
  const piece = "abcdefghij\\n".repeat(3);
  let length = 0;
  for (let k = 0; k < 32_768; k++) {
    reader.push(piece);
    length += 33;
    // A snapshot after every piece: copying the string each time would take minutes.
    const text = (reader.snapshot() as { text: string }).text;
    if (k % 1024 === 0) assert.equal(text.length, length);
  }
  reader.push('"}');
  assert.equal((reader.end() as { text: string }).text.length, length);
});

test("PartialJsonReader reads a million one-character pieces with no snapshot between", () => {
  // The text is kept as one string appended to: made flat once at the end, without recursion.
  const reader = new PartialJsonReader();
  reader.push('{"s":"');
  const pieces = ["a", "\\", "n"]; // `a\n`, the escape split
  for (let k = 0; k < 999_999; k++) reader.push(pieces[k % 3]);
  reader.push('"}');
  assert.equal((reader.end() as { s: string }).s, "a\n".repeat(333_333));
});

// [text, position of the error, the value read before it when not that of the prefix]
const INVALID: [string, number, unknown?][] = [
  ['{"a":[1,}', 8],
  ["[1 2]", 3],
  ['{"a" 1}', 5],
  ["[01]", 2, [0]], // the 0 is a whole number; the 1 cannot follow it
  ["[1.]", 3],
  ["[-]", 2],
  ["[1e]", 3],
  ["[tru]", 4],
  ["[nul,", 4],
  ['["a\u0001"]', 3],
  ['["\\x"]', 3],
  ['["\\u12g4"]', 6],
  ["[1]]", 3],
  ["{]", 1],
  ["[}", 1],
  ['{"a":1,}', 7],
  ["1 2", 2],
  ["@", 0],
];

test("PartialJsonReader names the position of invalid JSON and keeps what was read", () => {
  for (const [text, position, value = partialOf(text.slice(0, position))] of INVALID) {
    for (const pieces of [[text], charsOf(text)]) {
      const reader = new PartialJsonReader();
      const error = (() => {
        try {
          for (const piece of pieces) reader.push(piece);
          reader.end();
        } catch (error) {
          return error;
        }
      })();
      assert.ok(PartialJsonError.isInstance(error), text);
      assert.equal(error.type, "invalid_json", text);
      assert.equal(error.position, position, text);
      assert.match(error.message, new RegExp(`^Cannot read JSON: .* at position ${position}$`));
      assert.deepStrictEqual(error.value, value, text);
      assert.throws(() => reader.push("1"), (again) => again === error, "fails again");
    }
  }
});

test("PartialJsonReader refuses text that ends before its value", () => {
  for (const text of ["", "  ", '{"a":1', "[", '"ab', "tru", "-"]) {
    const reader = new PartialJsonReader();
    reader.push(text);
    assert.throws(() => reader.end(), { type: "invalid_json", position: text.length });
  }
});

test("PartialJsonReader refuses nesting past its cap without overflowing the stack", () => {
  const reader = new PartialJsonReader();
  assert.throws(() => reader.push("[".repeat(1_000_000)), { type: "too_deep", position: 256 });
  const shallow = new PartialJsonReader({ maxDepth: 3 });
  shallow.push("[[[1]]");
  assert.throws(() => shallow.push(",[[[2]]]"), {
    type: "too_deep",
    message: "Cannot read JSON: nesting deeper than 3 at position 9",
    value: [[[1]], [[]]],
  });
});
