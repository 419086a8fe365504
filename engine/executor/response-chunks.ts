// A node's streamed answer (sendChunk), recorded on the run so whichever server holds the call
// writes it. A model sends its answer a few characters at a time: the pieces sent within
// FLUSH_AFTER_MS of each other share one event, so an answer is a handful of events, not hundreds,
// and still reaches the caller as it is written.
import type { ResponseChunk, ResponseChunkType } from '../node-sdk.ts';
import type { ExecutionRecorder } from './recorder.ts';

const FLUSH_AFTER_MS = 30;
/** Text held before it is written at once, whatever the time. */
const FLUSH_AT_CHARS = 4096;

export interface ChunkSender {
  send(type: ResponseChunkType, itemIndex: number, content?: string): Promise<void>;
  /** Records what is held (the node's run is over). */
  flush(): Promise<void>;
}

export function createChunkSender(recorder: ExecutionRecorder, node: { name: string; id?: string }, runIndex: number): ChunkSender {
  let held: ResponseChunk[] = [];
  let heldChars = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Events of one node are recorded in the order they were sent.
  let last: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (held.length === 0) return last;
    const chunks = held;
    held = [];
    heldChars = 0;
    last = last.then(() => recorder.record('WebhookResponseChunk', { node: node.name, ...(node.id ? { nodeId: node.id } : {}), runIndex, chunks }));
    return last;
  };

  return {
    send(type, itemIndex, content) {
      held.push({ type, itemIndex, ...(content !== undefined ? { content } : {}), timestamp: Date.now() });
      heldChars += content?.length ?? 0;
      // Only the text in between waits; a beginning, an end or an error goes out at once.
      if (type !== 'item' || heldChars >= FLUSH_AT_CHARS) return flush();
      timer ??= setTimeout(() => void flush().catch(() => undefined), FLUSH_AFTER_MS);
      return Promise.resolve();
    },
    flush,
  };
}
