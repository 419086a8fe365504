// Read model of notification rules: one document per live rule, found by workspace and workflow.
import {
  NOTIFICATION_RULE_CATEGORY, streamCategory, streamId,
  type NotificationRuleEvent, type NotificationRuleSpec, type RecordedEvent,
} from '../domain/index.ts';
import type { Projection } from './projection.ts';

export const NOTIFICATION_RULES = 'notification_rules';

export type NotificationRuleDoc = NotificationRuleSpec & {
  [k: string]: unknown;
  id: string;
  workspaceId: string;
  createdAt: string;
  updatedAt: string;
};

export const notificationRulesProjection: Projection = {
  name: 'notificationRules',
  version: 1,
  collections: [{ name: NOTIFICATION_RULES, indexes: [{ fields: ['workspaceId'] }] }],
  accepts: (event) => streamCategory(event.stream) === NOTIFICATION_RULE_CATEGORY,
  async apply(event: RecordedEvent, tx) {
    const rules = tx.collection<NotificationRuleDoc>(NOTIFICATION_RULES);
    const id = streamId(event.stream);
    const e = event as RecordedEvent & NotificationRuleEvent;
    const at = event.metadata.at;
    switch (e.type) {
      case 'NotificationRuleCreated':
        await rules.upsert({ ...e.data.rule, id, workspaceId: e.data.workspaceId, createdAt: at, updatedAt: at });
        return;
      case 'NotificationRuleUpdated': {
        const doc = await rules.get(id);
        if (doc) await rules.upsert({ ...e.data.rule, id, workspaceId: doc.workspaceId, createdAt: doc.createdAt, updatedAt: at });
        return;
      }
      case 'NotificationRuleDeleted':
        await rules.delete(id);
        return;
      default:
    }
  },
};
