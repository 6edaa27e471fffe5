"""Writes fixtures/benchmarks/: deterministic inputs for bench/ (no timestamps, no random ids).

Per provider: response_simple.json, response_complex.json (thinking, text, two tool calls,
usage), stream_basic.txt (100 text deltas) and stream_complex.txt (the streamed twin of
response_complex). request_simple.json and request_complex.json are canonical requests.
"""
import json, pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent / "fixtures" / "benchmarks"
j = lambda o: json.dumps(o, ensure_ascii=False, separators=(",", ":"))
WORDS = ["The", " forecast", " for", " Paris", " is", " 18°C", " with", " light", " clouds", " and", " a", " gentle", " breeze", "."]
DELTAS = [WORDS[i % len(WORDS)] + (f" ({i})" if i % len(WORDS) == len(WORDS) - 1 else "") for i in range(100)]
THINK = [f"Step {i}: weigh the forecast sources and units. " for i in range(20)]
TEXT = ["Let me ", "check ", "both ", "cities ", "for ", "you — ", "one ", "moment ", "please", "."]
ARGS = [('{"location":"Paris, France","unit":"celsius"}'), ('{"location":"San Francisco, CA","unit":"celsius"}')]
def frag(s, n=10):
    size = -(-len(s) // n)
    return [s[i:i + size] for i in range(0, len(s), size)]
SIG = "EqQBCgIYAhIMbenchSignature0000000000000000000000000000"

def write(path, text):
    p = ROOT / path
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text)

write("request_simple.json", json.dumps({"model": "(set per provider)", "messages": [{"role": "user", "content": "What's the weather in Paris?"}]}, indent=2) + "\n")

# ---------------- Anthropic
def a_ev(o): return f"event: {o['type']}\ndata: {j(o)}\n\n"
a_usage = {"input_tokens": 1200, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 800, "output_tokens": 420}
write("anthropic/response_simple.json", json.dumps({"id": "msg_bench_simple", "type": "message", "role": "assistant", "model": "claude-haiku-4-5",
    "content": [{"type": "text", "text": "It's 18°C and cloudy in Paris."}], "stop_reason": "end_turn", "stop_sequence": None,
    "usage": {"input_tokens": 14, "output_tokens": 12}}, indent=2, ensure_ascii=False) + "\n")
write("anthropic/response_complex.json", json.dumps({"id": "msg_bench_complex", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5",
    "content": [{"type": "thinking", "thinking": "".join(THINK), "signature": SIG}, {"type": "text", "text": "".join(TEXT)},
                {"type": "tool_use", "id": "toolu_bench_1", "name": "get_weather", "input": json.loads(ARGS[0])},
                {"type": "tool_use", "id": "toolu_bench_2", "name": "get_weather", "input": json.loads(ARGS[1])}],
    "stop_reason": "tool_use", "stop_sequence": None, "usage": a_usage}, indent=2, ensure_ascii=False) + "\n")
