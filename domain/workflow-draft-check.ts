// Checks of a workflow's draft against past runs, on their own stream (`draftcheck-<workflowId>`):
// recording one never bumps the workflow's revision (which collaborators' edits are conditioned on)
// nor shows up among its versions, yet publishing can read whether this exact draft checked clean.
import { streamName } from './events.ts';

export const DRAFT_CHECK_CATEGORY = 'draftcheck';
export const WORKFLOW_DRAFT_CHECKED = 'WorkflowDraftChecked';
export const draftCheckStreamName = (workflowId: string) => streamName(DRAFT_CHECK_CATEGORY, workflowId);

export interface DraftCheckCounts {
  same: number;
  changed: number;
  newError: number;
  stopped: number;
  notChecked: number;
}

/** One check: the workflow revision whose draft was checked (read before it started), and how it went. */
export interface WorkflowDraftCheckedData {
  revision: number;
  clean: boolean;
  counts: DraftCheckCounts;
}
