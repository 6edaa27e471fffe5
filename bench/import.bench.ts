// Import time: a fresh process imports the root entry point or one provider's subpath, timed
// inside the process (start-up excluded); one process per sample. Floor: importing a fixed
// one-module package the same way (`floorModule`), which the import targets are multiples of. Deno imports the source by path, Node and Bun the npm build by package
// name and subpath (`entries.ts`).
// Under `deno bench` a call is timed whole, start-up included; the floor's start-up is the same.
import { libraryRoot, suite } from "./bench.ts";
import { entryPoints, floorModule, importTime } from "./entries.ts";

export default await suite((lib, bench) => {
  const floor = floorModule();
  const entries = entryPoints(libraryRoot(lib), Object.keys(lib.providers));
  for (const [name, entry] of entries) {
    bench({
      group: "import",
      name,
      category: "import",
      selfTimed: true,
      // deno-lint-ignore require-await
      fn: async () => importTime(entry),
      // deno-lint-ignore require-await
      floor: async () => importTime(floor),
      floorName: "importing a one-module package",
    });
  }
});
