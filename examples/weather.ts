// A streamed, tool-using conversation on Anthropic, OpenAI and Gemini, no setup needed:
//
//   npm run example   (scripts/example.sh: node examples/weather.ts on Node 22.18+, else
//                      deno run -A examples/weather.ts, else bun examples/weather.ts)
//
// Providers whose key is set (ANTHROPIC_API_KEY, OPENAI_API_KEY, GEMINI_API_KEY) answer from
// their real APIs; the others from the mock server embedded in the process.
import process from "node:process";
import { main } from "./conversation.ts";

await main(process.env, (text) => process.stdout.write(text));
