"""Writes fixtures/<provider>/*.sse in each API's documented framing. Run once; output is committed.

Each stream with a non-streamed twin (same name, .json) must accumulate to exactly that twin.
"""
import json, pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent / "fixtures"

def j(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))

def anthropic(name, events, cut=None):
    text = "".join(f"event: {e['type']}\ndata: {j(e)}\n\n" for e in events)
    if cut is not None:
        text += cut
    (ROOT / "anthropic" / f"{name}.sse").write_text(text)

def openai(name, chunks, done=True, cut=None):
    text = "".join(f"data: {j(c)}\n\n" for c in chunks)
    if done:
        text += "data: [DONE]\n\n"
    if cut is not None:
        text += cut
    (ROOT / "openai" / f"{name}.sse").write_text(text)

def google(name, chunks, cut=None):
    text = "".join(f"data: {j(c)}\r\n\r\n" for c in chunks)
    if cut is not None:
        text += cut
    (ROOT / "google" / f"{name}.sse").write_text(text)

# ---------------------------------------------------------------- Anthropic
def a_start(id, model, usage):
    return {"type": "message_start", "message": {"id": id, "type": "message", "role": "assistant", "model": model,
            "content": [], "stop_reason": None, "stop_sequence": None, "usage": usage}}
def a_block(i, block): return {"type": "content_block_start", "index": i, "content_block": block}
def a_delta(i, delta): return {"type": "content_block_delta", "index": i, "delta": delta}
def a_stop(i): return {"type": "content_block_stop", "index": i}
def a_msg_delta(reason, usage): return {"type": "message_delta", "delta": {"stop_reason": reason, "stop_sequence": None}, "usage": usage}
PING = {"type": "ping"}
STOP = {"type": "message_stop"}
def a_text(i, pieces):
    return [a_block(i, {"type": "text", "text": ""})] + [a_delta(i, {"type": "text_delta", "text": p}) for p in pieces] + [a_stop(i)]

anthropic("text", [
    a_start("msg_01XFDUDYJgAACzvnptvVoYEL", "claude-sonnet-4-5-20250929",
            {"input_tokens": 12, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 1,
             "service_tier": "standard"}),
    PING,
    *a_text(0, ["Hello", "! How can I", " help you today?"]),
    a_msg_delta("end_turn", {"output_tokens": 10}),
    STOP,
])
anthropic("thinking", [
    a_start("msg_01Aq9w938a90dw8q", "claude-sonnet-4-5-20250929",
            {"input_tokens": 40, "cache_creation_input_tokens": 1500, "cache_read_input_tokens": 2048, "output_tokens": 1}),
    a_block(0, {"type": "thinking", "thinking": "", "signature": ""}),
    a_delta(0, {"type": "thinking_delta", "thinking": "The user asks for 27 * 453. "}),
    a_delta(0, {"type": "thinking_delta", "thinking": "27 * 453 = 27 * 400 + 27 * 53 = 10800 + 1431 = 12231."}),
    a_delta(0, {"type": "signature_delta", "signature": "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds"}),
    a_stop(0),
    a_block(1, {"type": "redacted_thinking", "data": "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpPkNRj2YfWXGmKDxH4mPnZ5sQ7vB5URj"}),
    a_stop(1),
    PING,
    *a_text(2, ["27 × 453", " = 12,231."]),
    a_msg_delta("end_turn", {"output_tokens": 220}),
    STOP,
])
def a_tool(i, id, name, pieces):
    return ([a_block(i, {"type": "tool_use", "id": id, "name": name, "input": {}})]
            + [a_delta(i, {"type": "input_json_delta", "partial_json": p}) for p in pieces] + [a_stop(i)])
