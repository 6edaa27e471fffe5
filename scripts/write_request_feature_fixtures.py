"""Fixtures for the request features (issue 11). Run once; output is committed.

- fixtures/<provider>/structured_output.json and its streamed twin .sse: an answer in the JSON a
  structured-output request asks for, in each API's documented format, plus Anthropic's
  forced-tool form (structured_output_tool) for models without output_config.format.
  parseOutput must read the same value from every one of them.
- fixtures/benchmarks/request_features.json: the canonical request of the "serialize: with
  features" bench group: a PDF document (a small one-page PDF written here), structured output
  and cache breakpoints.
"""
import base64, json, pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent / "fixtures"
VALUE = {"name": "Ada Lovelace", "born": 1815, "fields": ["mathematics", "computing"]}
TEXT = json.dumps(VALUE, separators=(",", ":"))
PIECES = [TEXT[i:i + 17] for i in range(0, len(TEXT), 17)]

def j(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))

def write(provider, name, whole, events, frame):
    (ROOT / provider / f"{name}.json").write_text(json.dumps(whole, indent=2, ensure_ascii=False) + "\n")
    (ROOT / provider / f"{name}.sse").write_text("".join(frame(e) for e in events))

# ---------------------------------------------------------------- Anthropic
# https://platform.claude.com/docs/en/build-with-claude/structured-outputs
# https://platform.claude.com/docs/en/build-with-claude/streaming
def a_frame(e):
    return f"event: {e['type']}\ndata: {j(e)}\n\n"

def anthropic(name, id, block, start_block, deltas, stop_reason):
    usage = {"input_tokens": 210, "output_tokens": 31}
    message = {"id": id, "type": "message", "role": "assistant", "model": "claude-sonnet-4-5-20250929",
               "content": [block], "stop_reason": stop_reason, "stop_sequence": None, "usage": usage}
    start = {**message, "content": [], "stop_reason": None, "usage": {**usage, "output_tokens": 1}}
    events = [{"type": "message_start", "message": start},
              {"type": "content_block_start", "index": 0, "content_block": start_block},
              *[{"type": "content_block_delta", "index": 0, "delta": d} for d in deltas],
              {"type": "content_block_stop", "index": 0},
              {"type": "message_delta", "delta": {"stop_reason": stop_reason, "stop_sequence": None},
               "usage": {"output_tokens": 31}},
              {"type": "message_stop"}]
    write("anthropic", name, message, events, a_frame)

anthropic("structured_output", "msg_01StructuredOutputExample01", {"type": "text", "text": TEXT},
          {"type": "text", "text": ""}, [{"type": "text_delta", "text": p} for p in PIECES], "end_turn")
TOOL_ID = "toolu_01StructuredOutputToolExample"
anthropic("structured_output_tool", "msg_01StructuredOutputToolExample",
          {"type": "tool_use", "id": TOOL_ID, "name": "person", "input": VALUE},
          {"type": "tool_use", "id": TOOL_ID, "name": "person", "input": {}},
          [{"type": "input_json_delta", "partial_json": p} for p in PIECES], "tool_use")

# ---------------------------------------------------------------- OpenAI
# https://platform.openai.com/docs/guides/structured-outputs
ID, M = "chatcmpl-C3StructuredOutputExample0001", "gpt-4o-2024-08-06"
usage = {"prompt_tokens": 95, "completion_tokens": 22, "total_tokens": 117}
def o_chunk(delta, finish=None, usage=None, choices=True):
    return {"id": ID, "object": "chat.completion.chunk", "created": 1741572000, "model": M,
            "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}] if choices else [],
            "usage": usage}
whole = {"id": ID, "object": "chat.completion", "created": 1741572000, "model": M,
         "choices": [{"index": 0, "message": {"role": "assistant", "content": TEXT, "refusal": None, "annotations": []},
                      "logprobs": None, "finish_reason": "stop"}], "usage": usage}
chunks = [o_chunk({"role": "assistant", "content": "", "refusal": None}),
          *[o_chunk({"content": p}) for p in PIECES], o_chunk({}, "stop"), o_chunk(None, usage=usage, choices=False)]
