"""Writes fixtures/openai-responses/: OpenAI Responses API bodies and their SSE twins.

Each response is written once, as the documented `Response` object; its stream is derived from
it as the API streams one (response.created, response.in_progress, per output item
output_item.added, the part and delta events, output_item.done, then response.completed /
response.incomplete / response.failed, every event with its sequence_number), so a body and
its stream say the same by construction. Error bodies, the in-stream error, a cut stream and
the request that follows the tool calls are written too. Run once; output is committed.

https://platform.openai.com/docs/api-reference/responses/object
https://platform.openai.com/docs/api-reference/responses-streaming
"""
import json, pathlib

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "fixtures"
ROOT = FIXTURES / "openai-responses"
ROOT.mkdir(parents=True, exist_ok=True)
j = lambda o: json.dumps(o, ensure_ascii=False, separators=(",", ":"))

def write_body(name, obj):
    (ROOT / f"{name}.json").write_text(json.dumps(obj, indent=2, ensure_ascii=False) + "\n")

def write_sse(name, events, cut=None):
    text = "".join(f"event: {e['type']}\ndata: {j(e)}\n\n" for e in events)
    (ROOT / f"{name}.sse").write_text(text + (cut or ""))

# ---------------------------------------------------------------- the Response object
def usage(inp, out, cached=0, reasoning=0):
    return {"input_tokens": inp, "input_tokens_details": {"cached_tokens": cached}, "output_tokens": out,
            "output_tokens_details": {"reasoning_tokens": reasoning}, "total_tokens": inp + out}

def response(id, model, output, use, status="completed", incomplete=None, error=None, effort=None, tools=()):
    return {"id": id, "object": "response", "created_at": 1741476542, "status": status, "error": error,
            "incomplete_details": incomplete, "instructions": None, "max_output_tokens": None, "model": model,
            "output": output, "parallel_tool_calls": True, "previous_response_id": None,
            "reasoning": {"effort": effort, "summary": "auto" if effort else None}, "store": False,
            "temperature": 1.0, "text": {"format": {"type": "text"}}, "tool_choice": "auto", "tools": list(tools),
            "top_p": 1.0, "truncation": "disabled", "usage": use, "user": None, "metadata": {}}

# Output items. Text, summaries and arguments are given as the pieces they stream in.
def message(id, parts, status="completed"):
    return {"id": id, "type": "message", "status": status, "role": "assistant", "content": parts}
def output_text(pieces, annotations=()):
    return {"type": "output_text", "annotations": list(annotations), "text": "".join(pieces), "_pieces": pieces}
def refusal(pieces):
    return {"type": "refusal", "refusal": "".join(pieces), "_pieces": pieces}
def reasoning(id, summaries, encrypted):
    return {"id": id, "type": "reasoning", "summary": [{"type": "summary_text", "text": "".join(p), "_pieces": p} for p in summaries],
            "encrypted_content": encrypted}
def call(id, call_id, name, pieces):
    return {"id": id, "type": "function_call", "status": "completed", "arguments": "".join(pieces), "call_id": call_id,
            "name": name, "_pieces": pieces}
def web_search(id, query):
    return {"id": id, "type": "web_search_call", "status": "completed", "action": {"type": "search", "query": query}}

def clean(value):
    """The object as the API shows it: without the pieces its stream is cut into."""
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, list):
        return [clean(v) for v in value]
    return value

# ---------------------------------------------------------------- its stream
class Stream:
    def __init__(self):
        self.events = []
    def emit(self, type, **fields):
        self.events.append({"type": type, "sequence_number": len(self.events), **fields})

def started(item):
    """The item as output_item.added shows it: no content yet, status in_progress."""
    item = clean(item)
    if item["type"] == "message":
        return {**item, "status": "in_progress", "content": []}
    if item["type"] == "reasoning":
        return {"id": item["id"], "type": "reasoning", "summary": []}
    if item["type"] == "function_call":
        return {**item, "status": "in_progress", "arguments": ""}
    return {**item, "status": "in_progress", "action": {"type": "search"}}

