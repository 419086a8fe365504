// Watches a run's event stream from the webhook side: which node a parked run waits in, and a
// Respond to Webhook node's answer while the run goes on.
import { setTimeout as sleep } from 'node:timers/promises';
import type { WorkflowDefinition, WorkflowNode } from '../../domain/index.ts';
import { executionStreamName, type RunResult } from '../../engine/index.ts';
import type { BlobStore, EventStore } from '../../events/index.ts';
import type { WebhookResponse } from '../../nodes/index.ts';
import { hydrateEvent } from '../executions/large-payloads.ts';

export type ExecutionWatch = ReturnType<typeof createExecutionWatch>;

export function createExecutionWatch(events: EventStore, blobs: BlobStore, options: { pollMs?: number } = {}) {
  const pollMs = options.pollMs ?? 10;

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

    /**
     * The answer of the first Respond to Webhook node among `respondNodes` to succeed, or
     * undefined when the run ends (or parks) without one.
     */
    async respondNodeAnswer(executionId: string, respondNodes: ReadonlySet<string>, done: Promise<RunResult>): Promise<WebhookResponse | undefined> {
      const stream = executionStreamName(executionId);
      let from = 0;
      let finished = false;
      void done.then(() => (finished = true), () => (finished = true));
      for (;;) {
        const last = finished;
        const batch = await events.readStream(stream, { from });
        for (const event of batch) {
          from = event.revision + 1;
          if (event.type === 'WebhookResponseSent') {
            const data = (await hydrateEvent(event, blobs)).data as { node: string; response: WebhookResponse };
            if (respondNodes.has(data.node)) return data.response;
          }
          if (event.type === 'ExecutionFinished' || event.type === 'ExecutionWaiting') return undefined;
        }
        if (last) return undefined;
        await Promise.race([sleep(pollMs), done.catch(() => undefined)]);
      }
    },
  };
}
