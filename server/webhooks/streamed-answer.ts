// n8n's Response Mode "Streaming": the call is answered with the parts the run's nodes send
// (sendChunk), one JSON object a line as n8n writes them, while the run goes on; the answer ends with
// the run. The parts are events of the run, so the server holding the call writes them wherever
// the run executes (this server's thread or a queue worker).
import { PassThrough } from 'node:stream';
import type { Context } from 'koa';
import type { ResponseChunk, RunResult, WebhookResponseChunkData } from '../../engine/index.ts';
import type { ExecutionWatch } from './execution-watch.ts';

/** One line of the answer, in n8n's shape. */
interface StreamLine {
  type: ResponseChunk['type'];
  content?: string;
  metadata: { nodeId?: string; nodeName?: string; itemIndex: number; runIndex: number; timestamp: number };
}

function lineOf(chunk: ResponseChunk, from: WebhookResponseChunkData): StreamLine {
  return {
    type: chunk.type,
    ...(chunk.content !== undefined ? { content: chunk.content } : {}),
    metadata: { nodeId: from.nodeId ?? from.node, nodeName: from.node, itemIndex: chunk.itemIndex, runIndex: from.runIndex, timestamp: chunk.timestamp },
  };
}

/** Starts the streamed answer; it is written as the run records its parts, and ends with the run. */
export function answerStreaming(ctx: Context, watch: ExecutionWatch, started: { executionId: string; lastNodeDone: Promise<RunResult> }): void {
  const body = new PassThrough();
  ctx.status = 200;
  ctx.type = 'application/json; charset=utf-8';
  ctx.set('Cache-Control', 'no-cache');
  // Proxies that buffer answers (nginx) pass each part on at once.
  ctx.set('X-Accel-Buffering', 'no');
  ctx.body = body;
  const write = (line: StreamLine) => body.write(`${JSON.stringify(line)}\n`);
  let errorSent = false;
  void (async () => {
    try {
      await watch.streamedChunks(started.executionId, started.lastNodeDone, (data) => {
        for (const chunk of data.chunks) {
          if (chunk.type === 'error') errorSent = true;
          write(lineOf(chunk, data));
        }
      });
      // A run that failed without saying so in the stream still tells the caller why.
      const ended = await started.lastNodeDone.then(
        (result) => ({ error: result.data.resultData.error?.message, node: result.data.resultData.lastNodeExecuted }),
        (err: unknown) => ({ error: err instanceof Error ? err.message : String(err), node: undefined }),
      );
      if (ended.error && !errorSent) {
        const metadata = { ...(ended.node ? { nodeId: ended.node, nodeName: ended.node } : {}), itemIndex: 0, runIndex: 0, timestamp: Date.now() };
        write({ type: 'error', content: ended.error, metadata });
      }
    } catch (err) {
      write({ type: 'error', content: err instanceof Error ? err.message : String(err), metadata: { itemIndex: 0, runIndex: 0, timestamp: Date.now() } });
    } finally {
      body.end();
    }
  })();
}