def stream_part(s, o, item_id, c, part):
    empty = {"type": "refusal", "refusal": ""} if part["type"] == "refusal" else {"type": "output_text", "annotations": [], "text": ""}
    s.emit("response.content_part.added", item_id=item_id, output_index=o, content_index=c, part=empty)
    kind = "refusal" if part["type"] == "refusal" else "output_text"
    for piece in part["_pieces"]:
        extra = {} if kind == "refusal" else {"logprobs": []}
        s.emit(f"response.{kind}.delta", item_id=item_id, output_index=o, content_index=c, delta=piece, **extra)
    for a, annotation in enumerate(part.get("annotations", [])):
        s.emit("response.output_text.annotation.added", item_id=item_id, output_index=o, content_index=c,
               annotation_index=a, annotation=annotation)
    if kind == "refusal":
        s.emit("response.refusal.done", item_id=item_id, output_index=o, content_index=c, refusal=part["refusal"])
    else:
        s.emit("response.output_text.done", item_id=item_id, output_index=o, content_index=c, text=part["text"], logprobs=[])
    s.emit("response.content_part.done", item_id=item_id, output_index=o, content_index=c, part=clean(part))

def stream_item(s, o, item):
    s.emit("response.output_item.added", output_index=o, item=started(item))
    id = item["id"]
    if item["type"] == "message":
        for c, part in enumerate(item["content"]):
            stream_part(s, o, id, c, part)
    elif item["type"] == "reasoning":
        for i, summary in enumerate(item["summary"]):
            s.emit("response.reasoning_summary_part.added", item_id=id, output_index=o, summary_index=i,
                   part={"type": "summary_text", "text": ""})
            for piece in summary["_pieces"]:
                s.emit("response.reasoning_summary_text.delta", item_id=id, output_index=o, summary_index=i, delta=piece)
            s.emit("response.reasoning_summary_text.done", item_id=id, output_index=o, summary_index=i, text=summary["text"])
            s.emit("response.reasoning_summary_part.done", item_id=id, output_index=o, summary_index=i, part=clean(summary))
    elif item["type"] == "function_call":
        for piece in item["_pieces"]:
            s.emit("response.function_call_arguments.delta", item_id=id, output_index=o, delta=piece)
        s.emit("response.function_call_arguments.done", item_id=id, output_index=o, arguments=item["arguments"])
    else:
        for phase in ("in_progress", "searching", "completed"):
            s.emit(f"response.web_search_call.{phase}", item_id=id, output_index=o)
    s.emit("response.output_item.done", output_index=o, item=clean(item))

def stream_of(final, items=None):
    s = Stream()
    begun = clean({**final, "status": "in_progress", "error": None, "incomplete_details": None, "output": [], "usage": None})
    s.emit("response.created", response=begun)
    s.emit("response.in_progress", response=begun)
    for o, item in enumerate(final["_items"] if items is None else items):
        stream_item(s, o, item)
    terminal = {"completed": "response.completed", "incomplete": "response.incomplete", "failed": "response.failed"}
    s.emit(terminal[final["status"]], response=clean(final))
    return s.events

def both(name, final):
    write_body(name, clean(final))
    write_sse(name, stream_of(final))

def make(id, model, items, use, **kw):
    final = response(id, model, items, use, **kw)
    final["_items"] = items
    return final

# ---------------------------------------------------------------- the scenarios
both("text", make("resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b", "gpt-4o-2024-08-06", [
    message("msg_67ccd2bf17f0819081ff3bb2cf6508e60bb6a6b452d3795b",
            [output_text(["Hello", "! How can I", " help you today?"])]),
], usage(19, 10)))

WEATHER_SF = ["{\"location\":", "\"San Francisco, CA\",", "\"unit\":\"celsius\"}"]
WEATHER_PARIS = ["{\"location\":\"Paris, France\"", ",\"unit\":\"celsius\"}"]
both("tool_calls", make("resp_68a1c3e0f8a48190a5e6a1b2c3d4e5f60123456789abcdef", "gpt-4o-2024-08-06", [
    message("msg_68a1c3e1a2b48190b1c2d3e4f5a6b7c80123456789abcdef", [output_text(["I'll check the weather", " in both cities."])]),
    call("fc_68a1c3e2b3c48190c2d3e4f5a6b7c8d90123456789abcdef", "call_DdmO9pD3xa9XTPNJ32zg2hcA", "get_weather", WEATHER_SF),
    call("fc_68a1c3e3c4d48190d3e4f5a6b7c8d9e00123456789abcdef", "call_EemP0qE4yb0YUQOK43ah3idB", "get_weather", WEATHER_PARIS),
    call("fc_68a1c3e4d5e48190e4f5a6b7c8d9e0f10123456789abcdef", "call_FfnQ1rF5zc1ZVRPL54bi4jeC", "get_time", ["{}"]),
], usage(512, 140)))