start = lambda id, model, u: {"type": "message_start", "message": {"id": id, "type": "message", "role": "assistant", "model": model, "content": [], "stop_reason": None, "stop_sequence": None, "usage": u}}
s = a_ev(start("msg_bench_basic", "claude-haiku-4-5", {"input_tokens": 14, "output_tokens": 1}))
s += a_ev({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}})
s += "".join(a_ev({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": d}}) for d in DELTAS)
s += a_ev({"type": "content_block_stop", "index": 0})
s += a_ev({"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence": None}, "usage": {"output_tokens": 100}})
s += a_ev({"type": "message_stop"})
write("anthropic/stream_basic.txt", s)
s = a_ev(start("msg_bench_complex", "claude-sonnet-4-5", {**a_usage, "output_tokens": 1}))
s += a_ev({"type": "content_block_start", "index": 0, "content_block": {"type": "thinking", "thinking": "", "signature": ""}})
s += "".join(a_ev({"type": "content_block_delta", "index": 0, "delta": {"type": "thinking_delta", "thinking": t}}) for t in THINK)
s += a_ev({"type": "content_block_delta", "index": 0, "delta": {"type": "signature_delta", "signature": SIG}})
s += a_ev({"type": "content_block_stop", "index": 0})
s += a_ev({"type": "content_block_start", "index": 1, "content_block": {"type": "text", "text": ""}})
s += "".join(a_ev({"type": "content_block_delta", "index": 1, "delta": {"type": "text_delta", "text": t}}) for t in TEXT)
s += a_ev({"type": "content_block_stop", "index": 1})
for k, args in enumerate(ARGS):
    i = 2 + k
    s += a_ev({"type": "content_block_start", "index": i, "content_block": {"type": "tool_use", "id": f"toolu_bench_{k + 1}", "name": "get_weather", "input": {}}})
    s += "".join(a_ev({"type": "content_block_delta", "index": i, "delta": {"type": "input_json_delta", "partial_json": f}}) for f in frag(args))
    s += a_ev({"type": "content_block_stop", "index": i})
s += a_ev({"type": "message_delta", "delta": {"stop_reason": "tool_use", "stop_sequence": None}, "usage": {"output_tokens": 420}})
s += a_ev({"type": "message_stop"})
write("anthropic/stream_complex.txt", s)

# ---------------- OpenAI
o_usage = {"prompt_tokens": 2000, "completion_tokens": 420, "total_tokens": 2420, "prompt_tokens_details": {"cached_tokens": 800, "audio_tokens": 0},
           "completion_tokens_details": {"reasoning_tokens": 300, "audio_tokens": 0, "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}}
write("openai/response_simple.json", json.dumps({"id": "chatcmpl-bench-simple", "object": "chat.completion", "created": 1741569952, "model": "gpt-4o-mini",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "It's 18°C and cloudy in Paris.", "refusal": None, "annotations": []}, "logprobs": None, "finish_reason": "stop"}],
    "usage": {"prompt_tokens": 14, "completion_tokens": 12, "total_tokens": 26}}, indent=2, ensure_ascii=False) + "\n")
# Chat Completions returns no reasoning text; compatible servers send reasoning_content.
write("openai/response_complex.json", json.dumps({"id": "chatcmpl-bench-complex", "object": "chat.completion", "created": 1741569952, "model": "o4-mini",
    "choices": [{"index": 0, "message": {"role": "assistant", "reasoning_content": "".join(THINK), "content": "".join(TEXT), "refusal": None,
        "tool_calls": [{"id": f"call_bench_{k + 1}", "type": "function", "function": {"name": "get_weather", "arguments": a}} for k, a in enumerate(ARGS)]},
        "logprobs": None, "finish_reason": "tool_calls"}], "usage": o_usage, "system_fingerprint": "fp_bench"}, indent=2, ensure_ascii=False) + "\n")
def o_chunk(id, model, delta, finish=None):
    return {"id": id, "object": "chat.completion.chunk", "created": 1741569952, "model": model, "system_fingerprint": "fp_bench",
            "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}]}
def o_ev(o): return f"data: {j(o)}\n\n"
s = o_ev(o_chunk("chatcmpl-bench-basic", "gpt-4o-mini", {"role": "assistant", "content": "", "refusal": None}))
s += "".join(o_ev(o_chunk("chatcmpl-bench-basic", "gpt-4o-mini", {"content": d})) for d in DELTAS)
s += o_ev(o_chunk("chatcmpl-bench-basic", "gpt-4o-mini", {}, "stop"))
s += o_ev({"id": "chatcmpl-bench-basic", "object": "chat.completion.chunk", "created": 1741569952, "model": "gpt-4o-mini", "choices": [],
           "usage": {"prompt_tokens": 14, "completion_tokens": 100, "total_tokens": 114}})
s += "data: [DONE]\n\n"
write("openai/stream_basic.txt", s)
C, M = "chatcmpl-bench-complex", "o4-mini"
s = o_ev(o_chunk(C, M, {"role": "assistant", "content": "", "refusal": None}))
s += "".join(o_ev(o_chunk(C, M, {"reasoning_content": t})) for t in THINK)
s += "".join(o_ev(o_chunk(C, M, {"content": t})) for t in TEXT)
for k, args in enumerate(ARGS):
    s += o_ev(o_chunk(C, M, {"tool_calls": [{"index": k, "id": f"call_bench_{k + 1}", "type": "function", "function": {"name": "get_weather", "arguments": ""}}]}))
    s += "".join(o_ev(o_chunk(C, M, {"tool_calls": [{"index": k, "function": {"arguments": f}}]})) for f in frag(args))
s += o_ev(o_chunk(C, M, {}, "tool_calls"))
s += o_ev({"id": C, "object": "chat.completion.chunk", "created": 1741569952, "model": M, "choices": [], "usage": o_usage})
s += "data: [DONE]\n\n"
write("openai/stream_complex.txt", s)

# ---------------- Google
g_usage = {"promptTokenCount": 2000, "candidatesTokenCount": 120, "totalTokenCount": 2420, "thoughtsTokenCount": 300, "cachedContentTokenCount": 800}
def g_chunk(parts, rid, model, finish=None, usage=None):
    cand = {"content": {"parts": parts, "role": "model"}, "index": 0}
    if finish:
        cand["finishReason"] = finish
    c = {"candidates": [cand]}
    if usage:
        c["usageMetadata"] = usage
    c["modelVersion"] = model
    c["responseId"] = rid
    return c
def g_ev(o): return f"data: {j(o)}\r\n\r\n"
write("google/response_simple.json", json.dumps(g_chunk([{"text": "It's 18°C and cloudy in Paris."}], "bench-simple", "gemini-2.5-flash", "STOP",
    {"promptTokenCount": 14, "candidatesTokenCount": 12, "totalTokenCount": 26}), indent=2, ensure_ascii=False) + "\n")
write("google/response_complex.json", json.dumps(g_chunk(
    [{"text": "".join(THINK), "thought": True}, {"text": "".join(TEXT)},
     {"functionCall": {"name": "get_weather", "args": json.loads(ARGS[0])}, "thoughtSignature": SIG},
     {"functionCall": {"name": "get_weather", "args": json.loads(ARGS[1])}}],
    "bench-complex", "gemini-2.5-pro", "STOP", g_usage), indent=2, ensure_ascii=False) + "\n")
s = "".join(g_ev(g_chunk([{"text": d}], "bench-basic", "gemini-2.5-flash", *(("STOP", {"promptTokenCount": 14, "candidatesTokenCount": 100, "totalTokenCount": 114}) if i == 99 else ()))) for i, d in enumerate(DELTAS))
write("google/stream_basic.txt", s)
s = "".join(g_ev(g_chunk([{"text": t, "thought": True}], "bench-complex", "gemini-2.5-pro")) for t in THINK)
s += "".join(g_ev(g_chunk([{"text": t}], "bench-complex", "gemini-2.5-pro")) for t in TEXT)
s += g_ev(g_chunk([{"functionCall": {"name": "get_weather", "args": json.loads(ARGS[0])}, "thoughtSignature": SIG},
                   {"functionCall": {"name": "get_weather", "args": json.loads(ARGS[1])}}], "bench-complex", "gemini-2.5-pro", "STOP", g_usage))
write("google/stream_complex.txt", s)

# ---------------- Conversion: one block kind per body (assistant text is response_simple).
def dump(path, obj): write(path, json.dumps(obj, indent=2, ensure_ascii=False) + "\n")
a_min = lambda content, reason: {"id": "msg_bench_convert", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5", "content": content,
                                 "stop_reason": reason, "stop_sequence": None, "usage": {"input_tokens": 10, "output_tokens": 10}}
dump("anthropic/convert_tool_call.json", a_min([{"type": "tool_use", "id": "toolu_bench_1", "name": "get_weather", "input": json.loads(ARGS[0])}], "tool_use"))
dump("anthropic/convert_thinking.json", a_min([{"type": "thinking", "thinking": THINK[0], "signature": SIG}], "end_turn"))
o_min = lambda message, reason: {"id": "chatcmpl-bench-convert", "object": "chat.completion", "created": 1741569952, "model": "o4-mini",
                                 "choices": [{"index": 0, "message": {"role": "assistant", **message}, "logprobs": None, "finish_reason": reason}],
                                 "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20}}
dump("openai/convert_tool_call.json", o_min({"content": None, "tool_calls": [{"id": "call_bench_1", "type": "function", "function": {"name": "get_weather", "arguments": ARGS[0]}}]}, "tool_calls"))
dump("openai/convert_thinking.json", o_min({"content": None, "reasoning_content": THINK[0]}, "stop"))
g_min = lambda parts: g_chunk(parts, "bench-convert", "gemini-2.5-flash", "STOP", {"promptTokenCount": 10, "candidatesTokenCount": 10, "totalTokenCount": 20})
dump("google/convert_tool_call.json", g_min([{"functionCall": {"name": "get_weather", "args": json.loads(ARGS[0])}, "thoughtSignature": SIG}]))
dump("google/convert_thinking.json", g_min([{"text": THINK[0], "thought": True, "thoughtSignature": SIG}]))

# ---------------- Tool-call streams with the same content and the same number of SSE events per
# provider (a short text, then the two calls, then finish and usage), so that their per-event
# costs compare like with like: stream_tools.txt, 16 events each.
PREAMBLE = "Let me check both cities for you."
def split(s, n):
    return [s[len(s) * i // n:len(s) * (i + 1) // n] for i in range(n)]
T = "msg_bench_tools"
s = a_ev(start(T, "claude-sonnet-4-5", {"input_tokens": 1200, "output_tokens": 1}))
s += a_ev({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}})
s += "".join(a_ev({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": t}}) for t in split(PREAMBLE, 3))
s += a_ev({"type": "content_block_stop", "index": 0})
for k, args in enumerate(ARGS):
    s += a_ev({"type": "content_block_start", "index": k + 1, "content_block": {"type": "tool_use", "id": f"toolu_bench_{k + 1}", "name": "get_weather", "input": {}}})
    s += "".join(a_ev({"type": "content_block_delta", "index": k + 1, "delta": {"type": "input_json_delta", "partial_json": f}}) for f in split(args, 2))
    s += a_ev({"type": "content_block_stop", "index": k + 1})
s += a_ev({"type": "message_delta", "delta": {"stop_reason": "tool_use", "stop_sequence": None}, "usage": {"output_tokens": 60}})
s += a_ev({"type": "message_stop"})
write("anthropic/stream_tools.txt", s)
C, M = "chatcmpl-bench-tools", "gpt-4o"
s = o_ev(o_chunk(C, M, {"role": "assistant", "content": "", "refusal": None}))
s += "".join(o_ev(o_chunk(C, M, {"content": t})) for t in split(PREAMBLE, 6))
for k, args in enumerate(ARGS):
    s += o_ev(o_chunk(C, M, {"tool_calls": [{"index": k, "id": f"call_bench_{k + 1}", "type": "function", "function": {"name": "get_weather", "arguments": ""}}]}))
    s += "".join(o_ev(o_chunk(C, M, {"tool_calls": [{"index": k, "function": {"arguments": f}}]})) for f in split(args, 2))
s += o_ev(o_chunk(C, M, {}, "tool_calls"))
s += o_ev({"id": C, "object": "chat.completion.chunk", "created": 1741569952, "model": M, "choices": [],
           "usage": {"prompt_tokens": 1200, "completion_tokens": 60, "total_tokens": 1260}})
s += "data: [DONE]\n\n"
write("openai/stream_tools.txt", s)
G, GM = "bench-tools", "gemini-2.5-flash"
s = "".join(g_ev(g_chunk([{"text": t}], G, GM)) for t in split(PREAMBLE, 14))
s += g_ev(g_chunk([{"functionCall": {"name": "get_weather", "args": json.loads(ARGS[0])}}], G, GM))
s += g_ev(g_chunk([{"functionCall": {"name": "get_weather", "args": json.loads(ARGS[1])}}], G, GM, "STOP",
                  {"promptTokenCount": 1200, "candidatesTokenCount": 60, "totalTokenCount": 1260}))
write("google/stream_tools.txt", s)

# ---------------- OpenAI Responses: the same content as response objects and their typed
# events (https://platform.openai.com/docs/api-reference/responses-streaming). Reasoning comes
# back as a summary with its encrypted content; stream_tools.txt keeps to 16 events by leaving
# out the events that repeat what deltas said (in_progress, *.done of parts and arguments).
R = "openai-responses"
def r_usage(inp, out, cached=0, reasoning=0):
    return {"input_tokens": inp, "input_tokens_details": {"cached_tokens": cached}, "output_tokens": out,
            "output_tokens_details": {"reasoning_tokens": reasoning}, "total_tokens": inp + out}
def r_response(id, model, output, usage, status="completed"):
    return {"id": id, "object": "response", "created_at": 1741569952, "status": status, "error": None, "incomplete_details": None,
            "model": model, "output": output, "parallel_tool_calls": True, "store": False, "usage": usage}
r_msg = lambda id, text: {"id": id, "type": "message", "status": "completed", "role": "assistant",
                          "content": [{"type": "output_text", "annotations": [], "text": text}]}
r_reasoning = lambda id, text: {"id": id, "type": "reasoning", "summary": [{"type": "summary_text", "text": text}], "encrypted_content": SIG}
r_call = lambda k, args: {"id": f"fc_bench_{k + 1}", "type": "function_call", "status": "completed", "arguments": args,
                          "call_id": f"call_bench_{k + 1}", "name": "get_weather"}
def r_ev(o): return f"event: {o['type']}\ndata: {j(o)}\n\n"
class RStream:
    def __init__(self, response):
        self.text, self.n = "", 0
        self.emit("response.created", response={**response, "status": "in_progress", "output": [], "usage": None})
    def emit(self, type, **fields):
        self.text += r_ev({"type": type, "sequence_number": self.n, **fields})
        self.n += 1
    def item(self, o, item, added, events):
        self.emit("response.output_item.added", output_index=o, item=added)
        for type, fields in events:
            self.emit(type, item_id=item["id"], output_index=o, **fields)
        self.emit("response.output_item.done", output_index=o, item=item)
def r_text_events(pieces, done=True):
    evs = [("response.content_part.added", {"content_index": 0, "part": {"type": "output_text", "annotations": [], "text": ""}})]
    evs += [("response.output_text.delta", {"content_index": 0, "delta": p, "logprobs": []}) for p in pieces]
    if done:
        text = "".join(pieces)
        evs += [("response.output_text.done", {"content_index": 0, "text": text, "logprobs": []}),
                ("response.content_part.done", {"content_index": 0, "part": {"type": "output_text", "annotations": [], "text": text}})]
    return evs
def r_call_events(pieces, done=True):
    evs = [("response.function_call_arguments.delta", {"delta": p}) for p in pieces]
    return evs + ([("response.function_call_arguments.done", {"arguments": "".join(pieces)})] if done else [])
msg_added = lambda id: {"id": id, "type": "message", "status": "in_progress", "role": "assistant", "content": []}
call_added = lambda k: {**r_call(k, ""), "status": "in_progress"}

simple = r_response("resp_bench_simple", "gpt-4o-mini", [r_msg("msg_bench_simple", "It's 18°C and cloudy in Paris.")], r_usage(14, 12))
dump(f"{R}/response_simple.json", simple)
complex_ = r_response("resp_bench_complex", "gpt-5-mini", [r_reasoning("rs_bench_complex", "".join(THINK)), r_msg("msg_bench_complex", "".join(TEXT)),
                      *[r_call(k, a) for k, a in enumerate(ARGS)]], r_usage(2000, 420, cached=800, reasoning=300))
dump(f"{R}/response_complex.json", complex_)
basic = r_response("resp_bench_basic", "gpt-4o-mini", [r_msg("msg_bench_basic", "".join(DELTAS))], r_usage(14, 100))
s = RStream(basic)
s.emit("response.in_progress", response={**basic, "status": "in_progress", "output": [], "usage": None})
s.item(0, basic["output"][0], msg_added("msg_bench_basic"), r_text_events(DELTAS))
s.emit("response.completed", response=basic)
write(f"{R}/stream_basic.txt", s.text)
s = RStream(complex_)
s.emit("response.in_progress", response={**complex_, "status": "in_progress", "output": [], "usage": None})
s.item(0, complex_["output"][0], {"id": "rs_bench_complex", "type": "reasoning", "summary": []},
       [("response.reasoning_summary_part.added", {"summary_index": 0, "part": {"type": "summary_text", "text": ""}})]
       + [("response.reasoning_summary_text.delta", {"summary_index": 0, "delta": t}) for t in THINK]
       + [("response.reasoning_summary_text.done", {"summary_index": 0, "text": "".join(THINK)}),
          ("response.reasoning_summary_part.done", {"summary_index": 0, "part": {"type": "summary_text", "text": "".join(THINK)}})])
s.item(1, complex_["output"][1], msg_added("msg_bench_complex"), r_text_events(TEXT))
for k, args in enumerate(ARGS):
    s.item(2 + k, complex_["output"][2 + k], call_added(k), r_call_events(frag(args)))
s.emit("response.completed", response=complex_)
write(f"{R}/stream_complex.txt", s.text)
dump(f"{R}/convert_tool_call.json", r_response("resp_bench_convert", "gpt-5-mini", [r_call(0, ARGS[0])], r_usage(10, 10)))
dump(f"{R}/convert_thinking.json", r_response("resp_bench_convert", "gpt-5-mini", [r_reasoning("rs_bench_convert", THINK[0])], r_usage(10, 10, reasoning=10)))
tools = r_response("resp_bench_tools", "gpt-4o", [r_msg("msg_bench_tools", PREAMBLE), *[r_call(k, a) for k, a in enumerate(ARGS)]], r_usage(1200, 60))
s = RStream(tools)
s.item(0, tools["output"][0], msg_added("msg_bench_tools"), r_text_events(split(PREAMBLE, 3), done=False))
for k, args in enumerate(ARGS):
    s.item(1 + k, tools["output"][1 + k], call_added(k), r_call_events(split(args, 2), done=False))
s.emit("response.completed", response=tools)
write(f"{R}/stream_tools.txt", s.text)
