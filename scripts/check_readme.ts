// The README's code as a consumer sees it: every ```ts block is written to its own module in
// .readme/ (inside the checkout, so that `@rosetta/llm` resolves to this checkout through
// deno.json's name and exports, and zod from node_modules), type-checked with `deno check`, then
// run in order against the mock server: `fetch` answers in-process from createMockServer at the
// providers' real URLs, and the API keys are set to placeholders. A block fenced ```ts check is
// type-checked only. Exit 1 names the README line of the first block that fails.
//
//   deno run -A scripts/check_readme.ts [README.md]
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import process from "node:process";

const readme = process.argv[2] ?? "README.md";
const dir = ".readme";
const deno = process.execPath;

interface Block {
  line: number;
  code: string;
  run: boolean;
}

function blocks(markdown: string): Block[] {
  const found: Block[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```ts(?:\s+(\w+))?\s*$/.exec(lines[i]);
    if (fence === null) continue;
    const start = i + 1;
    while (++i < lines.length && lines[i] !== "```");
    found.push({ line: start, code: lines.slice(start, i).join("\n"), run: fence[1] !== "check" });
  }
  return found;
}

// Installs the mock server as `fetch` and placeholder keys, before any block runs.
const PRELUDE = `import process from "node:process";
import { createMockServer, reply, text, toolCall } from "@rosetta/llm/testing";

const mock = createMockServer({
  script: (request) => {
    const body = JSON.stringify(request.body);
    if (body.includes("celsius")) return reply(text("It is 18 °C and sunny in Paris."));
    if (body.includes("get_weather")) return reply(toolCall("get_weather", { city: "Paris" }));
    // A structured output (Anthropic output_config, OpenAI response_format, Gemini responseSchema).
    if (body.includes("json_schema") || body.includes("responseSchema")) {
      return reply(text('{"number":"INV-7","total":42.5}'));
    }
    return reply(text("27 × 453 = 12231."));
  },
});
globalThis.fetch = mock.fetch as typeof fetch;
for (const key of [
  "ANTHROPIC_API_KEY",
  "OPENAI_API_KEY",
  "GEMINI_API_KEY",
  "MISTRAL_API_KEY",
  "AWS_BEARER_TOKEN_BEDROCK",
]) {
  process.env[key] = "readme-key";
}
`;

const found = blocks(readFileSync(readme, "utf8"));
if (found.length === 0) {
  console.error(`${readme}: no \`\`\`ts blocks`);
  process.exit(1);
}
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir);
const file = (block: Block) => `${dir}/readme_line_${block.line}.ts`;
try {
  for (const block of found) writeFileSync(file(block), `${block.code}\n`);
  writeFileSync(`${dir}/prelude.ts`, PRELUDE);
  const runs = found.filter((block) => block.run);
  writeFileSync(
    `${dir}/run.ts`,
    `import "./prelude.ts";\nlet line = 0;\ntry {\n${
      runs.map((b) => `  line = ${b.line};\n  await import("./readme_line_${b.line}.ts");\n`).join(
        "",
      )
    }} catch (error) {\n  console.error(\`${readme}:\${line}: the block starting here threw\`);\n  throw error;\n}\n`,
  );
  const check = spawnSync(deno, ["check", "--quiet", ...found.map(file), `${dir}/run.ts`], {
    stdio: "inherit",
  });
  if (check.status !== 0) {
    console.error(`${readme}: type check failed (.readme/readme_line_N.ts is the block at line N)`);
    process.exit(1);
  }
  const run = spawnSync(deno, ["run", "-A", "--no-check", `${dir}/run.ts`], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (run.status !== 0) process.exit(1);
  console.log(
    `${readme}: ${found.length} blocks type-checked, ${runs.length} run against the mock`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
