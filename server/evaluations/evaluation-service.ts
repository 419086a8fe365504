// Evaluation runs: the workflow's draft (its current revision) runs once per dataset row in
// 'evaluation' mode, each row started as the Evaluation Trigger's output and recorded as a run of
// its own; each row's metrics and the run's averages are events on `evaluations-<workflowId>`.
// The rows run one after another in the background; the run is read back from its events.
import { randomUUID } from 'node:crypto';
import {
  averageMetrics, ConflictError, eventIdFor, evaluationStreamName, foldEvaluationRuns, NotFoundError, ValidationError,
  type EvaluationEvent, type EvaluationRowData, type EvaluationRun, type WorkflowDefinition,
} from '../../domain/index.ts';
import type { DataTables } from '../../engine/index.ts';
import type { EventStore } from '../../events/index.ts';
import { DatasetError, EVALUATION_TRIGGER_TYPE, readDataset, type DatasetParameters } from '../../nodes/index.ts';
import type { WorkflowDoc } from '../../projections/index.ts';
import type { RequestContext } from '../commands.ts';
import type { ExecutionService } from '../executions/execution-service.ts';
import type { Logger } from '../logger.ts';
import type { WorkflowService } from '../workflow-service.ts';
import { rowOutcome } from './row-outcome.ts';
import { writeOutputs } from './write-outputs.ts';

export interface EvaluationServiceDeps {
  events: EventStore;
  workflows: Pick<WorkflowService, 'get'>;
  executions: Pick<ExecutionService, 'startDefinition'>;
  /** The workspace's data tables, as a run's nodes see them. */
  dataTables: (workspaceId: string, ctx: RequestContext) => DataTables;
  logger: Logger;
  /** Commits a workflow's pending live edits, so the evaluation runs what the editors see. */
  settleEdits?: (workflowId: string) => Promise<void>;
}

export type EvaluationService = ReturnType<typeof createEvaluationService>;

/** A run as listed: without its rows. */
export type EvaluationRunSummary = Omit<EvaluationRun, 'rows'>;

