// What a joining socket missed, read from the log: a run's events after a revision, or a
// workflow's and its runs' events after a log position.
import { streamCategory, streamId, ValidationError } from '../../domain/index.ts';
import { executionStreamName } from '../../engine/index.ts';
import type { EventStore } from '../../events/index.ts';
import { toLiveBody, type LiveBody, type RunOwner } from './live-mapping.ts';
import type { RunOwners } from './run-owners.ts';

const PAGE = 1000;

/** Every event of one run with a revision above `after` (all of them without it). */
export async function replayExecution(events: EventStore, executionId: string, owner: RunOwner, after?: number): Promise<LiveBody[]> {
  const recorded = await events.readStream(executionStreamName(executionId), { from: after === undefined ? 0 : after + 1 });
  return recorded.map((event) => toLiveBody(event, owner)).filter((body): body is LiveBody => body !== undefined);
}

/**
 * The workflow's own events and those of its runs with a position above `after`. It scans the
 * log from there, so a client too far behind (more than `maxEvents`) is told to reload instead.
 */
export async function replayWorkflow(
  events: EventStore, owners: RunOwners, workflowId: string, after: number, maxEvents: number,
): Promise<LiveBody[]> {
  const out: LiveBody[] = [];
  const ownStream = `workflow-${workflowId}`;
  let from = after;
  let scanned = 0;
  for (;;) {
    const page = await events.readAll({ after: from, limit: PAGE });
    for (const event of page) {
      if (event.stream === ownStream) {
        const body = toLiveBody(event);
        if (body) out.push(body);
      } else if (streamCategory(event.stream) === 'execution') {
        const executionId = streamId(event.stream);
        const owner = owners.learn(executionId, event) ?? (await owners.get(executionId));
        if (owner?.workflowId === workflowId) {
          const body = toLiveBody(event, owner);
          if (body) out.push(body);
        }
      }
    }
    scanned += page.length;
    if (page.length < PAGE) return out;
    if (scanned >= maxEvents) {
      throw new ValidationError(`More than ${maxEvents} events happened since position ${after}: reload the workflow and its executions, then watch without 'after'`, [
        { path: 'after', message: 'too far behind' },
      ]);
    }
    from = page[page.length - 1].position;
  }
}
