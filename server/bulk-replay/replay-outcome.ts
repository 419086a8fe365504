// How a replay compares with its original run: fixed, still broken, broken otherwise, unchanged, or changed.
import type { BulkReplayOutcome } from './bulk-replay-events.ts';

export interface RunSide { status: string; error?: string }

/**
 * A run that ended in anything but success counts as failed (error, crashed, canceled, still waiting).
 * A failed run that now fails with another message, or a good run that now fails, "fails differently".
 */
export function replayOutcome(original: RunSide, replay: RunSide, changedNodes: string[]): BulkReplayOutcome {
  const failedBefore = original.status !== 'success';
  const failedAfter = replay.status !== 'success';
  if (failedBefore && !failedAfter) return 'nowSucceeds';
  if (failedBefore) return (original.error ?? '') === (replay.error ?? '') ? 'stillFails' : 'failsDifferently';
  if (failedAfter) return 'failsDifferently';
  return changedNodes.length === 0 ? 'stillSucceeds' : 'changedOutput';
}
