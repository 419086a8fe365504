// The bulk replay dialog's request and its folding of live progress messages.
import { describe, expect, it } from 'vitest';
import type { LiveMessage } from '../../../domain/index.ts';
import { bulkReplayRequest, emptyView, foldBulkMessage } from './bulk-replay.ts';

const envelope = (revision: number) => ({ room: 'bulkreplay:b1' as const, workflowId: 'w1', stream: 'bulkreplay-b1', revision, position: 100 + revision, at: '2026-01-01T00:00:00.000Z' });
const progress = { id: 'b1', total: 2, succeeded: 0, stillFailing: 0, failingDifferently: 0, state: 'running' as const };

describe('bulk replay dialog logic', () => {
  it('sends only the filters that are set, times as UTC instants', () => {
    expect(bulkReplayRequest({ status: '', since: '', until: '', errorContains: '  ', version: 'original' })).toEqual({ filter: {}, version: 'original' });
    const since = '2026-03-01T10:30';
    expect(bulkReplayRequest({ status: 'error', since, until: '', errorContains: ' timeout ', version: 'draft' })).toEqual({
      filter: { status: 'error', since: new Date(since).toISOString(), errorContains: 'timeout' }, version: 'draft',
    });
  });

  it('folds progress in order, ignores a message seen twice, and takes the summary at the end', () => {
    const different = { executionId: 'e2', replayId: 'r2', outcome: 'failsDifferently' as const, error: 'other' };
    const messages = [
      { ...envelope(0), type: 'bulkReplay.progress', data: { ...progress, done: 0 } },
      { ...envelope(1), type: 'bulkReplay.progress', data: { ...progress, done: 1, succeeded: 1, item: { executionId: 'e1', replayId: 'r1', outcome: 'nowSucceeds' } } },
      { ...envelope(1), type: 'bulkReplay.progress', data: { ...progress, done: 1, succeeded: 1, item: { executionId: 'e1', replayId: 'r1', outcome: 'nowSucceeds' } } },
      { ...envelope(2), type: 'bulkReplay.progress', data: { ...progress, done: 2, succeeded: 1, failingDifferently: 1, item: different } },
    ] as LiveMessage[];
    let view = emptyView('b1', 2);
    for (const m of messages) view = foldBulkMessage(view, m);
    expect(view).toMatchObject({ done: 2, succeeded: 1, failingDifferently: 1, state: 'running', different: [different], revision: 2 });
    const counts = { nowSucceeds: 1, stillFails: 0, failsDifferently: 1, stillSucceeds: 0, changedOutput: 0 };
    view = foldBulkMessage(view, { ...envelope(3), type: 'bulkReplay.finished', data: { ...progress, done: 2, succeeded: 1, failingDifferently: 1, state: 'finished', counts, items: [different] } } as LiveMessage);
    expect(view).toMatchObject({ done: 2, state: 'finished', different: [different], revision: 3 });
  });
});
