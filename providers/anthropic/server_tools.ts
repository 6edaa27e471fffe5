/**
 * Provider tools → Anthropic server tools: `web_search`, `web_fetch` and `code_execution`, at
 * the versions every current model takes.
 *
 * @see https://platform.claude.com/docs/en/agents-and-tools/tool-use/server-tools
 * @module
 */

import type { ProviderTool } from "../../common/features.ts";
import type { ChatRequest } from "../../common/types.ts";
import type { JsonObject } from "../../common/json_object.ts";
import { refuse } from "../../common/refuse.ts";

const VERSIONS = {
  web_search: "web_search_20250305",
  web_fetch: "web_fetch_20250910",
  code_execution: "code_execution_20250825",
} as const;

/**
 * The server tools for a request's provider tools.
 *
 * @param request The request (its `providerTools` set).
 * @returns The wire tools, named like the canonical type.
 * @throws {ValidationError} When a server tool's name is also a tool's, or a tool sets both
 * `allowedDomains` and `blockedDomains` (the API takes one).
 */
export function anthropicServerTools(request: ChatRequest): JsonObject[] {
  const tools = request.providerTools as ProviderTool[];
  return tools.map((tool, t) => {
    const at = `providerTools[${t}]`;
    const name = tool.type;
    const clash = request.tools?.findIndex((own) => own.name === name) ?? -1;
    if (clash >= 0) refuse("anthropic", at, `"${name}" is also the name of tools[${clash}]`);
    const wire: JsonObject = { type: VERSIONS[name], name };
    if (tool.type === "code_execution") return wire;
    if (tool.allowedDomains !== undefined && tool.blockedDomains !== undefined) {
      refuse("anthropic", at, "takes allowedDomains or blockedDomains, not both");
    }
    if (tool.maxUses !== undefined) wire.max_uses = tool.maxUses;
    if (tool.allowedDomains !== undefined) wire.allowed_domains = tool.allowedDomains;
    if (tool.blockedDomains !== undefined) wire.blocked_domains = tool.blockedDomains;
    if (tool.type === "web_search" && tool.userLocation !== undefined) {
      wire.user_location = { type: "approximate", ...tool.userLocation };
    }
    return wire;
  });
}