anthropic("tool_calls", [
    a_start("msg_01Aq9w938a90dw8qToolUse", "claude-haiku-4-5-20251001", {"input_tokens": 512, "output_tokens": 1}),
    *a_text(0, ["I'll check the weather", " in both cities."]),
    *a_tool(1, "toolu_01A09q90qw90lq917835lq9", "get_weather",
            ["", "{\"location\": \"San Fra", "ncisco, CA\"", ", \"unit\": \"celsius\"}"]),
    *a_tool(2, "toolu_01B19q90qw90lq917835lq8", "get_weather",
            ["{\"location\":", " \"Paris, France\", \"unit\": \"celsius\"}"]),
    *a_tool(3, "toolu_01C29q90qw90lq917835lq7", "get_time", []),
    a_msg_delta("tool_use", {"output_tokens": 140}),
    STOP,
])
anthropic("refusal", [
    a_start("msg_01RefusalExample", "claude-sonnet-4-5-20250929", {"input_tokens": 30, "output_tokens": 1}),
    *a_text(0, ["I can't help", " with that."]),
    a_msg_delta("refusal", {"output_tokens": 8}),
    STOP,
])
anthropic("error", [
    a_start("msg_01ErrorExample", "claude-sonnet-4-5-20250929", {"input_tokens": 9, "output_tokens": 1}),
    a_block(0, {"type": "text", "text": ""}),
    a_delta(0, {"type": "text_delta", "text": "Partial ans"}),
    {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}},
])
anthropic("truncated", [
    a_start("msg_01TruncatedExample", "claude-haiku-4-5-20251001", {"input_tokens": 20, "output_tokens": 1}),
    *a_text(0, ["Checking the forecast ☀️"]),
    a_block(1, {"type": "tool_use", "id": "toolu_01Trunc", "name": "get_weather", "input": {}}),
    a_delta(1, {"type": "input_json_delta", "partial_json": "{\"location\": \"Par"}),
], cut='event: content_block_delta\ndata: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_del')

# ---------------------------------------------------------------- OpenAI
def o_chunk(id, model, delta=None, finish=None, usage=None, choices=True, created=1741569952, fp="fp_fc9f1d7035"):
    c = {"id": id, "object": "chat.completion.chunk", "created": created, "model": model, "service_tier": "default",
         "system_fingerprint": fp}
    c["choices"] = [{"index": 0, "delta": delta or {}, "logprobs": None, "finish_reason": finish}] if choices else []
    c["usage"] = usage
    return c
ID, M = "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT", "gpt-4o-2024-08-06"
TEXT_USAGE = {"prompt_tokens": 19, "completion_tokens": 10, "total_tokens": 29,
              "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
              "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0, "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}}
