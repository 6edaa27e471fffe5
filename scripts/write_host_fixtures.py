"""Writes fixtures/openai/ bodies and streams in the shapes OpenAI-compatible hosts document
where they differ from OpenAI's own. Run once; output is committed.

- mistral_reasoning: a Magistral answer, whose `content` is a list of typed chunks: a `thinking`
  chunk (its `thinking` a list of text chunks) and a `text` chunk
  (https://docs.mistral.ai/capabilities/reasoning). Streamed, the thinking arrives as chunk lists
  in `delta.content` and the answer as plain strings; usage comes with the finish.

Each stream accumulates to exactly its twin body (the contract tests check it).
"""
import json, pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent / "fixtures" / "openai"

def j(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))

ID, MODEL, CREATED = "cmpl-7f3c2a9e41b84d0c", "magistral-medium-2509", 1764950400
THINKING = ["The user asks for 17 × 24. ", "17 × 24 = 17 × 20 + 17 × 4 = 340 + 68 = 408."]
ANSWER = ["17 × 24 is ", "**408**."]
USAGE = {"prompt_tokens": 12, "total_tokens": 96, "completion_tokens": 84}

body = {
    "id": ID, "object": "chat.completion", "created": CREATED, "model": MODEL,
    "choices": [{
        "index": 0,
        "message": {
            "role": "assistant", "tool_calls": None,
            "content": [
                {"type": "thinking", "thinking": [{"type": "text", "text": "".join(THINKING)}]},
                {"type": "text", "text": "".join(ANSWER)},
            ],
        },
        "finish_reason": "stop",
    }],
    "usage": USAGE,
}
(ROOT / "mistral_reasoning.json").write_text(json.dumps(body, ensure_ascii=False, indent=2) + "\n")

def chunk(delta, finish=None, usage=None):
    c = {"id": ID, "object": "chat.completion.chunk", "created": CREATED, "model": MODEL,
         "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
    if usage is not None:
        c["usage"] = usage
    return c

chunks = [chunk({"role": "assistant", "content": ""})]
chunks += [chunk({"content": [{"type": "thinking", "thinking": [{"type": "text", "text": t}]}]})
           for t in THINKING]
chunks += [chunk({"content": t}) for t in ANSWER]
chunks.append(chunk({"content": ""}, "stop", USAGE))
text = "".join(f"data: {j(c)}\n\n" for c in chunks) + "data: [DONE]\n\n"
(ROOT / "mistral_reasoning.sse").write_text(text)


# --- fixtures/hosts/: one body and its stream per host quirk family, read through the presets ---
HOSTS = pathlib.Path(__file__).resolve().parent.parent / "fixtures" / "hosts"
HOSTS.mkdir(exist_ok=True)

def write_pair(name, body, chunks):
    (HOSTS / f"{name}.json").write_text(json.dumps(body, ensure_ascii=False, indent=2) + "\n")
    text = "".join(f"data: {j(c)}\n\n" for c in chunks) + "data: [DONE]\n\n"
    (HOSTS / f"{name}.sse").write_text(text)

def completion(id_, model, created, message, finish, usage, extra=None, choice_extra=None):
    choice = {"index": 0, "message": message, "logprobs": None, "finish_reason": finish}
    choice.update(choice_extra or {})
    body = {"id": id_, "object": "chat.completion", "created": created, "model": model,
            "choices": [choice], "usage": usage}
    body.update(extra or {})
    return body

def chunker(id_, model, created, fingerprint=None):
    def make(delta, finish=None, usage=None, choices=True, **extra):
        c = {"id": id_, "object": "chat.completion.chunk", "created": created, "model": model}
        if fingerprint is not None:
            c["system_fingerprint"] = fingerprint
        c["choices"] = [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}] if choices else []
        if usage is not None:
            c["usage"] = usage
        c.update(extra)
        return c
    return make

# DeepSeek, thinking mode with a tool call: reasoning_content beside content and tool_calls
# (https://api-docs.deepseek.com/guides/thinking_mode, .../api/create-chat-completion).
DS_ID, DS_MODEL, DS_T = "5f2a9c1e-7b3d-4e8a-9c0f-1d2e3f4a5b6c", "deepseek-v4-pro", 1764950500
DS_REASONING = ["The user wants the weather in Paris. ", "I should call get_weather."]
DS_ARGS = ['{"location"', ': "Paris, France"}']
DS_USAGE = {"prompt_tokens": 210, "completion_tokens": 58, "total_tokens": 268,
            "prompt_tokens_details": {"cached_tokens": 128},
            "completion_tokens_details": {"reasoning_tokens": 31},
            "prompt_cache_hit_tokens": 128, "prompt_cache_miss_tokens": 82}
