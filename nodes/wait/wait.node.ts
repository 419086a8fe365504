// Wait (n8n-nodes-base.wait v1, 1.1): pauses for a time interval or until a date. Short waits sleep in
// process; longer ones park the execution, which the executor then reports as waiting.
import { NodeOperationError, type ExecuteContext, type NodeType } from '../../engine/index.ts';
import { param } from '../shared/params.ts';
import { waitProperties } from './wait.description.ts';
import { IN_PROCESS_LIMIT_MS, intervalEnd, parseDateTime, sleep, WAIT_INDEFINITELY } from './wait-time.ts';

function waitUntil(ctx: ExecuteContext, now: number): Date {
  const resume = param(ctx, 'resume', 0, 'timeInterval');
  if (resume === 'timeInterval') {
    const v1 = ctx.node.typeVersion < 1.1;
    const amount = Number(param(ctx, 'amount', 0, v1 ? 1 : 5));
    const unit = param(ctx, 'unit', 0, v1 ? 'hours' : 'seconds');
    if (!Number.isFinite(amount) || amount < 0) throw new NodeOperationError(ctx.node.name, 'The wait amount must be a positive number');
    return intervalEnd(amount, unit, now);
  }
  if (resume === 'specificTime') {
    const date = parseDateTime(param<unknown>(ctx, 'dateTime', 0, ''), ctx.timezone);
    if (!date) {
      throw new NodeOperationError(ctx.node.name, 'Cannot put execution to wait because `dateTime` parameter is not a valid date', {
        description: 'Please pick a specific date and time to wait until',
      });
    }
    return date;
  }
  if (resume === 'webhook' || resume === 'form') return webhookLimit(ctx, now);
  throw new NodeOperationError(ctx.node.name, `Resuming on "${resume}" is not supported yet`, {
    description: 'Use "After Time Interval", "At Specified Time", "On Webhook Call" or "On Form Submitted"',
  });
}

/**
 * A run waiting for its resume URL waits until the optional limit, else indefinitely (n8n parks it
 * until 3000-01-01). When the limit comes first, the node passes its input on.
 */
function webhookLimit(ctx: ExecuteContext, now: number): Date {
  if (param(ctx, 'limitWaitTime', 0, false) !== true) return WAIT_INDEFINITELY;
  if (param(ctx, 'limitType', 0, 'afterTimeInterval') === 'atSpecifiedTime') {
    const date = parseDateTime(param<unknown>(ctx, 'maxDateAndTime', 0, ''), ctx.timezone);
    if (!date) throw new NodeOperationError(ctx.node.name, 'The maximum date and time to wait is not a valid date');
    return date;
  }
  return intervalEnd(Number(param(ctx, 'resumeAmount', 0, 1)), param(ctx, 'resumeUnit', 0, 'hours'), now);
}

export const waitNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.wait',
    displayName: 'Wait',
    group: ['organization'],
    version: [1, 1.1],
    description: 'Wait before continue with execution',
    defaults: { name: 'Wait', color: '#804050' },
    inputs: ['main'],
    outputs: ['main'],
    properties: waitProperties,
  },
  async execute(ctx: ExecuteContext) {
    const now = Date.now();
    const until = waitUntil(ctx, now);
    // A webhook or form resume always parks: the call may come at any time, on any server.
    const resume = param(ctx, 'resume', 0, 'timeInterval');
    if (resume === 'webhook' || resume === 'form') {
      ctx.putExecutionToWait(until);
      return [ctx.getInputData()];
    }
    const waitMs = Math.max(until.getTime() - now, 0);
    if (waitMs < IN_PROCESS_LIMIT_MS) {
      if (waitMs > 0) await sleep(waitMs, ctx.signal);
      return [ctx.getInputData()];
    }
    ctx.putExecutionToWait(until);
    return [ctx.getInputData()];
  },
};
