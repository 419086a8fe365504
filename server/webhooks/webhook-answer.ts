// Writes a webhook's answer for each response mode: at once ("Workflow was started"), from the
// last node's output when the run ends, or as a Respond to Webhook node decided.
import type { Context } from 'koa';
import { lastNodeOutput, type Item, type RunResult } from '../../engine/index.ts';
import type { WebhookResponse } from '../../nodes/index.ts';

export interface WebhookNodeSettings {
  responseMode: 'onReceived' | 'lastNode' | 'responseNode' | string;
  responseCode: number;
  responseData: string;
  responseBinaryPropertyName: string;
  options: Record<string, unknown>;
}

function setHeaders(ctx: Context, options: Record<string, unknown>): void {
  const entries = ((options.responseHeaders as { entries?: { name?: string; value?: unknown }[] } | undefined)?.entries ?? []);
  for (const e of entries) if (e.name) ctx.set(e.name, String(e.value ?? ''));
}

/** n8n's `responseCode` option may carry a custom code. */
function statusOf(settings: WebhookNodeSettings): number {
  const custom = (settings.options.responseCode as { values?: { customCode?: number; responseCode?: number } } | undefined)?.values;
  const code = Number(custom?.customCode ?? custom?.responseCode ?? settings.responseCode ?? 200);
  return code >= 100 && code <= 599 ? code : 200;
}

function sendData(ctx: Context, data: unknown, options: Record<string, unknown>): void {
  const contentType = typeof options.responseContentType === 'string' ? options.responseContentType : '';
  if (contentType) {
    ctx.type = contentType;
    ctx.body = typeof data === 'string' ? data : JSON.stringify(data);
    return;
  }
  ctx.body = data as never;
}

export function answerOnReceived(ctx: Context, settings: WebhookNodeSettings): void {
  ctx.status = statusOf(settings);
  setHeaders(ctx, settings.options);
  const custom = settings.options.responseData;
  if (settings.options.noResponseBody === true || custom === 'noData') {
    ctx.body = null;
    ctx.status = statusOf(settings);
    return;
  }
  if (typeof custom === 'string' && custom !== '') sendData(ctx, custom, settings.options);
  else sendData(ctx, { message: 'Workflow was started' }, settings.options);
}

function getPath(value: unknown, path: string): unknown {
  let cur = value;
  for (const key of path.split('.')) cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[key] : undefined;
  return cur;
}

export function answerLastNode(ctx: Context, settings: WebhookNodeSettings, result: RunResult): void {
  if (result.status === 'error' || result.data.resultData.error) {
    ctx.status = 500;
    ctx.body = { message: 'Error in workflow' };
    return;
  }
  const items: Item[] = lastNodeOutput(result);
  ctx.status = statusOf(settings);
  setHeaders(ctx, settings.options);
  switch (settings.responseData) {
    case 'noData':
      ctx.body = null;
      ctx.status = statusOf(settings);
      return;
    case 'allEntries':
      sendData(ctx, items.map((i) => i.json), settings.options);
      return;
    case 'firstEntryBinary': {
      const binary = items[0]?.binary?.[settings.responseBinaryPropertyName];
      if (!binary) {
        ctx.status = 500;
        ctx.body = { message: 'No binary data to return was found' };
        return;
      }
      ctx.type = binary.mimeType;
      if (binary.fileName) ctx.set('Content-Disposition', `inline; filename="${binary.fileName.replace(/"/g, '')}"`);
      ctx.body = Buffer.from(binary.data, 'base64');
      return;
    }
    default: {
      const first = items[0]?.json;
      if (first === undefined) {
        sendData(ctx, { message: 'Workflow executed successfully' }, settings.options);
        return;
      }
      const property = settings.options.responsePropertyName;
      sendData(ctx, typeof property === 'string' && property ? getPath(first, property) ?? null : first, settings.options);
    }
  }
}

export function answerFromNode(ctx: Context, answer: WebhookResponse): void {
  ctx.status = answer.statusCode >= 100 && answer.statusCode <= 599 ? answer.statusCode : 200;
  const body = answer.body;
  if (body.kind === 'json') ctx.body = body.value as never;
  else if (body.kind === 'text') {
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = body.value;
  } else if (body.kind === 'binary') {
    ctx.type = body.mimeType;
    if (body.fileName) ctx.set('Content-Disposition', `inline; filename="${body.fileName.replace(/"/g, '')}"`);
    ctx.body = Buffer.from(body.data, 'base64');
  } else ctx.body = null;
  // Headers last, so a node's Content-Type wins over the defaults above.
  for (const [name, value] of Object.entries(answer.headers)) ctx.set(name, value);
  ctx.status = answer.statusCode >= 100 && answer.statusCode <= 599 ? answer.statusCode : 200;
}

/** When the run ends without a Respond to Webhook node answering. */
export function answerWithoutResponder(ctx: Context, result: RunResult | undefined): void {
  if (!result || result.status === 'error') {
    ctx.status = 500;
    ctx.body = { message: 'Error in workflow' };
    return;
  }
  ctx.status = 200;
  ctx.body = { message: 'Workflow executed successfully' };
}
