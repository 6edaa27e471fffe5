/**
 * Provider-run tools on the Responses API: web search as a `web_search` tool (domain filter and
 * user location), code execution as `code_interpreter` in an automatic container. Their calls come
 * back as output items (`web_search_call`, `code_interpreter_call`), kept as provider blocks, and
 * their citations as `url_citation` annotations.
 *
 * @see https://platform.openai.com/docs/guides/tools-web-search
 * @see https://platform.openai.com/docs/guides/tools-code-interpreter
 * @module
 */

import type { ProviderTool } from "../../common/features.ts";
import type { JsonObject } from "../../common/json_object.ts";
import { refuse } from "../../common/refuse.ts";

/**
 * Appends a request's provider tools to the body's `tools`.
 *
 * @param name The provider serializing, named in errors.
 * @param body The body being built (its function tools already written).
 * @param tools The request's provider tools.
 * @throws {ValidationError} For web fetch, which the Responses API does not run, and for search
 * options it has no field for.
 */
export function writeResponsesProviderTools(
  name: string,
  body: JsonObject,
  tools: readonly ProviderTool[],
): void {
  const out = Array.isArray(body.tools) ? body.tools : (body.tools = []);
  for (let t = 0; t < tools.length; t++) {
    const tool = tools[t];
    const at = `providerTools[${t}]`;
    if (tool.type === "code_execution") {
      out.push({ type: "code_interpreter", container: { type: "auto" } });
    } else if (tool.type === "web_search") {
      const search: JsonObject = { type: "web_search" };
      if (tool.allowedDomains !== undefined) {
        search.filters = { allowed_domains: tool.allowedDomains };
      }
      if (tool.userLocation !== undefined) {
        search.user_location = { type: "approximate", ...tool.userLocation };
      }
      // Set by the caller, so sent or refused: a search that ignored them is not the one asked.
      for (const key of ["maxUses", "blockedDomains"] as const) {
        if (tool[key] !== undefined) {
          refuse(name, `${at}.${key}`, "cannot be sent: the web_search tool has no such field");
        }
      }
      out.push(search);
    } else {
      refuse(name, at, `cannot be sent: the Responses API has no ${tool.type} tool`);
    }
  }
}