write_pair("deepseek_tool_loop", completion(DS_ID, DS_MODEL, DS_T, {
    "role": "assistant", "content": "", "reasoning_content": "".join(DS_REASONING),
    "tool_calls": [{"index": 0, "id": "call_00_k3Xn8vQ2", "type": "function",
                    "function": {"name": "get_weather", "arguments": "".join(DS_ARGS)}}],
}, "tool_calls", DS_USAGE, {"system_fingerprint": "fp_ds_v4_20261101"}), (lambda c: [
    c({"role": "assistant", "content": None, "reasoning_content": ""}),
    *[c({"content": None, "reasoning_content": t}) for t in DS_REASONING],
    c({"tool_calls": [{"index": 0, "id": "call_00_k3Xn8vQ2", "type": "function",
                       "function": {"name": "get_weather", "arguments": ""}}]}),
    *[c({"tool_calls": [{"index": 0, "function": {"arguments": a}}]}) for a in DS_ARGS],
    c({"content": ""}, "tool_calls", DS_USAGE),
])(chunker(DS_ID, DS_MODEL, DS_T, "fp_ds_v4_20261101")))

# Groq, gpt-oss with reasoning_format parsed: the reasoning in `reasoning`, usage also in x_groq
# (https://console.groq.com/docs/reasoning).
GQ_ID, GQ_MODEL, GQ_T = "chatcmpl-0b9e4f6a-2c1d-4a3b-8e7f-6a5b4c3d2e1f", "openai/gpt-oss-120b", 1764950600
GQ_REASONING = ["Compute 12 squared: ", "12 × 12 = 144."]
GQ_ANSWER = ["12² = ", "144"]
GQ_USAGE = {"queue_time": 0.021, "prompt_tokens": 85, "prompt_time": 0.004,
            "completion_tokens": 40, "completion_time": 0.08, "total_tokens": 125, "total_time": 0.084,
            "completion_tokens_details": {"reasoning_tokens": 22}}
write_pair("groq_reasoning", completion(GQ_ID, GQ_MODEL, GQ_T, {
    "role": "assistant", "content": "".join(GQ_ANSWER), "reasoning": "".join(GQ_REASONING),
}, "stop", GQ_USAGE, {"system_fingerprint": "fp_9a8b7c6d5e", "x_groq": {"id": "req_01kgroq7"}}), (lambda c: [
    c({"role": "assistant", "content": ""}, x_groq={"id": "req_01kgroq7"}),
    *[c({"reasoning": t}) for t in GQ_REASONING],
    *[c({"content": t}) for t in GQ_ANSWER],
    c({}, "stop", GQ_USAGE),
])(chunker(GQ_ID, GQ_MODEL, GQ_T, "fp_9a8b7c6d5e")))

