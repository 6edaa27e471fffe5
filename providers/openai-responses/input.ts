/**
 * Canonical messages → Responses `input` items: user turns as messages of `input_text` and
 * `input_image` parts; an assistant turn as its items in order — text as `output_text` parts of
 * a message (with its own annotations), each tool call a `function_call`, the thinking blocks of
 * one reasoning item sent back as that `reasoning` item (id, summary, encrypted content), this
 * dialect's provider blocks as the items they were; tool results as `function_call_output`.
 * What cannot travel is dropped with a {@link Warning}.
 *
 * @see https://platform.openai.com/docs/api-reference/responses/create#responses-create-input
 * @see https://platform.openai.com/docs/guides/reasoning#keeping-reasoning-items-in-context
 * @module
 */

import { dataUrl } from "../../codec/data_url.ts";
import { blockPath } from "../../codec/paths.ts";
import { responsesDocument } from "./documents.ts";
import { acceptsOpaque, ownCitations, ownProviderBlock, warn } from "../../codec/replay.ts";
import type {
  AssistantMessage,
  ImageBlock,
  Message,
  TextBlock,
  ThinkingBlock,
  ToolMessage,
  Warning,
} from "../../common/types.ts";
import { readReasoningSignature } from "./mappers.ts";

type Item = Record<string, unknown>;

/**
 * Converts messages to input items.
 *
 * @param name The provider serializing (`openai-responses` or a host), named in warnings.
 * @param messages The conversation (validated).
 * @param from The first message to send (a stored conversation leaves the earlier ones out).
 * @param warnings Receives what was dropped.
 * @returns The items.
 */
export function inputItems(
  name: string,
  messages: readonly Message[],
  from: number,
  warnings: Warning[] | undefined,
): Item[] {
  const out: Item[] = [];
  for (let m = from; m < messages.length; m++) {
    const message = messages[m];
    if (message.role === "user") {
      out.push({
        role: "user",
        content: typeof message.content === "string"
          ? message.content
          : message.content.map((block, b) =>
            block.type === "document"
              ? responsesDocument(name, block, blockPath(m, b), warnings)
              : inputPart(block)
          ),
      });
    } else if (message.role === "assistant") {
      assistantItems(name, message, m, out, warnings);
    } else {
      toolOutputs(name, message, m, out, warnings);
    }
  }
  return out;
}

function inputPart(block: TextBlock | ImageBlock): Item {
  if (block.type === "text") return { type: "input_text", text: block.text };
  const url = "url" in block ? block.url : dataUrl(block.mediaType, block.data);
  return { type: "input_image", image_url: url, detail: "auto" };
}

const WHY: Record<string, string> = {
  redacted_thinking: "the Responses API has no redacted reasoning",
  image: "Responses assistant turns take no images",
};

function assistantItems(
  name: string,
  message: AssistantMessage,
  m: number,
  out: Item[],
  warnings: Warning[] | undefined,
): void {
  if (typeof message.content === "string") {
    out.push({ role: "assistant", content: message.content });
    return;
  }
  const origin = acceptsOpaque(message, name) ? undefined : message.provider;
  // The last message item and reasoning item made: text joins the one, thinking with the same
  // signature the other, while nothing else has been sent after it.
  let text: Item | undefined;
  let reasoning: Reasoning | undefined;
  const blocks = message.content;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    switch (block.type) {
      case "text": {
        if (text === undefined || out[out.length - 1] !== text) {
          text = { role: "assistant", content: [] };
          out.push(text);
        }
        (text.content as Item[]).push(outputText(name, block, m, b, warnings));
        break;
      }
      case "thinking": {
        const open = reasoning !== undefined && out[out.length - 1] === reasoning.item;
        const current = open ? reasoning : undefined;
        reasoning = thinkingItem(name, block, origin, current, m, b, out, warnings);
        break;
      }
      case "tool_call":
        out.push({
          type: "function_call",
          call_id: block.id,
          name: block.name,
          arguments: JSON.stringify(block.arguments),
        });
        break;
      case "provider": {
        const data = ownProviderBlock(block, name, warnings, blockPath(m, b));
        if (data !== undefined) out.push(data);
        break;
      }
      default:
        warn(
          warnings,
          name,
          blockPath(m, b),
          `${block.type} block dropped: ${WHY[block.type]}`,
        );
    }
    if (block.type !== "thinking" && "signature" in block && block.signature !== undefined) {
      const path = `${blockPath(m, b)}.signature`;
      warn(warnings, name, path, "dropped: the Responses API has no signatures");
    }
  }
}

// The block's path is built only for its citations' warnings.
function outputText(
  name: string,
  block: TextBlock,
  m: number,
  b: number,
  warnings: Warning[] | undefined,
): Item {
  const part: Item = { type: "output_text", text: block.text };
  if (block.citations !== undefined) {
    const annotations = ownCitations(block, name, warnings, blockPath(m, b));
    if (annotations !== undefined) part.annotations = annotations;
  }
  return part;
}

/** A reasoning item being rebuilt, and the signature of the blocks read from it. */
interface Reasoning {
  item: Item;
  signature: string;
}

// Thinking blocks read from one reasoning item share its signature: they go back as that item,
// each block's text one summary part.
function thinkingItem(
  name: string,
  block: ThinkingBlock,
  origin: string | undefined,
  current: Reasoning | undefined,
  m: number,
  b: number,
  out: Item[],
  warnings: Warning[] | undefined,
): Reasoning | undefined {
  const signature = block.signature;
  const summary = block.text === "" ? undefined : { type: "summary_text", text: block.text };
  if (current !== undefined && current.signature === signature) {
    if (summary !== undefined) (current.item.summary as Item[]).push(summary);
    return current;
  }
  const replay = origin === undefined && signature !== undefined
    ? readReasoningSignature(signature)
    : undefined;
  if (replay === undefined) {
    warn(
      warnings,
      name,
      blockPath(m, b),
      origin === undefined
        ? "thinking block dropped: it holds no Responses reasoning item to send back"
        : `thinking block from ${origin} dropped: only ${origin} can take its reasoning back`,
    );
    return undefined;
  }
  const item: Item = { type: "reasoning" };
  if (replay.id !== undefined) item.id = replay.id;
  item.summary = summary === undefined ? [] : [summary];
  if (replay.encryptedContent !== undefined) item.encrypted_content = replay.encryptedContent;
  out.push(item);
  return { item, signature: signature! };
}

function toolOutputs(
  name: string,
  message: ToolMessage,
  m: number,
  out: Item[],
  warnings: Warning[] | undefined,
): void {
  const results = message.content;
  for (let r = 0; r < results.length; r++) {
    const result = results[r];
    const content = result.content;
    if (result.isError) {
      warn(
        warnings,
        name,
        `${blockPath(m, r)}.isError`,
        "dropped: function_call_output has no error flag; the content is sent as the output",
      );
    }
    out.push({
      type: "function_call_output",
      call_id: result.toolCallId,
      output: typeof content === "string" ? content : content.map(inputPart),
    });
  }
}
