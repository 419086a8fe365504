// Trigger and HTTP nodes (Webhook, Respond to Webhook, Schedule Trigger, Cron, Interval, HTTP
// Request), registered together, and what the server needs to arm their timers and answer calls.
import type { NodeType } from '../engine/index.ts';
import { cronNode } from './cron/cron.node.ts';
import { httpRequestNode } from './http-request/http-request.node.ts';
import { intervalNode } from './interval/interval.node.ts';
import { respondToWebhookNode } from './respond-to-webhook/respond-to-webhook.node.ts';
import { scheduleTriggerNode } from './schedule-trigger/schedule-trigger.node.ts';
import { webhookNode } from './webhook/webhook.node.ts';

export const triggerNodeTypes: NodeType[] = [webhookNode, respondToWebhookNode, scheduleTriggerNode, cronNode, intervalNode, httpRequestNode];

export { triggerSchedules, pollTimesSchedules, nextCronTime, isDueTick, ScheduleRuleError, type TriggerSchedule } from './schedule-trigger/schedule-rules.ts';
export { scheduleTriggerItem } from './schedule-trigger/schedule-item.ts';
export type { WebhookResponse, WebhookResponseBody } from './respond-to-webhook/webhook-response.ts';
