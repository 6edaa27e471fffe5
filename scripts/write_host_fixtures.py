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
