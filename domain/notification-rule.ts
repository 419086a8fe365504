// The notification rule aggregate (stream `notificationrule-<id>`): which run and workflow events of a
// workspace (or of one workflow) are told to which channels, and how often at most.
import { ConflictError, NotFoundError, ValidationError } from './errors.ts';
import type { Decider } from './decider.ts';

export const NOTIFICATION_RULE_CATEGORY = 'notificationrule';

/** What a rule listens for. */
export const NOTIFICATION_TRIGGERS = ['runFailed', 'runSucceeded', 'runSlow', 'triggerFailing', 'workflowDeactivated'] as const;
export type NotificationTrigger = (typeof NOTIFICATION_TRIGGERS)[number];

export interface NotificationRuleSpec {
  name: string;
  /** One workflow, or null for every workflow of the workspace. */
  workflowId: string | null;
  on: NotificationTrigger[];
  /** runSlow: a run that took longer than this. */
  slowAfterSeconds?: number;
  /** triggerFailing: this many failed trigger runs in a row. */
  failuresInRow?: number;
  channelIds: string[];
  /** At most one message per rule and workflow in this window; the rest go into a digest. 0: no limit. */
  windowSeconds: number;
  enabled: boolean;
}

export type NotificationRuleCommand =
  | { type: 'CreateNotificationRule'; workspaceId: string; rule: NotificationRuleSpec }
  | { type: 'UpdateNotificationRule'; rule: NotificationRuleSpec }
  | { type: 'DeleteNotificationRule' };

export type NotificationRuleEvent =
  | { type: 'NotificationRuleCreated'; data: { workspaceId: string; rule: NotificationRuleSpec } }
  | { type: 'NotificationRuleUpdated'; data: { rule: NotificationRuleSpec } }
  | { type: 'NotificationRuleDeleted'; data: Record<string, never> };

export interface NotificationRuleState {
  exists: boolean;
  deleted: boolean;
  workspaceId?: string;
  rule?: NotificationRuleSpec;
}

/** The invariants the log must never hold broken (shapes are checked at the edge). */
export function checkNotificationRule(rule: NotificationRuleSpec): NotificationRuleSpec {
  const fail = (path: string, message: string) => new ValidationError(`Invalid rule: ${path} ${message}`, [{ path, message }]);
  const name = rule.name.trim();
  if (!name || name.length > 128) throw fail('name', 'must have 1 to 128 characters');
  if (rule.on.length === 0) throw fail('on', 'needs at least one event');
  if (rule.channelIds.length === 0) throw fail('channelIds', 'needs at least one channel');
  if (rule.on.includes('runSlow') && !rule.slowAfterSeconds) throw fail('slowAfterSeconds', 'is required for runSlow');
  if (rule.on.includes('triggerFailing') && !rule.failuresInRow) throw fail('failuresInRow', 'is required for triggerFailing');
  return { ...rule, name, on: [...new Set(rule.on)], channelIds: [...new Set(rule.channelIds)] };
}

export const notificationRuleDecider: Decider<NotificationRuleCommand, NotificationRuleEvent, NotificationRuleState> = {
  initialState: () => ({ exists: false, deleted: false }),
  decide(command, state) {
    if (command.type === 'CreateNotificationRule') {
      if (state.exists) throw new ConflictError('The notification rule already exists');
      return [{ type: 'NotificationRuleCreated', data: { workspaceId: command.workspaceId, rule: checkNotificationRule(command.rule) } }];
    }
    if (!state.exists || state.deleted) throw new NotFoundError('Notification rule', 'this');
    if (command.type === 'DeleteNotificationRule') return [{ type: 'NotificationRuleDeleted', data: {} }];
    const rule = checkNotificationRule(command.rule);
    return JSON.stringify(rule) === JSON.stringify(state.rule) ? [] : [{ type: 'NotificationRuleUpdated', data: { rule } }];
  },
  evolve(state, event) {
    switch (event.type) {
      case 'NotificationRuleCreated':
        return { exists: true, deleted: false, workspaceId: event.data.workspaceId, rule: event.data.rule };
      case 'NotificationRuleUpdated':
        return { ...state, rule: event.data.rule };
      case 'NotificationRuleDeleted':
        return { ...state, deleted: true };
      default:
        return state;
    }
  },
};
