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

/**
 * The two cases of the pair.
 *
 * @returns The SSE case and the event-stream case.
 */
export function framingCases(): BenchCase[] {
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
      const decoder = createSseDecoder("bench", (_event, data) => {
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
      const decoder = createAwsEventStreamDecoder();
      const messages = decoder.push(frames);
      for (let i = 0; i < messages.length; i++) JSON.parse(utf8.decode(messages[i].payload));
      decoder.end();
      return messages.length;
    },
    floor: frameFloor(frames),
    floorName: floorNameOf("aws-event-stream"),
  }];
}