openai("text", [
    o_chunk(ID, M, {"role": "assistant", "content": "", "refusal": None}),
    *[o_chunk(ID, M, {"content": p}) for p in ["Hello", "!", " How can I", " assist you", " today?"]],
    o_chunk(ID, M, {}, "stop"),
    o_chunk(ID, M, usage=TEXT_USAGE, choices=False),
])
RID, RM, RC = "chatcmpl-C1ReasoningExample0000000001", "o3-2025-04-16", 1741570283
openai("reasoning", [
    o_chunk(RID, RM, {"role": "assistant", "content": "", "refusal": None}, created=RC),
    *[o_chunk(RID, RM, {"content": p}, created=RC) for p in ["27 × 453", " = 12,231."]],
    o_chunk(RID, RM, {}, "stop", created=RC),
    o_chunk(RID, RM, created=RC, usage={"prompt_tokens": 2100, "completion_tokens": 350, "total_tokens": 2450,
            "prompt_tokens_details": {"cached_tokens": 1920, "audio_tokens": 0},
            "completion_tokens_details": {"reasoning_tokens": 320, "audio_tokens": 0, "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}},
            choices=False),
])
TID, TC = "chatcmpl-C1ToolCallsExample00000000002", 1741570300
def tc(index, id=None, name=None, args=""):
    piece = {"index": index}
    if id is not None:
        piece["id"] = id
        piece["type"] = "function"
        piece["function"] = {"name": name, "arguments": args}
    else:
        piece["function"] = {"arguments": args}
    return piece
openai("tool_calls", [
    o_chunk(TID, M, created=TC, delta={"role": "assistant", "content": None, "refusal": None}),
    o_chunk(TID, M, created=TC, delta={"tool_calls": [tc(0, "call_DdmO9pD3xa9XTPNJ32zg2hcA", "get_weather")]}),
    *[o_chunk(TID, M, created=TC, delta={"tool_calls": [tc(0, args=p)]}) for p in ["{\"lo", "cation\":\"San Francisco, CA\"", ",\"unit\":\"celsius\"}"]],
    o_chunk(TID, M, created=TC, delta={"tool_calls": [tc(1, "call_EemP0qE4yb0YUQOK43ah3idB", "get_weather")]}),
    *[o_chunk(TID, M, created=TC, delta={"tool_calls": [tc(1, args=p)]}) for p in ["{\"location\":\"Paris, France\",", "\"unit\":\"celsius\"}"]],
    o_chunk(TID, M, created=TC, delta={"tool_calls": [tc(2, "call_FfnQ1rF5zc1ZVRPL54bi4jeC", "get_time", "{}")]}),
    o_chunk(TID, M, created=TC, delta={}, finish="tool_calls"),
    o_chunk(TID, M, created=TC, usage={"prompt_tokens": 82, "completion_tokens": 67, "total_tokens": 149,
            "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
            "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0}}, choices=False),
])
FID, FC = "chatcmpl-C1RefusalExample000000000003", 1741570400
openai("refusal", [
    o_chunk(FID, M, created=FC, delta={"role": "assistant", "content": None, "refusal": ""}),
    *[o_chunk(FID, M, created=FC, delta={"refusal": p}) for p in ["I'm sorry, ", "I can't help", " with that request."]],
    o_chunk(FID, M, created=FC, delta={}, finish="stop"),
    o_chunk(FID, M, created=FC, usage={"prompt_tokens": 25, "completion_tokens": 11, "total_tokens": 36}, choices=False),
])
CID, CC = "chatcmpl-C1ContentFilterExample0000004", 1741570450
openai("content_filter", [
    # Azure-style first chunk: no choices, only the prompt's filter results.
    {"id": "", "object": "", "created": 0, "model": "", "choices": [],
     "prompt_filter_results": [{"prompt_index": 0, "content_filter_results": {"hate": {"filtered": False, "severity": "safe"}}}]},
    o_chunk(CID, M, created=CC, delta={"role": "assistant", "content": ""}),
    o_chunk(CID, M, created=CC, delta={}, finish="content_filter"),
    o_chunk(CID, M, created=CC, usage={"prompt_tokens": 25, "completion_tokens": 0, "total_tokens": 25}, choices=False),
])
XID, XM = "chatcmpl-compat-1", "qwen3-coder"
openai("compat_tool_calls", [
    o_chunk(XID, XM, {"role": "assistant", "reasoning_content": "Need the weather; "}),
    o_chunk(XID, XM, {"reasoning_content": "call both tools."}),
    # Whole arguments in one piece, with no index (pieces in position order).
    o_chunk(XID, XM, {"tool_calls": [{"id": "call_a", "type": "function", "function": {"name": "get_weather", "arguments": "{\"location\":\"Zürich\"}"}}]}),
    # Id repeated on every piece.
    o_chunk(XID, XM, {"tool_calls": [{"index": 1, "id": "call_b", "type": "function", "function": {"name": "get_time", "arguments": ""}}]}),
    o_chunk(XID, XM, {"tool_calls": [{"index": 1, "id": "call_b", "type": "function", "function": {"arguments": "{\"timezone\":"}}]}),
    # Empty id and name on a later piece.
    o_chunk(XID, XM, {"tool_calls": [{"index": 1, "id": "", "type": "function", "function": {"name": "", "arguments": "\"Europe/Zurich\"}"}}]}),
    # Empty arguments for a parameterless tool.
    o_chunk(XID, XM, {"tool_calls": [{"index": 2, "id": "call_c", "type": "function", "function": {"name": "list_cities", "arguments": ""}}]}),
    o_chunk(XID, XM, {}, "tool_calls", usage={"prompt_tokens": 50, "completion_tokens": 30, "total_tokens": 80}),
])
EID = "chatcmpl-C1ErrorExample000000000005"
openai("error", [
    o_chunk(EID, M, {"role": "assistant", "content": ""}),
    o_chunk(EID, M, {"content": "Partial ans"}),
    {"error": {"message": "The server had an error while processing your request. Sorry about that!", "type": "server_error", "param": None, "code": None}},
], done=False)
UID = "chatcmpl-C1TruncatedExample000000006"
openai("truncated", [
    o_chunk(UID, M, {"role": "assistant", "content": "Checking the forecast ☀️"}),
    o_chunk(UID, M, {"tool_calls": [tc(0, "call_trunc", "get_weather", "{\"location\":\"Par")]}),
], done=False, cut='data: {"id":"chatcmpl-C1TruncatedExample000000006","object":"chat.completion.chu')

# ---------------------------------------------------------------- Google
def g(parts=None, finish=None, usage=None, model="gemini-2.5-flash", rid="mN7taPnYJ4GPz7IPpcmVqQg", candidate=True, extra=None):
    c = {}
    if candidate:
        cand = {}
        if parts is not None:
            cand["content"] = {"parts": parts, "role": "model"}
        if finish:
            cand["finishReason"] = finish
        cand["index"] = 0
        cand.update(extra or {})
        c["candidates"] = [cand]
    if usage is not None:
        c["usageMetadata"] = usage
    c["modelVersion"] = model
    c["responseId"] = rid
    return c
google("text", [
    g([{"text": "Hello! How"}], usage={"promptTokenCount": 8, "totalTokenCount": 8}),
    g([{"text": " can I help"}], usage={"promptTokenCount": 8, "totalTokenCount": 8}),
    g([{"text": " you today?"}], "STOP", {"promptTokenCount": 8, "candidatesTokenCount": 9, "totalTokenCount": 17,
                                          "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 8}]}),
])
TR, TM = "Thinking01ResponseIdAbCd", "gemini-2.5-pro"
google("thinking", [
    g([{"text": "**Computing the product**\n\n", "thought": True}], model=TM, rid=TR),
    g([{"text": "I split 453 into 400 and 53 and add the partial products.", "thought": True}], model=TM, rid=TR),
    g([{"text": "27 × 453"}], model=TM, rid=TR),
    g([{"text": " = 12,231."}], model=TM, rid=TR),
    g([{"text": "", "thoughtSignature": "CiQB0e2Kb1mK2xNfXHv5Aq3rXkW2pKq1dE3M4o8Ug3j9u5K0pYsKZQ"}], "STOP",
      {"promptTokenCount": 20, "candidatesTokenCount": 12, "totalTokenCount": 332, "thoughtsTokenCount": 300, "cachedContentTokenCount": 0},
      model=TM, rid=TR),
])
google("tool_calls", [
    g([{"functionCall": {"name": "get_weather", "args": {"location": "San Francisco, CA", "unit": "celsius"}},
        "thoughtSignature": "CsQCAdHtim9Q0bXyWkJv3q1f0z2RrQYpHc8sL4mE7nW5uT6oVjK1"},
       {"functionCall": {"name": "get_weather", "args": {"location": "Paris, France", "unit": "celsius"}}},
       {"functionCall": {"name": "get_time"}}], "STOP",
      {"promptTokenCount": 120, "candidatesTokenCount": 45, "totalTokenCount": 265, "thoughtsTokenCount": 100, "cachedContentTokenCount": 64},
      rid="ToolCalls01ResponseIdEf"),
])
google("safety", [
    g(None, "SAFETY", {"promptTokenCount": 14, "totalTokenCount": 14}, rid="Safety01ResponseIdGhIj", extra={"safetyRatings": [
        {"category": "HARM_CATEGORY_SEXUALLY_EXPLICIT", "probability": "NEGLIGIBLE"},
        {"category": "HARM_CATEGORY_HATE_SPEECH", "probability": "NEGLIGIBLE"},
        {"category": "HARM_CATEGORY_HARASSMENT", "probability": "NEGLIGIBLE"},
        {"category": "HARM_CATEGORY_DANGEROUS_CONTENT", "probability": "HIGH", "blocked": True}]}),
])
google("blocked_prompt", [
    {"promptFeedback": {"blockReason": "SAFETY", "safetyRatings": [{"category": "HARM_CATEGORY_DANGEROUS_CONTENT", "probability": "HIGH"}]},
     "usageMetadata": {"promptTokenCount": 14, "totalTokenCount": 14}, "modelVersion": "gemini-2.5-flash", "responseId": "Blocked01ResponseIdKl"},
])
google("max_tokens", [
    g([{"text": "Once upon a time,"}], model="gemini-2.5-flash-lite", rid="MaxTokens01ResponseIdMn"),
    g([{"text": " in a land far"}], "MAX_TOKENS", {"promptTokenCount": 15, "candidatesTokenCount": 10, "totalTokenCount": 25},
      model="gemini-2.5-flash-lite", rid="MaxTokens01ResponseIdMn"),
])
google("error", [
    g([{"text": "Partial ans"}], rid="Error01ResponseId"),
    {"error": {"code": 503, "message": "The model is overloaded. Please try again later.", "status": "UNAVAILABLE"}},
])
google("truncated", [
    g([{"text": "Checking the forecast ☀️"}], rid="Truncated01ResponseId"),
], cut='data: {"candidates":[{"content":{"parts":[{"text":" in Par')
