import { describe, expect, it } from 'vitest';
import { foldBulkReplay, pendingIds, summarize } from './bulk-replay-events.ts';
import { replayOutcome } from './replay-outcome.ts';

describe('replayOutcome', () => {
  it('sorts a replay by how it ended against its original', () => {
    expect(replayOutcome({ status: 'error', error: 'x' }, { status: 'success' }, ['Code'])).toBe('nowSucceeds');
    expect(replayOutcome({ status: 'error', error: 'x' }, { status: 'error', error: 'x' }, [])).toBe('stillFails');
    expect(replayOutcome({ status: 'crashed', error: 'x' }, { status: 'error', error: 'y' }, ['Code'])).toBe('failsDifferently');
    expect(replayOutcome({ status: 'success' }, { status: 'error', error: 'y' }, ['Code'])).toBe('failsDifferently');
    expect(replayOutcome({ status: 'success' }, { status: 'success' }, [])).toBe('stillSucceeds');
    expect(replayOutcome({ status: 'success' }, { status: 'success' }, ['Set'])).toBe('changedOutput');
  });
});

describe('foldBulkReplay', () => {
  it('counts each item once and knows what is left to run', () => {
    const started = { bulkReplayId: 'b', workflowId: 'w', workspaceId: 's', version: 'draft', concurrency: 2, filter: {}, executionIds: ['a', 'b', 'c'], startedAt: 't' };
    const item = { executionId: 'a', replayId: 'r', outcome: 'nowSucceeds' };
    const state = foldBulkReplay([
      { type: 'BulkReplayStarted', data: started },
      { type: 'BulkReplayItemFinished', data: item },
      { type: 'BulkReplayItemFinished', data: item },
    ]);
    expect(pendingIds(state)).toEqual(['b', 'c']);
    expect(summarize(state)).toMatchObject({ total: 3, done: 1, status: 'running', counts: { nowSucceeds: 1, stillFails: 0 } });
    expect(summarize(foldBulkReplay([{ type: 'BulkReplayStarted', data: started }, { type: 'BulkReplayFinished', data: { finishedAt: 'z' } }])).status).toBe('finished');
  });
});
