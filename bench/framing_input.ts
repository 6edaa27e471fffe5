/**
 * The framing pair: the same Converse payloads framed as SSE and as AWS event-stream frames,
 * each read by rosetta's decoder for that framing with one `JSON.parse` per event, so that the
 * event-stream decoder's per-event cost compares with the SSE decoder's on identical JSON work.
 *
 * @module
 */

import { createAwsEventStreamDecoder } from "../codec/aws_event_stream.ts";
import { createSseDecoder } from "../codec/sse.ts";
import { awsEventStreamFormat, sseFormat } from "../testing/stream_format.ts";
import type { BenchCase } from "./bench.ts";
import { countEvents, floorNameOf, frameFloor, sseFloor } from "./inputs.ts";
import { readFixtureBytes } from "../testing/internal/fixtures.ts";

const GROUP = "stream: framing, same payloads (Converse mixed events)";
const utf8 = new TextDecoder();

/** The two decoders the pair times, from one copy of the library. */
export interface FramingDecoders {
  createAwsEventStreamDecoder: typeof createAwsEventStreamDecoder;
  createSseDecoder: typeof createSseDecoder;
}

/**
 * The two decoders of a library copy in the folder `root` (for `compare`, which times each copy's
 * own: the root module does not export them).
 *
 * @param root The copy's folder, with a trailing slash.
 * @returns Its decoders.
 */
export async function framingDecoders(root: string): Promise<FramingDecoders> {
  return {
    ...(await import(`${root}codec/aws_event_stream.ts`)),
    ...(await import(`${root}codec/sse.ts`)),
  };
}

/**
 * The two cases of the pair.
 *
 * @param decoders The decoders to time (by default this checkout's).
 * @returns The SSE case and the event-stream case.
 */
export function framingCases(
  decoders: FramingDecoders = { createAwsEventStreamDecoder, createSseDecoder },
): BenchCase[] {
  const frames = readFixtureBytes("benchmarks/bedrock/stream_complex.bin");
  const sse = sseFormat.encode(awsEventStreamFormat.events(frames));
  const perCall = countEvents(frames, "aws-event-stream");
  return [{
    group: GROUP,
    name: "sse decoder",
    category: "streaming",
    perCall,
    fn: () => {
      let count = 0;
      const decoder = decoders.createSseDecoder("bench", (_event, data) => {
        JSON.parse(data);
        count++;
      });
      decoder.push(sse);
      decoder.end();
      return count;
    },
    floor: sseFloor(sse),
    floorName: floorNameOf("sse"),
  }, {
    group: GROUP,
    name: "event-stream decoder",
    category: "streaming",
    perCall,
    fn: () => {
      const decoder = decoders.createAwsEventStreamDecoder();
      const messages = decoder.push(frames);
      for (let i = 0; i < messages.length; i++) JSON.parse(utf8.decode(messages[i].payload));
      decoder.end();
      return messages.length;
    },
    floor: frameFloor(frames),
    floorName: floorNameOf("aws-event-stream"),
  }];
}
