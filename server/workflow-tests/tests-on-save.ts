// settings.runTestsOnSave: after each saved revision of such a workflow, its tests run in the
// background (the existing runner: recorded manual runs of that revision's draft) and the result is
// an event on `testruns-<workflowId>`. Saves close together (live edits) are taken once.
import { randomUUID } from 'node:crypto';
import {
  eventIdFor, testRunStreamName, WORKFLOW_CATEGORY, WORKFLOW_DEFINITION_EVENT_TYPES, WORKFLOW_TESTS_RAN,
  type Actor, type WorkflowTestsRanData,
} from '../../domain/index.ts';
import type { EventStore } from '../../events/index.ts';
import type { Logger } from '../logger.ts';
import type { WorkflowService } from '../workflow-service.ts';
import type { WorkflowTestService } from './workflow-test-service.ts';

export interface TestsOnSaveDeps {
  events: EventStore;
  workflows: Pick<WorkflowService, 'get'>;
  tests: Pick<WorkflowTestService, 'list' | 'run'>;
  logger: Logger;
  /** Whether this process runs them (with several servers: the leader only). */
  delivers: () => boolean;
  /** How long a save waits for more edits before the tests run. */
  settleMs?: number;
}

export interface TestRunRecord extends WorkflowTestsRanData { at: string }

/** Each revision's last recorded result, newest revision first. */
export async function testRunsOf(events: EventStore, workflowId: string): Promise<TestRunRecord[]> {
  const byRevision = new Map<number, TestRunRecord>();
  for (const e of await events.readStream(testRunStreamName(workflowId))) {
    const data = e.data as WorkflowTestsRanData;
    byRevision.set(data.revision, { ...data, at: e.metadata.at });
  }
  return [...byRevision.values()].sort((a, b) => b.revision - a.revision);
}

export function followTestsOnSave(deps: TestsOnSaveDeps) {
  const timers = new Map<string, NodeJS.Timeout>();
  /** One test run per workflow at a time; a save during it runs once more afterwards. */
  const busy = new Map<string, Promise<void>>();
  const again = new Set<string>();

  async function testRevision(workflowId: string, actor: Actor): Promise<void> {
    const doc = await deps.workflows.get(workflowId).catch(() => undefined);
    if (!doc || doc.deleted || doc.definition.settings?.runTestsOnSave !== true) return;
    if ((await deps.tests.list(workflowId)).length === 0) return;
    const ctx = { actor, requestId: randomUUID() };
    const report = await deps.tests.run(workflowId, ctx, { definition: doc.definition });
    const data: WorkflowTestsRanData = {
      revision: doc.revision, passed: report.passed, failed: report.failed,
      cases: report.cases.map((c) => ({ id: c.id, name: c.name, passed: c.passed, ...(c.executionId ? { executionId: c.executionId } : {}), ...(c.error ? { error: c.error } : {}) })),
    };
    await deps.events.append(testRunStreamName(workflowId), [{
      id: eventIdFor(`${ctx.requestId}:testrun`, 0), type: WORKFLOW_TESTS_RAN, data,
      metadata: { actor, correlationId: ctx.requestId, causationId: ctx.requestId, at: new Date().toISOString(), schemaVersion: 1, workspaceId: doc.workspaceId },
    }]);
  }

  function runNow(workflowId: string, actor: Actor): void {
    if (busy.has(workflowId)) {
      again.add(workflowId);
      return;
    }
    const job = testRevision(workflowId, actor)
      .catch((err: Error) => deps.logger.warn({ err, workflowId }, 'tests on save failed to run'))
      .finally(() => {
        busy.delete(workflowId);
        if (again.delete(workflowId)) runNow(workflowId, actor);
      });
    busy.set(workflowId, job);
  }

  const subscription = deps.events.subscribe(
    { from: 'end', filter: { streamPrefixes: [`${WORKFLOW_CATEGORY}-`], eventTypes: [...WORKFLOW_DEFINITION_EVENT_TYPES] } },
    (event) => {
      if (!deps.delivers()) return;
      const workflowId = event.stream.slice(WORKFLOW_CATEGORY.length + 1);
      clearTimeout(timers.get(workflowId));
      timers.set(workflowId, setTimeout(() => {
        timers.delete(workflowId);
        runNow(workflowId, event.metadata.actor);
      }, deps.settleMs ?? 300));
    },
  );

  return {
    /** Waits for the test runs under way (and any queued by a save). */
    async idle(): Promise<void> {
      while (busy.size > 0 || timers.size > 0) await Promise.all([...busy.values(), new Promise((r) => setTimeout(r, 50))]);
    },
    async close(): Promise<void> {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await subscription.close();
      await Promise.all([...busy.values()]);
    },
  };
}
