"""Writes fixtures/<provider>/<feature>.json and its streamed twin <feature>.sse, in each API's
documented format, for the content the canonical model has no type of its own for: provider-run
tools and their results, citations, image output, several choices or candidates, logprobs,
safety and content-filter data, grounding. Run once; output is committed.

Each .sse is the stream of the same response: parsed whole and streamed, the two must give the
same canonical response.
"""
import json, pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent / "fixtures"

def j(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))

def body(provider, name, obj):
    (ROOT / provider / f"{name}.json").write_text(json.dumps(obj, indent=2, ensure_ascii=False) + "\n")

def sse(provider, name, events, framing):
    (ROOT / provider / f"{name}.sse").write_text("".join(framing(e) for e in events))

# ---------------------------------------------------------------- Anthropic
# https://docs.anthropic.com/en/docs/agents-and-tools/tool-use/web-search-tool
# https://docs.anthropic.com/en/docs/agents-and-tools/tool-use/web-fetch-tool
# https://docs.anthropic.com/en/docs/agents-and-tools/tool-use/code-execution-tool
# https://docs.anthropic.com/en/docs/build-with-claude/citations

def a_frame(e):
    return f"event: {e['type']}\ndata: {j(e)}\n\n"

def anthropic(name, message, streamed_blocks, final_usage, delta_extra=None):
    """message: the whole body; streamed_blocks: per block, (start block, [deltas])."""
    body("anthropic", name, message)
    start = {k: v for k, v in message.items() if k not in ("content", "stop_reason", "stop_sequence", "stop_details", "container")}
    start.update({"content": [], "stop_reason": None, "stop_sequence": None})
    start["usage"] = {**message["usage"], "output_tokens": 1}
    events = [{"type": "message_start", "message": start}, {"type": "ping"}]
    for i, (block, deltas) in enumerate(streamed_blocks):
        events.append({"type": "content_block_start", "index": i, "content_block": block})
        events += [{"type": "content_block_delta", "index": i, "delta": d} for d in deltas]
        events.append({"type": "content_block_stop", "index": i})
    delta = {"stop_reason": message["stop_reason"], "stop_sequence": message.get("stop_sequence")}
    delta.update(delta_extra or {})
    events.append({"type": "message_delta", "delta": delta, "usage": final_usage})
    events.append({"type": "message_stop"})
    sse("anthropic", name, events, a_frame)

