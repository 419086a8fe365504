// ClickUp's time entries (n8n's timeEntry resource) on ClickUp API v2's /team/{team}/time_entries:
// dates from the editor read in the workflow's time zone and sent as Unix milliseconds, durations
// given in minutes and sent in milliseconds, answers unwrapped from their `data`.
import { DateTime } from 'luxon';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';

export type TimeEntryRequest = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: JsonObject, query?: JsonObject) => Promise<JsonObject>;

function millis(ctx: ExecuteContext, value: unknown): number {
  const parsed = DateTime.fromISO(String(value), { zone: ctx.timezone });
  return parsed.isValid ? parsed.toMillis() : new Date(String(value)).getTime();
}

/** Tags are chosen as the JSON of ClickUp's tag objects (name and colours), as n8n's list gives them. */
const tagObjects = (tags: unknown): unknown[] => (Array.isArray(tags) ? tags : []).map((tag) => (typeof tag === 'string' ? JSON.parse(tag) as unknown : tag));

export async function runTimeEntry(ctx: ExecuteContext, call: TimeEntryRequest, operation: string, i: number): Promise<unknown> {
  const team = encodeURIComponent(String(param(ctx, 'team', i, '')));
  const base = `/team/${team}/time_entries`;
  const entry = () => encodeURIComponent(String(param(ctx, 'timeEntry', i, '')));
  switch (operation) {
    case 'getAll': {
      const filters = collection(ctx, 'filters', i);
      const query: JsonObject = { ...filters };
      if (filters.start_date) query.start_date = millis(ctx, filters.start_date);
      if (filters.end_date) query.end_date = millis(ctx, filters.end_date);
      const data = ((await call('GET', base, undefined, query)).data ?? []) as unknown[];
      return param(ctx, 'returnAll', i, false) ? data : data.slice(0, param(ctx, 'limit', i, 5));
    }
    case 'get': {
      const path = param(ctx, 'running', i, false) ? `${base}/current` : `${base}/${entry()}`;
      return (await call('GET', path)).data;
    }
    case 'create': {
      const fields = collection(ctx, 'additionalFields', i);
      const body: JsonObject = { start: millis(ctx, param(ctx, 'start', i, '')), duration: param(ctx, 'duration', i, 0) * 60000, tid: param(ctx, 'task', i, ''), ...fields };
      if (fields.tags) body.tags = tagObjects(fields.tags) as JsonObject[];
      return (await call('POST', base, body)).data;
    }
    case 'start':
      return (await call('POST', `${base}/start`, { tid: param(ctx, 'task', i, ''), ...collection(ctx, 'additionalFields', i) })).data;
    case 'stop': {
      const answer = await call('POST', `${base}/stop`);
      if (!answer.data) throw new NodeOperationError(ctx.node.name, 'There seems to be nothing to stop.', { itemIndex: i });
      return answer.data;
    }
    case 'delete': return (await call('DELETE', `${base}/${entry()}`)).data;
    case 'update': {
      const body: JsonObject = { ...collection(ctx, 'updateFields', i) };
      if (body.start) body.start = millis(ctx, body.start);
      if (body.duration) body.duration = Number(body.duration) * 60000;
      if (body.task) {
        body.tid = body.task;
        body.custom_task_ids = true;
      }
      return (await call('PUT', `${base}/${entry()}`, body)).data;
    }
  }
  throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of resource "timeEntry" is not supported`, { itemIndex: i });
}
