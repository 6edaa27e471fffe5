// Checks the npm bundle (scripts/build.sh OUT_DIR): each dialect's subpath entry, followed through
// every chunk it imports, holds no module of client/, tools/, testing/ or another dialect; and
// only the otel entry imports @opentelemetry/api (an optional peer dependency). The
// bundler marks each module's code with a `// <path>.ts` line, which is what is read here.
//
//   deno run -A scripts/check_subpaths.ts OUT_DIR     (node scripts/check_subpaths.ts works too)
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import process from "node:process";

const out = process.argv[2] ?? "dist";
// The folders a dialect may also load, besides common/ and codec/.
const SHARED: Record<string, string[]> = {
  anthropic: ["anthropic-shared"],
  openai: ["openai-shared"],
  google: [],
  "openai-responses": ["openai-shared"],
  bedrock: ["anthropic-shared"],
};

/** The source modules an entry loads, through every chunk it imports; packages into `bare`. */
function modulesOf(entry: string, bare = new Set<string>()): Set<string> {
  const modules = new Set<string>();
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, "utf8");
    for (const [, path] of code.matchAll(/^\/\/ ([\w./-]+\.ts)$/gm)) modules.add(path);
    for (const [, spec] of code.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+)"/g)) {
      pending.push(join(dirname(file), spec));
    }
    for (const [, spec] of code.matchAll(/(?:from|import)\s*"([^".][^"]*)"/g)) bare.add(spec);
  }
  return modules;
}

let failures = 0;
const dialects = readdirSync(join(out, "providers")).filter((name) => name in SHARED);
if (dialects.length !== Object.keys(SHARED).length) {
  console.error(`expected the dialects ${Object.keys(SHARED).join(", ")} in ${out}/providers`);
  failures++;
}
for (const dialect of dialects) {
  const entry = join(out, "providers", dialect, "mod.js");
  const modules = [...modulesOf(entry)];
  const allowed = (path: string) =>
    path.startsWith("common/") || path.startsWith("codec/") ||
    [dialect, ...SHARED[dialect]].some((folder) => path.startsWith(`providers/${folder}/`));
  const foreign = modules.filter((path) => !allowed(path));
  if (!modules.includes(`providers/${dialect}/mod.ts`) || foreign.length > 0) {
    failures++;
    console.error(`${relative(".", entry)} loads ${foreign.join(", ") || "not its own dialect"}`);
  } else {
    console.log(`${relative(".", entry)}: ${modules.length} modules, none of client/ or tools/`);
  }
}
// @opentelemetry/api is an optional peer dependency: only the otel entry may import it.
for (const entry of ["mod.js", "hosts/mod.js", ...dialects.map((d) => `providers/${d}/mod.js`)]) {
  const bare = new Set<string>();
  modulesOf(join(out, entry), bare);
  const otel = [...bare].filter((name) => name.startsWith("@opentelemetry/"));
  if (otel.length > 0) {
    failures++;
    console.error(`${entry} imports ${otel.join(", ")}: only otel/mod.js may`);
  }
}
const otelBare = new Set<string>();
modulesOf(join(out, "otel", "mod.js"), otelBare);
if (!otelBare.has("@opentelemetry/api")) {
  failures++;
  console.error("otel/mod.js does not import @opentelemetry/api");
} else console.log("@opentelemetry/api: imported by otel/mod.js only");
process.exit(failures === 0 ? 0 : 1);