ENCRYPTED = "gAAAAABoq1bZ3wXb4yW2Ykp0QkNuRzZ4cXlPbFhYbkp4eWtaVnZtT0xRcm1rS2ZmSjRvV3dCZ2pqN3Z0VGtlZ0JyM2FKYWx3PT0="
both("reasoning", make("resp_68b2d4f1a9b58190b6f7a8b9c0d1e2f30123456789abcdef", "o4-mini-2025-04-16", [
    reasoning("rs_68b2d4f2bac68190c7a8b9c0d1e2f3a40123456789abcdef",
              [["**Multiplying step by step**\n\n", "27 × 453: 27 × 400 = 10800 and 27 × 53 = 1431."],
               ["**Adding up**\n\n", "10800 + 1431 = 12231."]], ENCRYPTED),
    message("msg_68b2d4f3cbd78190d8b9c0d1e2f3a4b50123456789abcdef", [output_text(["27 × 453", " = 12,231."])]),
], usage(2088, 230, cached=2048, reasoning=192), effort="medium"))

# A reasoning model that returns no summary still returns the encrypted reasoning to replay.
both("reasoning_no_summary", make("resp_68b2d5a0e1f28190a1b2c3d4e5f6a7b80123456789abcdef", "gpt-5-mini-2025-08-07", [
    reasoning("rs_68b2d5a1f2038190b2c3d4e5f6a7b8c90123456789abcdef", [], ENCRYPTED),
    call("fc_68b2d5a203148190c3d4e5f6a7b8c9d00123456789abcdef", "call_GgoR2sG6ad2aWSQM65cj5kfD", "get_time", ["{\"timezone\":", "\"Asia/Tokyo\"}"]),
], usage(88, 74, reasoning=64), effort="low"))

both("incomplete", make("resp_68c3e5a2b0c68190e9c0d1e2f3a4b5c60123456789abcdef", "gpt-4o-2024-08-06", [
    message("msg_68c3e5a3c1d78190f0d1e2f3a4b5c6d70123456789abcdef",
            [output_text(["Paris has many museums. The Louvre", " holds the Mona Lisa, and the"])], status="incomplete"),
], usage(25, 16), status="incomplete", incomplete={"reason": "max_output_tokens"}))

CITATION = {"type": "url_citation", "start_index": 17, "end_index": 55, "url": "https://weather.example/paris",
            "title": "Paris weather forecast"}
both("web_search", make("resp_68d4f6b3c1d78190a0e1f2a3b4c5d6e70123456789abcdef", "gpt-4.1-2025-04-14", [
    web_search("ws_68d4f6b4d2e88190b1f2a3b4c5d6e7f80123456789abcdef", "Paris weather today"),
    message("msg_68d4f6b5e3f98190c2a3b4c5d6e7f8a90123456789abcdef",
            [output_text(["Paris is 18 °C today", " with light clouds (weather.example/paris)."], [CITATION])]),
], usage(310, 42), tools=[{"type": "web_search", "search_context_size": "medium"}]))

both("refusal", make("resp_68e5a7c4d2e88190d3b4c5d6e7f8a9b00123456789abcdef", "gpt-4o-2024-08-06", [
    message("msg_68e5a7c5e3f98190e4c5d6e7f8a9b0c10123456789abcdef", [refusal(["I'm sorry, ", "I can't help with that request."])]),
], usage(30, 11)))

# Structured output: the JSON arrives as the message's text (the request asked for text.format).
both("structured_output", make("resp_6900a1b2c3d48190a1b2c3d4e5f6a7b80123456789abcdef", "gpt-4o-2024-08-06", [
    message("msg_6900a1b3d4e58190b2c3d4e5f6a7b8c90123456789abcdef",
            [output_text(['{"name":"Ada Lovelace",', '"born":1815,', '"fields":["mathematics","computing"]}'])]),
], usage(95, 22)))

# A failed response is a stream only here: its body twin would throw (tested inline).
failed = make("resp_68f6b8d5e3f98190f5d6e7f8a9b0c1d20123456789abcdef", "gpt-4o-2024-08-06", [
    message("msg_68f6b8d6f4a08190a6e7f8a9b0c1d2e30123456789abcdef", [output_text(["Let me ", "think"])], status="incomplete"),
], None, status="failed", error={"code": "server_error", "message": "The model failed to generate a response."})
write_sse("failed", stream_of(failed))

