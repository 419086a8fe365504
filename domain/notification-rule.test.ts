import { describe, expect, it } from 'vitest';
import { fold } from './decider.ts';
import { notificationRuleDecider as decider, type NotificationRuleEvent, type NotificationRuleSpec } from './notification-rule.ts';

const spec: NotificationRuleSpec = { name: ' Failures ', workflowId: null, on: ['runFailed', 'runFailed'], channelIds: ['c1'], windowSeconds: 300, enabled: true };
const given = (...events: NotificationRuleEvent[]) => fold(decider, events);
const created: NotificationRuleEvent = { type: 'NotificationRuleCreated', data: { workspaceId: 'w1', rule: { ...spec, name: 'Failures', on: ['runFailed'] } } };

describe('notification rule decider', () => {
  it('creates a rule with a clean name and no repeated triggers', () => {
    expect(decider.decide({ type: 'CreateNotificationRule', workspaceId: 'w1', rule: spec }, given())).toEqual([created]);
  });

  it('refuses a rule without what its triggers need', () => {
    expect(() => decider.decide({ type: 'CreateNotificationRule', workspaceId: 'w1', rule: { ...spec, on: ['runSlow'] } }, given())).toThrow(/slowAfterSeconds/);
    expect(() => decider.decide({ type: 'CreateNotificationRule', workspaceId: 'w1', rule: { ...spec, on: ['triggerFailing'] } }, given())).toThrow(/failuresInRow/);
    expect(() => decider.decide({ type: 'CreateNotificationRule', workspaceId: 'w1', rule: { ...spec, channelIds: [] } }, given())).toThrow(/channel/);
    expect(() => decider.decide({ type: 'CreateNotificationRule', workspaceId: 'w1', rule: spec }, given(created))).toThrow(/already exists/);
  });

  it('records a change only when something changed, and nothing after deletion', () => {
    expect(decider.decide({ type: 'UpdateNotificationRule', rule: created.data.rule }, given(created))).toEqual([]);
    expect(decider.decide({ type: 'UpdateNotificationRule', rule: { ...created.data.rule, windowSeconds: 0 } }, given(created))).toEqual([
      { type: 'NotificationRuleUpdated', data: { rule: { ...created.data.rule, windowSeconds: 0 } } },
    ]);
    const deleted = given(created, { type: 'NotificationRuleDeleted', data: {} });
    expect(() => decider.decide({ type: 'DeleteNotificationRule' }, deleted)).toThrow(/not found|Notification rule/i);
  });
});
