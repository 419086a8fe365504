// Insights read from the insights projection: a workspace's summary and one workflow's.
import type { InsightsSummary, RankedWorkflow } from '../../domain/index.ts';
import { INSIGHTS_HOURS, type Filter, type InsightsHourDoc, type ProjectionRunner, type WorkflowDoc } from '../../projections/index.ts';
import { busiest, mostFailing, summarise, windowOf, type Period, type Summary, type WorkflowFigures } from './summarise.ts';

export interface InsightsServiceDeps {
  insights: ProjectionRunner;
  /** The workflow's name and its time-saved setting, or undefined for a deleted or unknown one. */
  workflow(id: string): Promise<{ name: string; timeSavedPerExecution?: number } | undefined>;
  now?: () => Date;
}

/** What insights show of a workflow: its name and the time-saved setting production runs use. */
export function insightsWorkflow(doc: WorkflowDoc | undefined): { name: string; timeSavedPerExecution?: number } | undefined {
  if (!doc) return undefined;
  const minutes = (doc.publishedDefinition ?? doc.definition).settings?.timeSavedPerExecution;
  return { name: doc.name, ...(minutes !== undefined ? { timeSavedPerExecution: minutes } : {}) };
}

export type InsightsService = ReturnType<typeof createInsightsService>;

export function createInsightsService(deps: InsightsServiceDeps) {
  const now = deps.now ?? (() => new Date());

  async function hours(filter: Filter): Promise<InsightsHourDoc[]> {
    const docs: InsightsHourDoc[] = [];
    let cursor: string | undefined;
    do {
      const page = await deps.insights.collection<InsightsHourDoc>(INSIGHTS_HOURS).find({ filter, limit: 1000, ...(cursor ? { cursor } : {}) });
      docs.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return docs;
  }

  async function named(list: WorkflowFigures[]): Promise<RankedWorkflow[]> {
    return Promise.all(list.map(async (w) => ({ ...w, name: (await deps.workflow(w.workflowId))?.name ?? null })));
  }

  async function summarised(key: 'workspaceId' | 'workflowId', id: string, period: Period): Promise<Summary> {
    const at = now();
    return summarise(await hours({ [key]: id, hour: { $gte: windowOf(period, at).since.toISOString() } }), period, at);
  }

  return {
    /** The workspace's production runs over the period, with its busiest and most failing workflows. */
    async workspace(workspaceId: string, period: Period): Promise<InsightsSummary> {
      const { byWorkflow, ...summary } = await summarised('workspaceId', workspaceId, period);
      return { ...summary, busiest: await named(busiest(byWorkflow)), mostFailing: await named(mostFailing(byWorkflow)) };
    },
    /** One workflow's production runs over the period, with its time-saved setting. */
    async workflow(workflowId: string, period: Period) {
      const { byWorkflow: _, ...summary } = await summarised('workflowId', workflowId, period);
      const workflow = await deps.workflow(workflowId);
      return { workflowId, name: workflow?.name ?? null, timeSavedPerExecution: workflow?.timeSavedPerExecution ?? null, ...summary };
    },
  };
}