write("openai", "structured_output", whole, chunks + ["[DONE]"],
      lambda c: "data: [DONE]\n\n" if c == "[DONE]" else f"data: {j(c)}\n\n")

# ---------------------------------------------------------------- Google
# https://ai.google.dev/gemini-api/docs/structured-output
R = "StructuredOutput01ResponseId"
def g_response(parts, finish=None, usage=None):
    candidate = {"content": {"parts": parts, "role": "model"}}
    if finish:
        candidate["finishReason"] = finish
    candidate["index"] = 0
    r = {"candidates": [candidate]}
    if usage:
        r["usageMetadata"] = usage
    r.update({"modelVersion": "gemini-2.5-flash", "responseId": R})
    return r
usage = {"promptTokenCount": 88, "candidatesTokenCount": 24, "totalTokenCount": 112}
events = [g_response([{"text": p}]) for p in PIECES[:-1]] + [g_response([{"text": PIECES[-1]}], "STOP", usage)]
write("google", "structured_output", g_response([{"text": TEXT}], "STOP", usage), events,
      lambda c: f"data: {j(c)}\r\n\r\n")

# ---------------------------------------------------------------- bench request
def minimal_pdf(lines):
    """A one-page PDF showing `lines`, with a correct cross-reference table."""
    text = "BT /F1 12 Tf 72 720 Td 16 TL " + " ".join(f"({l}) '" for l in lines) + " ET"
    objs = ["<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            f"<< /Length {len(text)} >>\nstream\n{text}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = "%PDF-1.4\n", []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out.encode()))
        out += f"{i} 0 obj\n{o}\nendobj\n"
    xref = len(out.encode())
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n" + "".join(f"{o:010d} 00000 n \n" for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return base64.b64encode(out.encode()).decode()

PDF = minimal_pdf(["Invoice 2041", "Date: 2025-03-14", "Bill to: Example Travel Ltd",
                   "1 x Guided tour, Paris   EUR 120.00", "2 x Museum pass           EUR  96.00",
                   "Total                     EUR 216.00"])
LINE = {"type": "object", "properties": {"description": {"type": "string"}, "quantity": {"type": "integer"},
                                         "amount": {"type": "number"}},
        "required": ["description", "quantity", "amount"], "additionalProperties": False}
INVOICE = {"type": "object",
           "properties": {"number": {"type": "string", "description": "Invoice number"},
                          "date": {"type": "string", "format": "date"}, "customer": {"type": "string"},
                          "lines": {"type": "array", "items": LINE}, "total": {"type": "number"},
                          "currency": {"type": "string", "enum": ["EUR", "USD", "GBP"]}},
           "required": ["number", "date", "customer", "lines", "total", "currency"],
           "additionalProperties": False}
ANSWER = {"number": "2041", "date": "2025-03-14", "customer": "Example Travel Ltd",
          "lines": [{"description": "Guided tour, Paris", "quantity": 1, "amount": 120},
                    {"description": "Museum pass", "quantity": 2, "amount": 96}],
          "total": 216, "currency": "EUR"}
request = {
    "model": "(set per provider)",
    "system": "You extract structured data from business documents. Answer only with the JSON the schema asks for; use the document's own spelling for names.",
    "messages": [
        {"role": "user", "content": [
            {"type": "document", "mediaType": "application/pdf", "data": PDF, "title": "invoice-2041.pdf"},
            {"type": "text", "text": "Extract the invoice."}]},
        {"role": "assistant", "content": json.dumps(ANSWER, separators=(",", ":"))},
        {"role": "user", "content": "Check the total against the lines and extract it again."},
    ],
    "structuredOutput": {"name": "invoice", "schema": INVOICE, "strict": True},
    "cache": {"breakpoints": ["system", 0], "ttl": "1h", "key": "invoices"},
}
(ROOT / "benchmarks" / "request_features.json").write_text(json.dumps(request, indent=2) + "\n")
