// Partial values while JSON streams: the whole stream of ~30-character deltas through a
// PartialJsonReader, with a snapshot after every delta, every 10th or none, then the final value.
// Floor: one JSON.parse of the final text. The ratio should not grow with the size (linear).
import { type Library, type Register, suite } from "./bench.ts";
import { deltasOf, PARTIAL_SIZES, partialAnswer } from "./partial_input.ts";

const answers = PARTIAL_SIZES.map((kb) => {
  const text = partialAnswer(kb * 1024);
  return { kb, text, deltas: deltasOf(text) };
});

function read(lib: Library, deltas: string[], every: number): unknown {
  const reader = new lib.PartialJsonReader();
  let last: unknown;
  for (let i = 0; i < deltas.length; i++) {
    reader.push(deltas[i]);
    if (every !== 0 && (i + 1) % every === 0) last = reader.snapshot();
  }
  return [last, reader.end()];
}

export default await suite((lib: Library, bench: Register) => {
  // 0: no snapshot before the end, what reading costs by itself.
  for (const every of [1, 10, 0]) {
    for (const { kb, text, deltas } of answers) {
      bench({
        group: every === 0
          ? "partial: final value only"
          : `partial: snapshot every ${every === 1 ? "delta" : `${every} deltas`}`,
        name: `${kb} KB`,
        category: "partial",
        perCall: deltas.length,
        fn: () => read(lib, deltas, every),
        floor: () => JSON.parse(text),
        floorName: "JSON.parse of the final text",
      });
    }
  }
});
