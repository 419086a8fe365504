// "Check": the draft replayed on the trigger data of real past runs, calling nothing outside Weft
// (see executions/check-stand-in.ts), and what it would change, per run and per node.
import { ValidationError } from '../../domain/index.ts';
import type { RunResult } from '../../engine/index.ts';
import type { RequestContext } from '../commands.ts';
import { CHECK_STOPPED } from '../executions/check-stand-in.ts';
import type { ExecutionService } from '../executions/execution-service.ts';
import { startNodeOf } from '../executions/run-history.ts';

/** Runs that production started: the ones a check replays by default. */
const PRODUCTION_MODES = new Set(['webhook', 'trigger']);

export type CheckOutcome = 'same' | 'changed' | 'newError' | 'stopped';

export interface RunCheck {
  executionId: string;
  checkExecutionId?: string;
  outcome: CheckOutcome | 'notChecked';
  /** Each node that differs: its diff status, or 'stopped' with why the check did not call it. */
  nodes: { node: string; status: string; reason?: string }[];
  /** The nodes whose output was the same (reports such as JUnit list every node). */
  sameNodes: string[];
  error?: string;
}

export interface CheckOptions {
  runs?: number;
  executionIds?: string[];
}

export function createDraftCheck(executions: ExecutionService) {
  /** The last `limit` production runs of the workflow, newest first. */
  async function productionRuns(workflowId: string, workspaceId: string, limit: number): Promise<string[]> {
    const found: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await executions.list({ workspaceId, workflowId, limit: 100, cursor });
      for (const run of page.items) {
        if (PRODUCTION_MODES.has(run.mode) && !['new', 'running', 'waiting'].includes(run.status)) found.push(run.id);
        if (found.length >= limit) return found;
      }
      cursor = page.nextCursor;
    } while (cursor);
    return found;
  }

  async function checkOne(executionId: string, workspaceId: string, ctx: RequestContext): Promise<RunCheck> {
    const original = await executions.get(executionId, true);
    const node = 'data' in original ? startNodeOf((original.data as RunResult['data']).resultData.runData) : undefined;
    if (!node) return { executionId, outcome: 'notChecked', nodes: [], sameNodes: [], error: 'The run has no recorded start' };
    const waiter = await executions.rerunFrom(executionId, { node, version: 'draft', check: true }, { ...ctx, requestId: `${ctx.requestId}-${executionId}` });
    const ended = await waiter.ended;
    const errors = ended.data.resultData.runData;
    const diff = await executions.diff(waiter.executionId, workspaceId, executionId);
    const nodes = diff.nodes.filter((n) => n.status !== 'same').map((n) => {
      const message = errors[n.node]?.find((task) => task.error)?.error?.message;
      return message?.startsWith(CHECK_STOPPED) ? { node: n.node, status: 'stopped', reason: message } : { node: n.node, status: n.status };
    });
    const outcome: CheckOutcome = nodes.some((n) => n.status === 'stopped') ? 'stopped'
      : nodes.some((n) => n.status === 'newError') ? 'newError'
        : nodes.length > 0 ? 'changed' : 'same';
    const sameNodes = diff.nodes.filter((n) => n.status === 'same').map((n) => n.node);
    return { executionId, checkExecutionId: waiter.executionId, outcome, nodes, sameNodes };
  }

  return {
    /** Checks the draft against the chosen runs (or the last `runs` production runs), one at a time. */
    async check(workflowId: string, workspaceId: string, options: CheckOptions, ctx: RequestContext) {
      await executions.settle(); // runs that ended a moment ago are in the list
      const ids = options.executionIds ?? (await productionRuns(workflowId, workspaceId, options.runs ?? 10));
      for (const [i, id] of ids.entries()) {
        const run = await executions.find(id);
        if (!run || run.deleted || run.workflowId !== workflowId || (run.workspaceId ?? workspaceId) !== workspaceId) {
          throw new ValidationError(`Execution ${id} is not a run of this workflow`, [{ path: `executionIds.${i}`, message: 'not a run of this workflow' }]);
        }
      }
      const results: RunCheck[] = [];
      for (const id of ids) results.push(await checkOne(id, workspaceId, ctx));
      const counts = { same: 0, changed: 0, newError: 0, stopped: 0, notChecked: 0 };
      for (const r of results) counts[r.outcome]++;
      // Clean: every run checked to its end, and nothing that worked fails now.
      return { workflowId, clean: counts.newError === 0 && counts.stopped === 0 && counts.notChecked === 0, counts, runs: results };
    },
  };
}

export type DraftCheck = ReturnType<typeof createDraftCheck>;
