// A workflow's static data (n8n's getWorkflowStaticData): JSON that production runs and armed
// triggers keep between runs and polls. It lives on its own stream, `staticdata-<workflowId>`, so
// saving it never conflicts with edits of the definition nor shows up in the workflow's versions.
import { streamName } from './events.ts';

export const STATIC_DATA_CATEGORY = 'staticdata';
export const WORKFLOW_STATIC_DATA_SAVED = 'WorkflowStaticDataSaved';
export const staticDataStreamName = (workflowId: string) => streamName(STATIC_DATA_CATEGORY, workflowId);

/**
 * The most bytes of static data (as JSON) one save may hold: under the store's 1 MiB event cap,
 * leaving room for the envelope. n8n has no limit, but a cursor or a token never needs this much.
 */
export const STATIC_DATA_MAX_BYTES = 1_000_000;

export type StaticData = Record<string, unknown>;

/** The whole static data as it stood after a save. */
export interface WorkflowStaticDataSavedData {
  staticData: StaticData;
}

/**
 * Static data as a definition carries it (an imported n8n workflow: an object, a JSON string, or
 * null), as a fresh object the caller may change.
 */
export function staticDataFromDefinition(raw: unknown): StaticData {
  if (typeof raw === 'string') {
    try {
      const parsed: unknown = JSON.parse(raw);
      return isObject(parsed) ? parsed : {};
    } catch {
      return {};
    }
  }
  return isObject(raw) ? structuredClone(raw) : {};
}

/**
 * Applies what one writer changed (from `before` to `after`) onto the latest stored data, one
 * top-level key at a time: the keys are scopes ('global', 'node:<name>'), so a poller saving its
 * cursor does not undo what a concurrent run saved under another scope. Undefined when the writer
 * changed nothing.
 */
export function mergeStaticDataChanges(latest: StaticData, before: StaticData, after: StaticData): StaticData | undefined {
  const merged: StaticData = { ...latest };
  let changed = false;
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    changed = true;
    if (after[key] === undefined) delete merged[key];
    else merged[key] = after[key];
  }
  return changed ? merged : undefined;
}

function isObject(value: unknown): value is StaticData {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
