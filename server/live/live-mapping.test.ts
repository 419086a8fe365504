// The event-to-message mapping: every execution event becomes exactly one message (so revisions
// stay contiguous), definition changes of any kind read as workflow.edited, no items or stacks leak.
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../domain/index.ts';
import { ownerFromEvent, toLiveBody } from './live-mapping.ts';

let position = 100;
function recorded(stream: string, type: string, data: unknown, revision = 0): RecordedEvent {
  return {
    id: `e${position}`, stream, type, data, revision, position: ++position,
    metadata: { actor: { kind: 'system', id: 'test' }, correlationId: 'c', causationId: 'c', at: '2026-01-01T00:00:00.000Z', schemaVersion: 1, workspaceId: 'ws1' },
  };
}

const owner = { workflowId: 'wf1', workspaceId: 'ws1' };
const task = (status: string, main: (unknown[] | null)[], extra: Record<string, unknown> = {}) =>
  ({ startTime: 1, executionIndex: 2, executionTime: 37, executionStatus: status, source: [], data: { main }, ...extra });

describe('toLiveBody', () => {
  it('describes the steps of a run with counts, durations and errors, never the items', () => {
    const started = recorded('execution-ex1', 'ExecutionStarted', { workflowId: 'wf1', mode: 'manual', startedAt: 't0', startNode: 'Start', definition: { nodes: [] } });
    expect(ownerFromEvent(started)).toEqual(owner);
    expect(toLiveBody(started, owner)).toMatchObject({ type: 'run.started', executionId: 'ex1', workflowId: 'wf1', stream: 'execution-ex1', revision: 0, at: '2026-01-01T00:00:00.000Z', data: { mode: 'manual', startedAt: 't0', startNode: 'Start' } });
    expect(toLiveBody(started, owner)?.data).not.toHaveProperty('definition');

    const ok = toLiveBody(recorded('execution-ex1', 'NodeSucceeded', { node: 'IF', runIndex: 0, taskData: task('success', [[{ json: { secret: 1 } }, { json: {} }], null]) }), owner);
    expect(ok).toMatchObject({ type: 'node.finished', data: { node: 'IF', runIndex: 0, status: 'success', itemCounts: [2, null], durationMs: 37 } });
    expect(JSON.stringify(ok)).not.toContain('secret');

    const failed = toLiveBody(recorded('execution-ex1', 'NodeFailed', { node: 'Code', runIndex: 1, taskData: task('error', [], { error: { message: 'boom', stack: 'at x' } }) }), owner);
    expect(failed).toMatchObject({ type: 'node.failed', data: { node: 'Code', runIndex: 1, error: { message: 'boom' }, itemCounts: [], durationMs: 37 } });
    expect(JSON.stringify(failed)).not.toContain('at x');

    expect(toLiveBody(recorded('execution-ex1', 'NodeReturnedNoData', { node: 'Filter', runIndex: 0, executed: true }), owner))
      .toMatchObject({ type: 'node.finished', data: { node: 'Filter', noData: true, itemCounts: [] } });
    expect(toLiveBody(recorded('execution-ex1', 'NodeAttemptFailed', { node: 'HTTP', runIndex: 0, attempt: 1, error: { message: 'timeout' } }), owner))
      .toMatchObject({ type: 'node.retrying', data: { attempt: 1, error: { message: 'timeout' } } });
    expect(toLiveBody(recorded('execution-ex1', 'ExecutionWaiting', { node: 'Wait', waitTill: 't9', stoppedAt: 't1', queue: {} }), owner))
      .toMatchObject({ type: 'run.waiting', data: { node: 'Wait', waitTill: 't9' } });
    expect(toLiveBody(recorded('execution-ex1', 'ExecutionFinished', { status: 'error', stoppedAt: 't2', error: { message: 'no', stack: 's' }, lastNodeExecuted: 'Code' }), owner))
      .toEqual(expect.objectContaining({ type: 'run.finished', data: { status: 'error', stoppedAt: 't2', error: { message: 'no' }, lastNodeExecuted: 'Code' } }));
  });

  it('shows each use of a sub-node (a model call) live, with its prompt, answer and tokens, cut short when long', () => {
    const started = toLiveBody(recorded('execution-ex1', 'SubNodeCallStarted', { node: 'Model', runIndex: 1, rootNode: 'Agent', connectionType: 'ai_languageModel', executionIndex: 3, startTime: 1, input: { messages: ['Human: hi'] } }), owner);
    expect(started).toMatchObject({ type: 'subnode.started', data: { node: 'Model', runIndex: 1, rootNode: 'Agent', connectionType: 'ai_languageModel', input: { messages: ['Human: hi'] } } });
    const usage = { model: 'gpt-4o-mini', promptTokens: 9, completionTokens: 3, totalTokens: 12, costUsd: 0.0000032 };
    const finished = toLiveBody(recorded('execution-ex1', 'SubNodeCallFinished', { node: 'Model', runIndex: 1, taskData: task('success', [], { data: { main: [], ai_languageModel: [[{ json: { response: 'hello' } }]] }, aiUsage: usage }) }), owner);
    expect(finished).toMatchObject({ type: 'subnode.finished', data: { node: 'Model', runIndex: 1, status: 'success', durationMs: 37, output: { response: 'hello' }, usage } });
    const long = toLiveBody(recorded('execution-ex1', 'SubNodeCallStarted', { node: 'Model', runIndex: 2, rootNode: 'Agent', connectionType: 'ai_languageModel', input: { messages: ['x'.repeat(20_000)] } }), owner);
    expect(long?.data).toMatchObject({ input: { truncated: true } });
    expect(JSON.stringify(long).length).toBeLessThan(10_000);
    const failed = toLiveBody(recorded('execution-ex1', 'SubNodeCallFinished', { node: 'Tool', runIndex: 0, taskData: task('error', [], { error: { message: 'bad args', stack: 'at y' } }) }), owner);
    expect(failed).toMatchObject({ type: 'subnode.finished', data: { status: 'error', error: { message: 'bad args' } } });
    expect(JSON.stringify(failed)).not.toContain('at y');
  });

  it('maps queue events and gives unknown execution events a message of their own', () => {
    const queued = recorded('execution-ex1', 'ExecutionQueued', { workflowId: 'wf1', workspaceId: 'ws1', mode: 'webhook', queuedAt: 't0', definition: { nodes: [] }, triggerItems: [{ json: { secret: 1 } }] });
    expect(ownerFromEvent(queued)).toEqual(owner);
    expect(toLiveBody(queued, owner)).toMatchObject({ type: 'run.queued', data: { mode: 'webhook', queuedAt: 't0' } });
    expect(JSON.stringify(toLiveBody(queued, owner))).not.toMatch(/secret|definition/);
    expect(toLiveBody(recorded('execution-ex1', 'ExecutionResumed', { resumedAt: 't5' }), owner)).toMatchObject({ type: 'run.resumed', data: { resumedAt: 't5' } });
    expect(toLiveBody(recorded('execution-ex1', 'CodeConsoleOutput', { node: 'Code', args: ['hi'] }, 7), owner))
      .toEqual(expect.objectContaining({ type: 'run.event', revision: 7, data: { eventType: 'CodeConsoleOutput' } }));
    // Without knowing the run's workflow there is no message to address.
    expect(toLiveBody(recorded('execution-ex1', 'NodeStarted', { node: 'A' }))).toBeUndefined();
  });

  it('reads every definition change as workflow.edited, and lifecycle events as their own', () => {
    const w = (type: string, data: unknown) => toLiveBody(recorded('workflow-wf1', type, data));
    expect(w('WorkflowDefinitionReplaced', { definition: {}, changes: { nodes: 1 } })).toMatchObject({ type: 'workflow.edited', workflowId: 'wf1', data: { eventType: 'WorkflowDefinitionReplaced', detail: { changes: { nodes: 1 } } } });
    expect(JSON.stringify(w('WorkflowCreated', { workspaceId: 'ws1', definition: { nodes: [{ name: 'Big' }] }, tags: [] }))).not.toContain('Big');
    expect(w('WorkflowActivationFailed', { reason: 'no trigger' })).toMatchObject({ type: 'workflow.activationFailed', data: { reason: 'no trigger' } });
    expect(w('WorkflowNodeMoved', { node: 'A', position: [1, 2] })).toMatchObject({ type: 'workflow.edited', data: { eventType: 'WorkflowNodeMoved' } });
    expect(w('WorkflowActivated', {})).toMatchObject({ type: 'workflow.activated', data: {} });
    expect(w('WorkflowDeactivated', {})).toMatchObject({ type: 'workflow.deactivated' });
    expect(w('WorkflowRenamed', { from: 'a', to: 'b' })).toMatchObject({ type: 'workflow.renamed', data: { from: 'a', to: 'b' } });
    expect(w('WorkflowDeleted', {})).toMatchObject({ type: 'workflow.deleted' });
    expect(w('WorkflowUnshared', { workspaceId: 'ws2' })).toMatchObject({ type: 'workflow.sharing', data: { workspaceId: 'ws2', shared: false } });
    expect(w('WorkflowDeleted', {})).not.toHaveProperty('executionId');
    expect(toLiveBody(recorded('credential-c1', 'CredentialCreated', {}))).toBeUndefined();
  });
});