# xAI, grok-3-mini: reasoning_content (https://docs.x.ai/docs/guides/reasoning).
XA_ID, XA_MODEL, XA_T = "7c1e2d3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f", "grok-3-mini", 1764950700
XA_REASONING = ["101 is odd; ", "check primes up to 10: 2, 3, 5, 7 do not divide it."]
XA_ANSWER = ["Yes, 101 ", "is prime."]
XA_USAGE = {"prompt_tokens": 20, "completion_tokens": 14, "total_tokens": 410,
            "prompt_tokens_details": {"text_tokens": 20, "audio_tokens": 0, "image_tokens": 0, "cached_tokens": 6},
            "completion_tokens_details": {"reasoning_tokens": 376, "audio_tokens": 0,
                                          "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0},
            "num_sources_used": 0}
write_pair("xai_reasoning", completion(XA_ID, XA_MODEL, XA_T, {
    "role": "assistant", "content": "".join(XA_ANSWER), "reasoning_content": "".join(XA_REASONING),
    "refusal": None,
}, "stop", XA_USAGE, {"system_fingerprint": "fp_3f1a2b"}), (lambda c: [
    *[c({"reasoning_content": t, "role": "assistant"}) for t in XA_REASONING],
    *[c({"content": t, "role": "assistant"}) for t in XA_ANSWER],
    c({"role": "assistant"}, "stop", XA_USAGE),
])(chunker(XA_ID, XA_MODEL, XA_T, "fp_3f1a2b")))

# Azure OpenAI: prompt_filter_results first (its own chunk, empty id and model, in a stream) and
# content_filter_results on each choice
# (https://learn.microsoft.com/azure/ai-foundry/openai/concepts/content-filter).
AZ_ID, AZ_MODEL, AZ_T = "chatcmpl-AZ9k2Lm4Np6Qr8St0Uv", "gpt-4o-2024-11-20", 1764950800
SAFE = {"hate": {"filtered": False, "severity": "safe"},
        "self_harm": {"filtered": False, "severity": "safe"},
        "sexual": {"filtered": False, "severity": "safe"},
        "violence": {"filtered": False, "severity": "safe"}}
AZ_PROMPT = [{"prompt_index": 0, "content_filter_results": SAFE}]
AZ_ANSWER = ["Paris is the ", "capital of France."]
AZ_USAGE = {"prompt_tokens": 14, "completion_tokens": 8, "total_tokens": 22,
            "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
            "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0,
                                          "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}}
write_pair("azure_content_filter", completion(AZ_ID, AZ_MODEL, AZ_T, {
    "role": "assistant", "content": "".join(AZ_ANSWER), "refusal": None, "annotations": [],
}, "stop", AZ_USAGE, {"system_fingerprint": "fp_ee1d74bde0", "prompt_filter_results": AZ_PROMPT},
    {"content_filter_results": SAFE}), [
    {"choices": [], "created": 0, "id": "", "model": "", "object": "", "prompt_filter_results": AZ_PROMPT},
    *[{**chunker(AZ_ID, AZ_MODEL, AZ_T, "fp_ee1d74bde0")({"content": t} if i else {"content": t, "role": "assistant", "refusal": None}),
       } for i, t in enumerate(AZ_ANSWER)],
    # Each choice carries its filter results; the finishing chunk's are the answer's.
    (lambda c: {**c, "choices": [{**c["choices"][0], "content_filter_results": SAFE}]})(
        chunker(AZ_ID, AZ_MODEL, AZ_T, "fp_ee1d74bde0")({}, "stop")),
    chunker(AZ_ID, AZ_MODEL, AZ_T, "fp_ee1d74bde0")(None, choices=False, usage=AZ_USAGE),
])

# OpenRouter, a Claude model thinking: `reasoning` beside `reasoning_details`, whose signed text
# must go back unchanged; streamed, the details arrive as pieces of one entry (its `index`), the
# signature last (https://openrouter.ai/docs/use-cases/reasoning-tokens).
OR_ID, OR_MODEL, OR_T = "gen-1764950900-Xk2mP9qR4sT6vW8yZ0aB", "anthropic/claude-sonnet-4.5", 1764950900
OR_REASONING = ["The user asks for a haiku about rain. ", "Five, seven, five syllables."]
OR_ANSWER = ["Soft rain on the roof\n", "whispers to the sleeping town\n", "puddles hold the sky"]
OR_SIGNATURE = "EqQBCkgIBxABGAIqQHh3Yk1vZGVsU2lnbmF0dXJlRXhhbXBsZUZvclRlc3RzT25seQ=="
OR_FORMAT = "anthropic-claude-v1"
OR_USAGE = {"prompt_tokens": 42, "completion_tokens": 61, "total_tokens": 103,
            "completion_tokens_details": {"reasoning_tokens": 24}, "cost": 0.000975}
write_pair("openrouter_reasoning_details", completion(OR_ID, OR_MODEL, OR_T, {
    "role": "assistant", "content": "".join(OR_ANSWER), "refusal": None,
    "reasoning": "".join(OR_REASONING),
    "reasoning_details": [{"type": "reasoning.text", "text": "".join(OR_REASONING),
                           "signature": OR_SIGNATURE, "format": OR_FORMAT, "index": 0}],
}, "stop", OR_USAGE, {"provider": "Anthropic"}, {"native_finish_reason": "end_turn"}), (lambda c: [
    c({"role": "assistant", "content": ""}, provider="Anthropic"),
    *[c({"role": "assistant", "content": "", "reasoning": t, "reasoning_details": [
        {"type": "reasoning.text", "text": t, "format": OR_FORMAT, "index": 0}]}, provider="Anthropic")
      for t in OR_REASONING],
    c({"role": "assistant", "content": "", "reasoning_details": [
        {"type": "reasoning.text", "text": "", "signature": OR_SIGNATURE, "format": OR_FORMAT, "index": 0}]},
      provider="Anthropic"),
    *[c({"role": "assistant", "content": t}, provider="Anthropic") for t in OR_ANSWER],
    (lambda k: {**k, "choices": [{**k["choices"][0], "native_finish_reason": "end_turn"}]})(
        c({"role": "assistant", "content": ""}, "stop", OR_USAGE, provider="Anthropic")),
])(chunker(OR_ID, OR_MODEL, OR_T)))