export function createEvaluationService(deps: EvaluationServiceDeps) {
  const running = new Set<Promise<void>>();
  let stopping = false;

  async function append(workflowId: string, workspaceId: string, event: EvaluationEvent, ctx: RequestContext, key: string): Promise<void> {
    await deps.events.append(evaluationStreamName(workflowId), [{
      id: eventIdFor(`${ctx.requestId}:evaluation:${key}`, 0), type: event.type, data: event.data,
      metadata: { actor: ctx.actor, correlationId: ctx.requestId, causationId: ctx.requestId, at: new Date().toISOString(), schemaVersion: 1, workspaceId },
    }]);
  }

  async function runs(workflowId: string): Promise<EvaluationRun[]> {
    return foldEvaluationRuns(await deps.events.readStream(evaluationStreamName(workflowId)));
  }

  async function evaluateRows(doc: WorkflowDoc, definition: WorkflowDefinition, trigger: string, rows: Array<Record<string, unknown>>, runId: string, ctx: RequestContext): Promise<void> {
    const done: EvaluationRowData[] = [];
    for (const [index, row] of rows.entries()) {
      if (stopping) throw new Error(`The server stopped after ${index} of ${rows.length} rows`);
      const base = { runId, index, ...(typeof row.id === 'number' ? { rowId: row.id } : {}) };
      let data: EvaluationRowData;
      try {
        const waiter = await deps.executions.startDefinition(definition, doc, {
          mode: 'evaluation', startNode: trigger, triggerItems: [{ json: row as never }],
        }, { ...ctx, requestId: randomUUID() });
        const result = await waiter.done;
        const outcome = rowOutcome(definition, result);
        if (typeof row.id === 'number' && Object.keys(outcome.outputs).length > 0) {
          await writeOutputs(deps.dataTables(doc.workspaceId, ctx), definition, row.id, outcome.outputs);
        }
        const failure = result.status !== 'success'
          ? result.data.resultData.error?.message ?? `The run ended with status '${result.status}'`
          : outcome.invalid.length > 0 ? `Metrics must be numbers: ${outcome.invalid.join(', ')}` : undefined;
        data = {
          ...base, executionId: waiter.executionId, status: failure ? 'error' : 'success', metrics: failure ? {} : outcome.metrics,
          ...(Object.keys(outcome.inputs).length ? { inputs: outcome.inputs } : {}),
          ...(Object.keys(outcome.outputs).length ? { outputs: outcome.outputs } : {}),
          ...(failure ? { error: failure } : {}),
        };
      } catch (error) {
        data = { ...base, status: 'error', metrics: {}, error: (error as Error).message };
      }
      done.push(data);
      await append(doc.id, doc.workspaceId, { type: 'EvaluationRowEvaluated', data }, ctx, `row:${index}`);
    }
    // n8n averages each metric over the rows that produced it; rows that failed produce none.
    await append(doc.id, doc.workspaceId, { type: 'EvaluationRunFinished', data: { runId, status: 'completed', metrics: averageMetrics(done) } }, ctx, 'finished');
  }

  return {
    /** Starts an evaluation of the workflow's current draft; answers the run as it starts. */
    async start(workflowId: string, ctx: RequestContext): Promise<EvaluationRunSummary> {
      await deps.settleEdits?.(workflowId);
      const doc = await deps.workflows.get(workflowId);
      if (doc.deleted) throw new ConflictError('The workflow is deleted; restore it first');
      const definition = doc.definition;
      const trigger = definition.nodes.find((n) => n.type === EVALUATION_TRIGGER_TYPE && !n.disabled);
      if (!trigger) throw new ValidationError('The workflow has no Evaluation Trigger: add one that reads the dataset', [{ path: 'nodes', message: 'no enabled n8n-nodes-base.evaluationTrigger' }]);
      let rows;
      try {
        rows = await readDataset(deps.dataTables(doc.workspaceId, ctx), trigger.parameters as DatasetParameters);
      } catch (error) {
        if (error instanceof DatasetError) throw new ValidationError(error.message, [{ path: `nodes.${trigger.name}.parameters`, message: error.message }]);
        throw error;
      }
      if (rows.length === 0) throw new ValidationError('The dataset has no rows to evaluate', [{ path: `nodes.${trigger.name}.parameters.dataTableId`, message: 'no rows' }]);
      const runId = randomUUID();
      await append(doc.id, doc.workspaceId, { type: 'EvaluationRunStarted', data: { runId, revision: doc.revision, rowCount: rows.length, triggerNode: trigger.name } }, ctx, 'started');
      const job = evaluateRows(doc, definition, trigger.name, rows, runId, ctx)
        .catch(async (error: Error) => {
          deps.logger.error({ err: error, workflowId, runId }, 'evaluation run failed');
          await append(doc.id, doc.workspaceId, { type: 'EvaluationRunFinished', data: { runId, status: 'error', metrics: {}, error: error.message } }, ctx, 'finished')
            .catch(() => undefined);
        })
        .finally(() => running.delete(job));
      running.add(job);
      const started = (await runs(workflowId)).find((r) => r.id === runId)!;
      const { rows: _rows, ...summary } = started;
      return summary;
    },

    /** The workflow's evaluation runs, newest first, with their averages and revision. */
    async list(workflowId: string): Promise<EvaluationRunSummary[]> {
      await deps.workflows.get(workflowId);
      return (await runs(workflowId)).reverse().map(({ rows: _rows, ...summary }) => summary);
    },

    async get(workflowId: string, runId: string): Promise<EvaluationRun> {
      await deps.workflows.get(workflowId);
      const run = (await runs(workflowId)).find((r) => r.id === runId);
      if (!run) throw new NotFoundError('Evaluation run', runId);
      return run;
    },

    /** Waits for the evaluations under way (tests). */
    async idle(): Promise<void> {
      await Promise.all([...running]);
    },
    /** Shutdown: the row running finishes, the rest are not started and the run ends as an error. */
    async close(): Promise<void> {
      stopping = true;
      await Promise.all([...running]);
    },
  };
}
