// Results of a workflow's tests run on save (settings.runTestsOnSave), one event per saved revision
// on their own stream (`testruns-<workflowId>`), so the Tests tab can show the last result per revision.
import { streamName } from './events.ts';

export const TEST_RUN_CATEGORY = 'testruns';
export const WORKFLOW_TESTS_RAN = 'WorkflowTestsRan';
export const testRunStreamName = (workflowId: string) => streamName(TEST_RUN_CATEGORY, workflowId);

export interface WorkflowTestsRanData {
  /** The revision whose definition was tested. */
  revision: number;
  passed: number;
  failed: number;
  cases: Array<{ id: string; name: string; passed: boolean; executionId?: string; error?: string }>;
}