def a_text(text, citations=None, pieces=2):
    """A text block, and its stream: the citations first, then the text in pieces."""
    whole = {"type": "text", "text": text}
    if citations is not None:
        whole["citations"] = citations
    start = {"type": "text", "text": ""}
    step = -(-len(text) // pieces)
    deltas = [{"type": "citations_delta", "citation": c} for c in citations or []]
    deltas += [{"type": "text_delta", "text": text[i:i + step]} for i in range(0, len(text), step)]
    return whole, (start, deltas)

def a_server_call(id, name, input, pieces):
    """A server tool call: whole in a body; input streamed as JSON fragments."""
    text = json.dumps(input, separators=(",", ":"))
    step = -(-len(text) // pieces)
    deltas = [{"type": "input_json_delta", "partial_json": text[i:i + step]} for i in range(0, len(text), step)]
    return ({"type": "server_tool_use", "id": id, "name": name, "input": input},
            ({"type": "server_tool_use", "id": id, "name": name, "input": {}}, deltas))

def a_whole(block):
    """A block that arrives whole in content_block_start (results)."""
    return block, (block, [])

def a_message(id, model, blocks, stop_reason, usage, **extra):
    return {"id": id, "type": "message", "role": "assistant", "model": model,
            "content": [b[0] for b in blocks], "stop_reason": stop_reason, "stop_sequence": None,
            **extra, "usage": usage}

SEARCH_ID = "srvtoolu_01WYG3ziw53XMcoyKL4XcZmE"
RESULTS = [
    {"type": "web_search_result", "title": "Paris weather forecast", "url": "https://weather.example/paris",
     "encrypted_content": "EqgfCioIARgBIiQ3YTAwMjY1Mi1mZjM5LTQ1NGUtODgxNC1kNjNjNTk1ZWI3Y2Q", "page_age": "2 hours ago"},
    {"type": "web_search_result", "title": "Météo Paris", "url": "https://meteo.example/fr/paris",
     "encrypted_content": "EpMnCioIARgBIiQ0YjJmNzY1Yi0xMGQ2LTQxNjItYjgxNi0zZDYzNDc2OGRkMTE", "page_age": None},
]
CITE = {"type": "web_search_result_location", "url": "https://weather.example/paris", "title": "Paris weather forecast",
        "encrypted_index": "Eo8BCioIAhgBIiQyYjQ0OWJmZi1lNm", "cited_text": "Today: 18 °C, light clouds, gentle breeze."}
blocks = [
    a_text("I'll search for the current weather in Paris."),
    a_server_call(SEARCH_ID, "web_search", {"query": "Paris weather today"}, 3),
    a_whole({"type": "web_search_tool_result", "tool_use_id": SEARCH_ID, "content": RESULTS}),
    a_text("It is 18 °C with light clouds in Paris today.", [CITE]),
]
usage = {"input_tokens": 2140, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 96,
         "server_tool_use": {"web_search_requests": 1, "web_fetch_requests": 0}, "service_tier": "standard"}
anthropic("web_search", a_message("msg_01WebSearchExample", "claude-sonnet-4-5-20250929", blocks, "end_turn", usage),
          [b[1] for b in blocks], usage)

FETCH_ID = "srvtoolu_01FetchExample7nB2sLq"
fetched = {"type": "web_fetch_result", "url": "https://example.com/changelog", "retrieved_at": "2025-09-10T12:00:00Z",
           "content": {"type": "document", "source": {"type": "text", "media_type": "text/plain",
                       "data": "Release 2.0 adds streaming and drops Python 3.8."},
                       "title": "Changelog", "citations": {"enabled": True}}}
DOC_CITE = {"type": "char_location", "document_index": 0, "document_title": "Changelog", "start_char_index": 0,
            "end_char_index": 48, "cited_text": "Release 2.0 adds streaming and drops Python 3.8.", "file_id": None}
blocks = [
    a_server_call(FETCH_ID, "web_fetch", {"url": "https://example.com/changelog"}, 2),
    a_whole({"type": "web_fetch_tool_result", "tool_use_id": FETCH_ID, "content": fetched}),
    a_text("Release 2.0 adds streaming and drops Python 3.8.", [DOC_CITE]),
]
usage = {"input_tokens": 1820, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 64,
         "server_tool_use": {"web_search_requests": 0, "web_fetch_requests": 1}}
anthropic("web_fetch", a_message("msg_01WebFetchExample", "claude-sonnet-4-5-20250929", blocks, "end_turn", usage),
          [b[1] for b in blocks], usage)

BASH_ID = "srvtoolu_01BashExampleK9dPq3"
EDIT_ID = "srvtoolu_01EditExampleW2mXr8"
container = {"id": "container_011CPR5CNjB747bTd36fQLFk", "expires_at": "2025-09-10T12:05:00Z"}
blocks = [
    a_server_call(EDIT_ID, "text_editor_code_execution", {"command": "create", "path": "mean.py",
                  "file_text": "print(sum([1, 2, 3, 4]) / 4)\n"}, 3),
    a_whole({"type": "text_editor_code_execution_tool_result", "tool_use_id": EDIT_ID,
             "content": {"type": "text_editor_code_execution_create_result", "is_file_update": False}}),
    a_server_call(BASH_ID, "bash_code_execution", {"command": "python mean.py"}, 2),
    a_whole({"type": "bash_code_execution_tool_result", "tool_use_id": BASH_ID,
             "content": {"type": "bash_code_execution_result", "stdout": "2.5\n", "stderr": "", "return_code": 0, "content": []}}),
    a_text("The mean of 1, 2, 3 and 4 is 2.5."),
]
usage = {"input_tokens": 3150, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 180}
anthropic("code_execution", a_message("msg_01CodeExecutionExample", "claude-sonnet-4-5-20250929", blocks, "end_turn", usage,
                                      container=container),
          [b[1] for b in blocks], usage, {"container": container})

details = {"type": "refusal", "category": "cyber", "explanation": "The request asks for working malware."}
blocks = [a_text("I can't help with that.")]
usage = {"input_tokens": 30, "output_tokens": 8}
anthropic("stop_details", a_message("msg_01StopDetailsExample", "claude-sonnet-4-5-20250929", blocks, "refusal", usage,
                                    stop_details=details),
          [b[1] for b in blocks], usage, {"stop_details": details})

THOUGHT = "Seventeen is prime: no divisor between 2 and 4 divides it."
blocks = [
    ({"type": "thinking", "thinking": THOUGHT, "signature": "EqQBCgIYAhIMthinkingTokens0000000"},
     ({"type": "thinking", "thinking": "", "signature": ""},
      [{"type": "thinking_delta", "thinking": THOUGHT}, {"type": "signature_delta", "signature": "EqQBCgIYAhIMthinkingTokens0000000"}])),
    a_text("Yes, 17 is prime."),
]
usage = {"input_tokens": 22, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 160,
         "output_tokens_details": {"thinking_tokens": 148}}
anthropic("thinking_tokens", a_message("msg_01ThinkingTokensExample", "claude-sonnet-4-5-20250929", blocks, "end_turn", usage),
          [b[1] for b in blocks], usage)

# ---------------------------------------------------------------- OpenAI
# https://platform.openai.com/docs/api-reference/chat/object
# https://platform.openai.com/docs/guides/tools-web-search (Chat Completions search models)
# https://learn.microsoft.com/azure/ai-services/openai/concepts/content-filter

def o_frame(c):
    return f"data: {j(c)}\n\n"

def openai(name, whole, chunks):
    body("openai", name, whole)
    sse("openai", name, chunks + ["[DONE]"], lambda c: "data: [DONE]\n\n" if c == "[DONE]" else o_frame(c))

def o_body(id, model, choices, usage, **extra):
    return {"id": id, "object": "chat.completion", "created": 1741571000, "model": model, "choices": choices,
            "usage": usage, **extra}

def o_chunk(id, model, choices, usage=None, **extra):
    return {"id": id, "object": "chat.completion.chunk", "created": 1741571000, "model": model, "choices": choices,
            "usage": usage, **extra}

def o_choice(delta, finish=None, index=0, **extra):
    return {"index": index, "delta": delta, "logprobs": None, "finish_reason": finish, **extra}

ANSWER = "Paris is 18 °C and cloudy today, according to Weather Example."
START = ANSWER.index("Weather Example")
ANNOTATION = {"type": "url_citation", "url_citation": {"start_index": START, "end_index": START + len("Weather Example"),
              "title": "Paris weather forecast", "url": "https://weather.example/paris"}}
ID, M = "chatcmpl-C2AnnotationsExample000000001", "gpt-4o-search-preview-2025-03-11"
usage = {"prompt_tokens": 12, "completion_tokens": 18, "total_tokens": 30}
openai("annotations",
       o_body(ID, M, [{"index": 0, "message": {"role": "assistant", "content": ANSWER, "refusal": None, "annotations": [ANNOTATION]},
                       "logprobs": None, "finish_reason": "stop"}], usage),
       [o_chunk(ID, M, [o_choice({"role": "assistant", "content": "", "refusal": None})]),
        o_chunk(ID, M, [o_choice({"content": ANSWER[:START]})]),
        o_chunk(ID, M, [o_choice({"content": ANSWER[START:]})]),
        o_chunk(ID, M, [o_choice({"annotations": [ANNOTATION]})]),
        o_chunk(ID, M, [o_choice({}, "stop")]),
        o_chunk(ID, M, [], usage)])

def token(t, lp):
    return {"token": t, "logprob": lp, "bytes": list(t.encode()), "top_logprobs": [{"token": t, "logprob": lp, "bytes": list(t.encode())}]}
TOKENS = [token("Yes", -0.0012), token(".", -0.00004)]
ID, M = "chatcmpl-C2LogprobsExample0000000002", "gpt-4o-2024-08-06"
usage = {"prompt_tokens": 9, "completion_tokens": 2, "total_tokens": 11}
openai("logprobs",
       o_body(ID, M, [{"index": 0, "message": {"role": "assistant", "content": "Yes.", "refusal": None, "annotations": []},
                       "logprobs": {"content": TOKENS, "refusal": None}, "finish_reason": "stop"}], usage,
              system_fingerprint="fp_logprobs01"),
       [o_chunk(ID, M, [o_choice({"role": "assistant", "content": "", "refusal": None}, logprobs={"content": [], "refusal": None})],
                system_fingerprint="fp_logprobs01"),
        *[o_chunk(ID, M, [o_choice({"content": t["token"]}, logprobs={"content": [t], "refusal": None})],
                  system_fingerprint="fp_logprobs01") for t in TOKENS],
        o_chunk(ID, M, [o_choice({}, "stop")], system_fingerprint="fp_logprobs01"),
        o_chunk(ID, M, [], usage, system_fingerprint="fp_logprobs01")])

SAFE = {"filtered": False, "severity": "safe"}
PROMPT_FILTER = [{"prompt_index": 0, "content_filter_results": {"hate": SAFE, "self_harm": SAFE, "sexual": SAFE, "violence": SAFE,
                  "jailbreak": {"filtered": False, "detected": False}}}]
OUTPUT_FILTER = {"hate": SAFE, "self_harm": SAFE, "sexual": SAFE, "violence": SAFE,
                 "protected_material_text": {"filtered": False, "detected": False}}
ID, M = "chatcmpl-C2AzureFilterExample00000003", "gpt-4o-2024-11-20"
usage = {"prompt_tokens": 14, "completion_tokens": 6, "total_tokens": 20}
openai("azure_content_filter",
       o_body(ID, M, [{"index": 0, "message": {"role": "assistant", "content": "Hello from Azure.", "refusal": None},
                       "logprobs": None, "finish_reason": "stop", "content_filter_results": OUTPUT_FILTER}], usage,
              prompt_filter_results=PROMPT_FILTER),
       [{"id": "", "object": "", "created": 0, "model": "", "choices": [], "prompt_filter_results": PROMPT_FILTER},
        o_chunk(ID, M, [o_choice({"role": "assistant", "content": ""}, content_filter_results={})]),
        o_chunk(ID, M, [o_choice({"content": "Hello from"}, content_filter_results=OUTPUT_FILTER)]),
        o_chunk(ID, M, [o_choice({"content": " Azure."}, content_filter_results=OUTPUT_FILTER)]),
        o_chunk(ID, M, [o_choice({}, "stop", content_filter_results=OUTPUT_FILTER)]),
        o_chunk(ID, M, [], usage)])

ID, M = "chatcmpl-C2ChoicesExample0000000004", "gpt-4o-mini-2024-07-18"
usage = {"prompt_tokens": 11, "completion_tokens": 9, "total_tokens": 20}
openai("choices",
       o_body(ID, M, [{"index": i, "message": {"role": "assistant", "content": t, "refusal": None, "annotations": []},
                       "logprobs": None, "finish_reason": "stop"} for i, t in enumerate(["Heads.", "Tails, again."])], usage),
       [o_chunk(ID, M, [o_choice({"role": "assistant", "content": ""}, index=0)]),
        o_chunk(ID, M, [o_choice({"role": "assistant", "content": ""}, index=1)]),
        o_chunk(ID, M, [o_choice({"content": "Heads."}, index=0)]),
        o_chunk(ID, M, [o_choice({"content": "Tails,"}, index=1)]),
        o_chunk(ID, M, [o_choice({}, "stop", index=0)]),
        o_chunk(ID, M, [o_choice({"content": " again."}, index=1)]),
        o_chunk(ID, M, [o_choice({}, "stop", index=1)]),
        o_chunk(ID, M, [], usage)])

# ---------------------------------------------------------------- Google
# https://ai.google.dev/gemini-api/docs/code-execution
# https://ai.google.dev/gemini-api/docs/image-generation
# https://ai.google.dev/gemini-api/docs/google-search
# https://ai.google.dev/api/generate-content#candidate

def g_frame(c):
    return f"data: {j(c)}\r\n\r\n"

def google(name, whole, chunks):
    body("google", name, whole)
    sse("google", name, chunks, g_frame)

def g_response(candidates, usage, model, rid, **extra):
    r = {"candidates": candidates}
    if usage is not None:
        r["usageMetadata"] = usage
    r.update({"modelVersion": model, "responseId": rid, **extra})
    return r

def g_candidate(parts, finish=None, index=0, **extra):
    c = {"content": {"parts": parts, "role": "model"}}
    if finish:
        c["finishReason"] = finish
    c["index"] = index
    c.update(extra)
    return c

CODE = {"language": "PYTHON", "code": "print(sum(range(1, 101)))\n"}
RESULT = {"outcome": "OUTCOME_OK", "output": "5050\n"}
usage = {"promptTokenCount": 18, "candidatesTokenCount": 60, "totalTokenCount": 78}
M, R = "gemini-2.5-flash", "CodeExecution01ResponseId"
google("code_execution",
       g_response([g_candidate([{"text": "I'll add the numbers with code."}, {"executableCode": CODE},
                                {"codeExecutionResult": RESULT}, {"text": "The sum of 1 to 100 is 5050."}], "STOP")], usage, M, R),
       [g_response([g_candidate([{"text": "I'll add the numbers"}])], None, M, R),
        g_response([g_candidate([{"text": " with code."}])], None, M, R),
        g_response([g_candidate([{"executableCode": CODE}])], None, M, R),
        g_response([g_candidate([{"codeExecutionResult": RESULT}])], None, M, R),
        g_response([g_candidate([{"text": "The sum of 1 to 100 is 5050."}], "STOP")], usage, M, R)])

PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
usage = {"promptTokenCount": 12, "candidatesTokenCount": 1300, "totalTokenCount": 1312,
         "candidatesTokensDetails": [{"modality": "IMAGE", "tokenCount": 1290}, {"modality": "TEXT", "tokenCount": 10}]}
M, R = "gemini-2.5-flash-image", "ImageOutput01ResponseId"
google("image_output",
       g_response([g_candidate([{"text": "Here is a one-pixel image."},
                                {"inlineData": {"mimeType": "image/png", "data": PNG}, "thoughtSignature": "CrIBAdHtim9ImageSignature0001"}],
                               "STOP")], usage, M, R),
       [g_response([g_candidate([{"text": "Here is a one-pixel image."}])], None, M, R),
        g_response([g_candidate([{"inlineData": {"mimeType": "image/png", "data": PNG}, "thoughtSignature": "CrIBAdHtim9ImageSignature0001"}],
                                "STOP")], usage, M, R)])

usage = {"promptTokenCount": 6, "candidatesTokenCount": 4, "totalTokenCount": 10}
M, R = "gemini-2.5-flash", "TextParts01ResponseId"
google("text_parts",
       g_response([g_candidate([{"text": "Hello, "}, {"text": "world."}], "STOP")], usage, M, R),
       [g_response([g_candidate([{"text": "Hello, "}])], None, M, R),
        g_response([g_candidate([{"text": "world."}], "STOP")], usage, M, R)])

ANSWER = "Spain won Euro 2024, beating England 2-1 in the final."
grounding = {
    "webSearchQueries": ["who won euro 2024"],
    "searchEntryPoint": {"renderedContent": "<div class=\"container\">who won euro 2024</div>"},
    "groundingChunks": [{"web": {"uri": "https://vertexaisearch.example/grounding-api-redirect/AbC1", "title": "uefa.com"}},
                        {"web": {"uri": "https://vertexaisearch.example/grounding-api-redirect/DeF2", "title": "bbc.co.uk"}}],
    "groundingSupports": [{"segment": {"startIndex": 0, "endIndex": 56, "text": ANSWER},
                           "groundingChunkIndices": [0, 1], "confidenceScores": [0.97, 0.94]}],
}
citations = {"citationSources": [{"startIndex": 0, "endIndex": 56, "uri": "https://www.uefa.com/euro2024/", "license": ""}]}
ratings = [{"category": "HARM_CATEGORY_HATE_SPEECH", "probability": "NEGLIGIBLE"},
           {"category": "HARM_CATEGORY_DANGEROUS_CONTENT", "probability": "NEGLIGIBLE"}]
usage = {"promptTokenCount": 9, "candidatesTokenCount": 16, "totalTokenCount": 145, "toolUsePromptTokenCount": 120}
M, R = "gemini-2.5-flash", "Grounding01ResponseId"
google("grounding",
       g_response([g_candidate([{"text": ANSWER}], "STOP", groundingMetadata=grounding, citationMetadata=citations,
                               safetyRatings=ratings)], usage, M, R),
       [g_response([g_candidate([{"text": ANSWER[:20]}], safetyRatings=ratings)], None, M, R),
        g_response([g_candidate([{"text": ANSWER[20:]}], "STOP", groundingMetadata=grounding, citationMetadata=citations,
                                safetyRatings=ratings)], usage, M, R)])

usage = {"promptTokenCount": 7, "candidatesTokenCount": 8, "totalTokenCount": 15}
M, R = "gemini-2.5-flash", "Candidates01ResponseId"
google("candidates",
       g_response([g_candidate([{"text": "Heads."}], "STOP", 0), g_candidate([{"text": "Tails, again."}], "STOP", 1)], usage, M, R),
       [g_response([g_candidate([{"text": "Heads."}], None, 0), g_candidate([{"text": "Tails,"}], None, 1)], None, M, R),
        g_response([g_candidate([], "STOP", 0), g_candidate([{"text": " again."}], "STOP", 1)], usage, M, R)])

usage = {"promptTokenCount": 5, "candidatesTokenCount": 3, "totalTokenCount": 8}
M, R = "gemini-2.5-flash", "ErrorNull01ResponseId"
# Some proxies send "error": null on every chunk: a null error is no error.
google("error_null",
       g_response([g_candidate([{"text": "All fine."}], "STOP")], usage, M, R, error=None),
       [g_response([g_candidate([{"text": "All"}])], None, M, R, error=None),
        g_response([g_candidate([{"text": " fine."}], "STOP")], usage, M, R, error=None)])