# The stream breaks down: an error event after the first words.
s = Stream()
partial = response("resp_69a7c9e6f4a08190a7f8a9b0c1d2e3f40123456789abcdef", "gpt-4o-2024-08-06", [], None, status="in_progress")
s.emit("response.created", response=partial)
s.emit("response.output_item.added", output_index=0, item={"id": "msg_69a7c9e7a5b18190b8a9b0c1d2e3f4a5", "type": "message", "status": "in_progress", "role": "assistant", "content": []})
s.emit("response.content_part.added", item_id="msg_69a7c9e7a5b18190b8a9b0c1d2e3f4a5", output_index=0, content_index=0, part={"type": "output_text", "annotations": [], "text": ""})
for piece in ["Partial", " ans"]:
    s.emit("response.output_text.delta", item_id="msg_69a7c9e7a5b18190b8a9b0c1d2e3f4a5", output_index=0, content_index=0, delta=piece, logprobs=[])
s.emit("error", code="server_error", message="The server had an error while processing your request. Sorry about that!", param=None)
write_sse("error", s.events)

# The connection drops inside an event, a call's arguments half sent.
cut = make("resp_69b8d0f7a5b18190c9b0c1d2e3f4a5b60123456789abcdef", "gpt-4o-2024-08-06", [], None)
events = stream_of(cut, [message("msg_69b8d0f8b6c28190d0c1d2e3f4a5b6c7", [output_text(["Checking the forecast ☀️"])])])[:-1]
s = Stream(); s.events = events
s.emit("response.output_item.added", output_index=1, item={"id": "fc_69b8d0f9c7d38190e1d2e3f4a5b6c7d8", "type": "function_call", "status": "in_progress", "arguments": "", "call_id": "call_trunc", "name": "get_weather"})
s.emit("response.function_call_arguments.delta", item_id="fc_69b8d0f9c7d38190e1d2e3f4a5b6c7d8", output_index=1, delta="{\"location\":\"Par")
nxt = j({"type": "response.function_call_arguments.delta", "sequence_number": len(s.events), "item_id": "fc_69b8d0f9c7d38190e1d2e3f4a5b6c7d8", "output_index": 1, "delta": "is"})
write_sse("truncated", s.events, cut=f"event: response.function_call_arguments.delta\ndata: {nxt[:40]}")

# HTTP error bodies: the same error object as every OpenAI endpoint.
# https://platform.openai.com/docs/guides/error-codes
ERRORS = {
    400: {"message": "Invalid 'input[0].content[0].type': 'text'. Supported values are: 'input_text', 'input_image', 'input_file'.", "type": "invalid_request_error", "param": "input[0].content[0].type", "code": "invalid_value"},
    401: {"message": "Incorrect API key provided: sk-proj-****1234. You can find your API key at https://platform.openai.com/account/api-keys.", "type": "invalid_request_error", "param": None, "code": "invalid_api_key"},
    429: {"message": "Rate limit reached for gpt-4o in organization org-abc on tokens per min (TPM): Limit 30000, Used 29500, Requested 1200. Please try again in 1.4s.", "type": "tokens", "param": None, "code": "rate_limit_exceeded"},
    500: {"message": "The server had an error while processing your request. Sorry about that!", "type": "server_error", "param": None, "code": None},
    503: {"message": "The engine is currently overloaded, please try again later.", "type": "server_error", "param": None, "code": None},
}
for status, error in ERRORS.items():
    write_body(f"error_{status}", {"error": error})

# The request after the tool calls: instructions, the user turn, the assistant's text and calls
# as input items, and one function_call_output per result. Tool schemas as rosetta derives them
# from the shared zod tools (taken from the Chat Completions twin of this fixture).
chat = json.loads((FIXTURES / "openai" / "request_after_tools.json").read_text())
outputs = {m["tool_call_id"]: m["content"] for m in chat["messages"] if m["role"] == "tool"}
body = {"model": "gpt-4o", "instructions": "You are a weather assistant.", "input": [
    {"role": "user", "content": "What's the weather in San Francisco and Paris, and the time?"},
    {"role": "assistant", "content": [{"type": "output_text", "text": "I'll check the weather in both cities."}]},
    *[{"type": "function_call", "call_id": c["call_id"], "name": c["name"], "arguments": json.dumps(json.loads(c["arguments"]), separators=(",", ":"))}
      for c in clean(json.loads((ROOT / "tool_calls.json").read_text())["output"][1:])],
    *[{"type": "function_call_output", "call_id": id, "output": out} for id, out in outputs.items()],
], "tools": [{"type": "function", **t["function"], "strict": False} for t in chat["tools"]], "store": False}
write_body("request_after_tools", body)
