// Execution retention: which finished runs keep their data (n8n's save settings) and the record
// left behind when a run's stream is deleted. Pure, shared by the server and the projections.

/** A pruned run's record lives on its own stream, `retention-<executionId>`: the run's is gone. */
export const RETENTION_CATEGORY = 'retention';
export const EXECUTION_PRUNED = 'ExecutionPruned';
export const retentionStreamName = (executionId: string) => `${RETENTION_CATEGORY}-${executionId}`;

/**
 * Why a run's data went: older than EXECUTIONS_DATA_MAX_AGE, beyond EXECUTIONS_DATA_PRUNE_MAX_COUNT,
 * deleted by a user earlier, or not to be saved at all (the workflow's save settings).
 */
export type PruneReason = 'maxAge' | 'maxCount' | 'deleted' | 'notSaved';

export interface ExecutionPrunedData {
  executionId: string;
  workflowId: string;
  status: string;
  mode: string;
  startedAt?: string;
  stoppedAt?: string;
  reason: PruneReason;
  /** Who started the run (the prune event's own actor is whoever pruned it). */
  startedBy?: { kind: string; id: string; name?: string };
}

export type SaveSetting = 'all' | 'none';

/** Instance defaults (EXECUTIONS_DATA_SAVE_ON_SUCCESS / _ON_ERROR / _SAVE_MANUAL_EXECUTIONS). */
export interface SaveDefaults {
  onSuccess: SaveSetting;
  onError: SaveSetting;
  manual: boolean;
}

/** The workflow settings n8n names for this; 'DEFAULT' or absent means the instance default. */
export interface WorkflowSaveSettings {
  saveDataSuccessExecution?: unknown;
  saveDataErrorExecution?: unknown;
  saveManualExecutions?: unknown;
}

/**
 * n8n's rule: a manual run is kept when manual runs are saved (success and error settings do not
 * apply to it); any other run by its success setting when it succeeded, else by its error setting
 * (errors, crashes and cancellations alike). Runs still going or waiting are always kept.
 */
export function keepsRunData(
  run: { mode: string; status: string },
  settings: WorkflowSaveSettings | undefined,
  defaults: SaveDefaults,
): boolean {
  if (!['success', 'error', 'crashed', 'canceled'].includes(run.status)) return true;
  if (run.mode === 'manual') {
    const manual = settings?.saveManualExecutions;
    return typeof manual === 'boolean' ? manual : defaults.manual;
  }
  const pick = (value: unknown, fallback: SaveSetting) => (value === 'all' || value === 'none' ? value : fallback);
  const setting = run.status === 'success'
    ? pick(settings?.saveDataSuccessExecution, defaults.onSuccess)
    : pick(settings?.saveDataErrorExecution, defaults.onError);
  return setting === 'all';
}

const SHA256 = /^[0-9a-f]{64}$/;
const REF_KEY = /refs?$/i;

/**
 * The blob hashes an event refers to: every object with a sha256 string found under a key ending
 * in `Ref`/`ref` (or `Refs`), at any depth below it, so refs added to new event fields are found too.
 */
export function blobRefsIn(value: unknown): string[] {
  const found = new Set<string>();
  const stack: { value: unknown; underRef: boolean }[] = [{ value, underRef: false }];
  while (stack.length > 0) {
    const { value: current, underRef } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      for (const item of current) stack.push({ value: item, underRef });
      continue;
    }
    const record = current as Record<string, unknown>;
    if (underRef && typeof record.sha256 === 'string' && SHA256.test(record.sha256)) found.add(record.sha256);
    for (const [key, child] of Object.entries(record)) {
      // Below a ref key everything counts (a map of refs by field, like an event's `blobRefs`):
      // keeping a blob too long is safe, deleting one a run refers to is not.
      if (child !== null && typeof child === 'object') stack.push({ value: child, underRef: underRef || REF_KEY.test(key) });
    }
  }
  return [...found];
}
