// Watches a run's event stream from the webhook side: which node a parked run waits in, and a
// Respond to Webhook node's answer or a streamed answer's parts while the run goes on.
import { setTimeout as sleep } from 'node:timers/promises';
import type { RecordedEvent, WorkflowDefinition, WorkflowNode } from '../../domain/index.ts';
import { executionStreamName, type RunResult, type WebhookResponseChunkData } from '../../engine/index.ts';
import type { BlobStore, EventStore } from '../../events/index.ts';
import type { WebhookResponse } from '../../nodes/index.ts';
import { hydrateEvent } from '../executions/large-payloads.ts';

export type ExecutionWatch = ReturnType<typeof createExecutionWatch>;

export function createExecutionWatch(events: EventStore, blobs: BlobStore, options: { pollMs?: number } = {}) {
  const pollMs = options.pollMs ?? 10;

  /**
   * Reads the run's events as they are recorded, until `visit` says it has what it wanted, or the
   * run ends or parks (its events are read to that point first).
   */
  async function follow(executionId: string, done: Promise<RunResult>, visit: (event: RecordedEvent) => boolean | Promise<boolean>): Promise<void> {
    const stream = executionStreamName(executionId);
    let from = 0;
    let finished = false;
    void done.then(() => (finished = true), () => (finished = true));
    for (;;) {
      const last = finished;
      const batch = await events.readStream(stream, { from });
      for (const event of batch) {
        from = event.revision + 1;
        if (await visit(event)) return;
        if (event.type === 'ExecutionFinished' || event.type === 'ExecutionWaiting') return;
      }
      if (last) return;
      await Promise.race([sleep(pollMs), done.catch(() => undefined)]);
    }
  }

  return {
    /** The node a parked run waits in, with the definition the run uses. */
    async waitingNode(executionId: string): Promise<WorkflowNode | undefined> {
      const stream = await events.readStream(executionStreamName(executionId));
      let definition: WorkflowDefinition | undefined;
      let waiting: string | undefined;
      for (const recorded of stream) {
        // The definition may have gone to the blob store with a large trigger body.
        const e = recorded.type === 'ExecutionQueued' || recorded.type === 'ExecutionStarted' ? await hydrateEvent(recorded, blobs) : recorded;
        const data = e.data as { definition?: WorkflowDefinition; node?: string };
        if ((e.type === 'ExecutionQueued' || e.type === 'ExecutionStarted') && data.definition) definition = data.definition;
        if (e.type === 'ExecutionWaiting') waiting = data.node;
        if (e.type === 'ExecutionResumed') waiting = undefined;
      }
      return waiting ? definition?.nodes.find((n) => n.name === waiting) : undefined;
    },

    /** A node's run context as its last recorded step left it (a Send and Wait node's resume settings). */
    async nodeContext(executionId: string, node: string): Promise<Record<string, unknown> | undefined> {
      const stream = await events.readStream(executionStreamName(executionId));
      let context: Record<string, unknown> | undefined;
      for (const e of stream) {
        const data = e.data as { node?: string; context?: Record<string, Record<string, unknown>> };
        if (e.type === 'NodeSucceeded' && data.node === node && data.context?.[`node:${node}`]) context = data.context[`node:${node}`];
      }
      return context;
    },

    /** The run context last recorded by any node that keeps `key` in it (a Form node's ending screen). */
    async lastNodeContextWith(executionId: string, key: string): Promise<Record<string, unknown> | undefined> {
      let found: Record<string, unknown> | undefined;
      for (const e of await events.readStream(executionStreamName(executionId))) {
        const data = e.data as { node?: string; context?: Record<string, Record<string, unknown> | undefined> };
        const context = e.type === 'NodeSucceeded' && data.node ? data.context?.[`node:${data.node}`] : undefined;
        if (context?.[key] !== undefined) found = context;
      }
      return found;
    },

    /**
     * The answer of the first Respond to Webhook node among `respondNodes` to succeed, or
     * undefined when the run ends (or parks) without one.
     */
    async respondNodeAnswer(executionId: string, respondNodes: ReadonlySet<string>, done: Promise<RunResult>): Promise<WebhookResponse | undefined> {
      let answer: WebhookResponse | undefined;
      await follow(executionId, done, async (event) => {
        if (event.type !== 'WebhookResponseSent') return false;
        const data = (await hydrateEvent(event, blobs)).data as { node: string; response: WebhookResponse };
        if (respondNodes.has(data.node)) answer = data.response;
        return answer !== undefined;
      });
      return answer;
    },

    /** Hands over the parts of a streamed answer as the run's nodes send them, until the run ends or parks. */
    async streamedChunks(executionId: string, done: Promise<RunResult>, write: (chunk: WebhookResponseChunkData) => void): Promise<void> {
      await follow(executionId, done, (event) => {
        if (event.type === 'WebhookResponseChunk') write(event.data as WebhookResponseChunkData);
        return false;
      });
    },
  };
}
