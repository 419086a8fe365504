// Notification rules: commands on the rule aggregate, reads from its read model. A rule names only
// channels and a workflow of its own workspace.
import { randomUUID } from 'node:crypto';
import {
  NOTIFICATION_RULE_CATEGORY, notificationRuleDecider, NotFoundError, streamName, ValidationError,
  type NotificationRuleCommand, type NotificationRuleSpec,
} from '../../domain/index.ts';
import { NOTIFICATION_RULES, type NotificationRuleDoc, type ProjectionRunner } from '../../projections/index.ts';
import type { RequestContext, RunCommand } from '../commands.ts';
import type { ChannelService } from './channel-service.ts';

export type RuleService = ReturnType<typeof createRuleService>;

export function createRuleService(deps: {
  run: RunCommand;
  rules: ProjectionRunner;
  channels: ChannelService;
  findWorkflow(id: string): Promise<{ workspaceId: string; deleted: boolean } | undefined>;
  readYourWritesTimeoutMs: number;
}) {
  const rules = () => deps.rules.collection<NotificationRuleDoc>(NOTIFICATION_RULES);

  async function get(workspaceId: string, id: string): Promise<NotificationRuleDoc> {
    const doc = await rules().get(id);
    if (!doc || doc.workspaceId !== workspaceId) throw new NotFoundError('Notification rule', id);
    return doc;
  }

  async function checkRefs(workspaceId: string, rule: NotificationRuleSpec): Promise<void> {
    for (const [i, id] of rule.channelIds.entries()) {
      await deps.channels.get(workspaceId, id).catch(() => {
        throw new ValidationError(`No channel ${id} in this workspace`, [{ path: `body.channelIds.${i}`, message: 'unknown channel' }]);
      });
    }
    if (rule.workflowId) {
      const workflow = await deps.findWorkflow(rule.workflowId);
      if (!workflow || workflow.deleted || workflow.workspaceId !== workspaceId) throw new ValidationError(`No workflow ${rule.workflowId} in this workspace`, [{ path: 'body.workflowId', message: 'unknown workflow' }]);
    }
  }

  async function command(id: string, cmd: NotificationRuleCommand, ctx: RequestContext, workspaceId: string): Promise<void> {
    const result = await deps.run(notificationRuleDecider, streamName(NOTIFICATION_RULE_CATEGORY, id), cmd, ctx, { workspaceId, step: cmd.type });
    if (result.position !== undefined) await deps.rules.waitFor(result.position, deps.readYourWritesTimeoutMs);
  }

  return {
    get,
    /** Any workspace's rule (for the dispatcher). */
    byId: async (id: string) => (await rules().get(id)) ?? undefined,
    async list(workspaceId: string): Promise<NotificationRuleDoc[]> {
      return (await rules().find({ filter: { workspaceId }, sort: [{ field: 'createdAt', direction: 'asc' }], limit: 1000 })).items;
    },
    /** The live rules that may apply to a workflow of the workspace. */
    async forWorkflow(workspaceId: string, workflowId: string): Promise<NotificationRuleDoc[]> {
      const all = (await rules().find({ filter: { workspaceId, enabled: true }, limit: 1000 })).items;
      return all.filter((r) => !r.workflowId || r.workflowId === workflowId);
    },
    async create(workspaceId: string, rule: NotificationRuleSpec, ctx: RequestContext): Promise<NotificationRuleDoc> {
      await checkRefs(workspaceId, rule);
      const id = randomUUID();
      await command(id, { type: 'CreateNotificationRule', workspaceId, rule }, ctx, workspaceId);
      return get(workspaceId, id);
    },
    async update(workspaceId: string, id: string, changes: Partial<NotificationRuleSpec>, ctx: RequestContext): Promise<NotificationRuleDoc> {
      const { id: _i, workspaceId: _w, createdAt: _c, updatedAt: _u, ...current } = await get(workspaceId, id);
      const rule = { ...current, ...changes } as NotificationRuleSpec;
      await checkRefs(workspaceId, rule);
      await command(id, { type: 'UpdateNotificationRule', rule }, ctx, workspaceId);
      return get(workspaceId, id);
    },
    async remove(workspaceId: string, id: string, ctx: RequestContext): Promise<void> {
      await get(workspaceId, id);
      await command(id, { type: 'DeleteNotificationRule' }, ctx, workspaceId);
    },
  };
}
