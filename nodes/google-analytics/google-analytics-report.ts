// Building Google Analytics requests from the node's parameters and shaping the answers as n8n's
// node does: date ranges by name, GA4 metrics/dimensions/filters/order, Universal Analytics
// metrics/dimensions/filters, paging (GA4 offset/rowCount, UA pageToken) and the simplified rows.
import { DateTime } from 'luxon';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';
import { customRangeDefault } from './google-analytics-fields.ts';
import type { GoogleClient } from '../you-tube/google-call.ts';
import { analyticsRequest, analyticsUrls } from './google-analytics-api.ts';

/** The largest GA4 page the Data API serves. */
const GA4_PAGE = 100_000;

export function dateRanges(ctx: ExecuteContext, period: string, itemIndex: number): JsonObject[] {
  const now = DateTime.now();
  const day = (d: DateTime) => d.toISODate() ?? '';
  switch (period) {
    case 'today': return [{ startDate: day(now.startOf('day')), endDate: day(now) }];
    case 'yesterday': return [{ startDate: day(now.startOf('day').minus({ days: 1 })), endDate: day(now.endOf('day').minus({ days: 1 })) }];
    case 'lastCalendarWeek': return [{ startDate: day(now.startOf('week').minus({ weeks: 1 })), endDate: day(now.endOf('week').minus({ weeks: 1 })) }];
    case 'lastCalendarMonth': return [{ startDate: day(now.startOf('month').minus({ months: 1 })), endDate: day(now.minus({ months: 1 }).endOf('month')) }];
    case 'last7days': return [{ startDate: day(now.minus({ days: 7 })), endDate: day(now) }];
    case 'last30days': return [{ startDate: day(now.minus({ days: 30 })), endDate: day(now) }];
    case 'custom': {
      const start = DateTime.fromISO(String(param(ctx, 'startDate', itemIndex, '') || customRangeDefault('startDate')));
      const end = DateTime.fromISO(String(param(ctx, 'endDate', itemIndex, '') || customRangeDefault('endDate')));
      if (start > end) throw new NodeOperationError(ctx.node.name, `Parameter Start: ${start.toISO()} cannot be after End: ${end.toISO()}`, { itemIndex });
      return [{ startDate: day(start), endDate: day(end) }];
    }
    default:
      throw new NodeOperationError(ctx.node.name, `The period '${period}' is not supported, to specify own period use 'custom' option`, { itemIndex });
  }
}

function noDuplicates(ctx: ExecuteContext, entries: JsonObject[], key: string, kind: string, itemIndex: number): void {
  const names = entries.map((entry) => String(entry[key]));
  const twice = [...new Set(names.filter((name, i) => names.indexOf(name) !== i))];
  if (twice.length) throw new NodeOperationError(ctx.node.name, `A ${kind} is specified more than once (${twice.join(', ')})`, { itemIndex });
}

/** A resource locator's id: the value, or the id its URL carries. */
export function locatorId(value: unknown, urlPattern: RegExp): string {
  if (!value || typeof value !== 'object') return String(value ?? '');
  const locator = value as { mode?: string; value?: unknown };
  const text = String(locator.value ?? '');
  if (locator.mode === 'url') return urlPattern.exec(text)?.[1] ?? text;
  return text;
}

const listed = (entry: JsonObject) => (entry.listName === 'other' || entry.listName === 'custom' ? entry.name : entry.listName);

/** n8n's GA4 filter expressions: one `{filter: {fieldName, <type>: {...}}}` per entry. */
function ga4Filters(expression: JsonObject): JsonObject[] {
  const filters: JsonObject[] = [];
  for (const [type, entries] of Object.entries(expression)) {
    for (const original of (entries as JsonObject[]) ?? []) {
      const { listName: _listName, name: _name, valueType, ...rest } = original;
      const filter: JsonObject = { ...rest };
      if (type === 'inListFilter') filter.values = String(original.values ?? '').split(',');
      if (type === 'numericFilter') filter.value = { [String(valueType ?? 'doubleValue')]: original.value };
      if (type === 'betweenFilter') {
        filter.fromValue = { [String(valueType ?? 'doubleValue')]: original.fromValue };
        filter.toValue = { [String(valueType ?? 'doubleValue')]: original.toValue };
      }
      filters.push({ filter: { fieldName: listed(original), [type]: filter } });
    }
  }
  return filters;
}

function filterGroup(value: unknown): JsonObject | undefined {
  const group = (value as JsonObject | undefined)?.filterExpressions as JsonObject | undefined;
  if (!group?.expression) return undefined;
  return { [String(group.filterExpressionType ?? 'andGroup')]: { expressions: ga4Filters(group.expression as JsonObject) } };
}

export function ga4Request(ctx: ExecuteContext, i: number): JsonObject {
  const fields = collection(ctx, 'additionalFields', i);
  const body: JsonObject = { dateRanges: dateRanges(ctx, param(ctx, 'dateRange', i, 'last7days'), i) };
  const metricValues = ((param<JsonObject>(ctx, 'metricsGA4', i, { metricValues: [{ listName: 'totalUsers' }] }).metricValues as JsonObject[] | undefined) ?? []);
  const metrics = metricValues.map((metric): JsonObject => {
    if (metric.listName === 'other') return { name: metric.name };
    if (metric.listName === 'custom') {
      return { name: metric.name ?? 'custom_metric', ...(metric.expression ? { expression: metric.expression } : {}), ...(metric.invisible ? { invisible: true } : {}) };
    }
    return { name: metric.listName ?? 'totalUsers' };
  });
  if (metrics.length) {
    noDuplicates(ctx, metrics, 'name', 'metrics', i);
    body.metrics = metrics;
  }
  const dimensionValues = ((param<JsonObject>(ctx, 'dimensionsGA4', i, { dimensionValues: [{ listName: 'date' }] }).dimensionValues as JsonObject[] | undefined) ?? []);
  const dimensions = dimensionValues.map((dimension) => ({ name: dimension.listName === 'other' ? dimension.name : dimension.listName ?? 'date' }));
  if (dimensions.length) {
    noDuplicates(ctx, dimensions, 'name', 'dimensions', i);
    body.dimensions = dimensions;
  }
  if (fields.currencyCode) body.currencyCode = fields.currencyCode;
  const dimensionFilter = filterGroup(fields.dimensionFiltersUI);
  if (dimensionFilter) body.dimensionFilter = dimensionFilter;
  const metricFilter = filterGroup(fields.metricsFiltersUI);
  if (metricFilter) body.metricFilter = metricFilter;
  if (Array.isArray(fields.metricAggregations) && fields.metricAggregations.length) body.metricAggregations = fields.metricAggregations;
  if (fields.keepEmptyRows) body.keepEmptyRows = true;
  const order = fields.orderByUI as JsonObject | undefined;
  if (order) {
    body.orderBys = [
      ...((order.metricOrderBy as JsonObject[] | undefined) ?? []).map((o) => ({ desc: o.desc ?? false, metric: { metricName: o.metricName } })),
      ...((order.dimmensionOrderBy as JsonObject[] | undefined) ?? []).map((o) => ({ desc: o.desc ?? false, dimension: { dimensionName: o.dimensionName, orderType: o.orderType ?? 'ORDER_TYPE_UNSPECIFIED' } })),
    ];
  }
  if (fields.returnPropertyQuota) body.returnPropertyQuota = true;
  return body;
}

/** GA4 rows as flat objects: each dimension and metric header names its value. */
export function simplifyGa4(report: JsonObject): JsonObject[] {
  const rows = report.rows as JsonObject[] | undefined;
  if (!rows) return [];
  const dimensions = ((report.dimensionHeaders as JsonObject[] | undefined) ?? []).map((h) => String(h.name));
  const metrics = ((report.metricHeaders as JsonObject[] | undefined) ?? []).map((h) => String(h.name));
  return rows.filter(Boolean).map((row) => {
    const out: JsonObject = {};
    dimensions.forEach((name, i) => { out[name] = ((row.dimensionValues as JsonObject[])[i] ?? {}).value; });
    metrics.forEach((name, i) => { out[name] = ((row.metricValues as JsonObject[])[i] ?? {}).value; });
    return out;
  });
}

export async function runGa4Report(client: GoogleClient, i: number): Promise<JsonObject[]> {
  const { ctx } = client;
  const propertyId = locatorId(param<unknown>(ctx, 'propertyId', i, ''), /analytics\.google\.com\/analytics.*\/p([0-9]+)/).replace(/^properties\//, '');
  const body = ga4Request(ctx, i);
  const url = `${analyticsUrls.data()}/v1beta/properties/${encodeURIComponent(propertyId)}:runReport`;
  let report: JsonObject;
  if (param(ctx, 'returnAll', 0, false)) {
    report = await analyticsRequest(client, 'POST', url, { ...body, limit: GA4_PAGE, offset: 0 });
    const rows = [...((report.rows as JsonObject[] | undefined) ?? [])];
    while (Number(report.rowCount ?? 0) > rows.length) {
      const next = await analyticsRequest(client, 'POST', url, { ...body, limit: GA4_PAGE, offset: rows.length });
      const more = (next.rows as JsonObject[] | undefined) ?? [];
      if (more.length === 0) break;
      rows.push(...more);
      report = { ...next };
    }
    report.rows = rows;
  } else {
    report = await analyticsRequest(client, 'POST', url, { ...body, limit: param(ctx, 'limit', 0, 50) });
  }
  return param(ctx, 'simple', i, true) ? simplifyGa4(report) : [report];
}

/** Reporting API v4 rows as flat objects (dimension names and metric aliases as keys). */
export function simplifyUniversal(reports: JsonObject[]): JsonObject[] {
  const out: JsonObject[] = [];
  for (const report of reports) {
    const header = (report.columnHeader as JsonObject | undefined) ?? {};
    const rows = (report.data as JsonObject | undefined)?.rows as JsonObject[] | undefined;
    if (!rows) continue;
    const dimensions = (header.dimensions as string[] | undefined) ?? [];
    const metrics = (((header.metricHeader as JsonObject | undefined)?.metricHeaderEntries as JsonObject[] | undefined) ?? []).map((e) => String(e.name));
    for (const row of rows) {
      const values = (((row.metrics as JsonObject[] | undefined) ?? [])[0]?.values as unknown[] | undefined) ?? [];
      const entry: JsonObject = {};
      dimensions.forEach((name, i) => { entry[name] = (row.dimensions as unknown[])[i]; });
      metrics.forEach((name, i) => { entry[name] = values[i]; });
      out.push(entry);
    }
  }
  return out;
}

/** Several pages of one report as one report with all the rows (the first page's header). */
function mergeReports(reports: JsonObject[]): JsonObject[] {
  const rows = reports.flatMap((r) => ((r.data as JsonObject | undefined)?.rows as JsonObject[] | undefined) ?? []);
  return [{ columnHeader: reports[0].columnHeader, data: { ...(reports[0].data as JsonObject), rows } }];
}

/** reports:batchGet with one report request, page by page (`pageToken` ← `nextPageToken`) when all are wanted. */
export async function batchGet(client: GoogleClient, request: JsonObject, returnAll: boolean, query: Record<string, string | undefined>): Promise<JsonObject[]> {
  const url = `${analyticsUrls.reporting()}/v4/reports:batchGet`;
  if (!returnAll) return ((await analyticsRequest(client, 'POST', url, { reportRequests: [request] }, query)).reports as JsonObject[] | undefined) ?? [];
  const reports: JsonObject[] = [];
  let pageToken: string | undefined;
  do {
    const answer = await analyticsRequest(client, 'POST', url, { reportRequests: [{ ...request, ...(pageToken ? { pageToken } : {}) }] }, query);
    const page = (answer.reports as JsonObject[] | undefined) ?? [];
    reports.push(...page);
    pageToken = typeof page[0]?.nextPageToken === 'string' ? page[0].nextPageToken : undefined;
  } while (pageToken);
  return reports;
}

export function shapeReports(reports: JsonObject[], simple: boolean, returnAll: boolean): JsonObject[] {
  if (simple) return simplifyUniversal(reports);
  return returnAll && reports.length > 1 ? mergeReports(reports) : reports;
}

function flags(fields: JsonObject, request: JsonObject): void {
  if (fields.includeEmptyRows) request.includeEmptyRows = true;
  if (fields.hideTotals) request.hideTotals = true;
  if (fields.hideValueRanges) request.hideValueRanges = true;
}

export async function runUniversalReport(client: GoogleClient, i: number): Promise<JsonObject[]> {
  const { ctx } = client;
  const fields = collection(ctx, 'additionalFields', i);
  const request: JsonObject = {
    viewId: locatorId(param<unknown>(ctx, 'viewId', i, ''), /analytics.google.com\/analytics.*p([0-9]+)/),
    dateRanges: dateRanges(ctx, param(ctx, 'dateRange', i, 'last7days'), i),
  };
  const metricValues = (param<JsonObject>(ctx, 'metricsUA', i, { metricValues: [{ listName: 'ga:users' }] }).metricValues as JsonObject[] | undefined) ?? [];
  const metrics = metricValues.map((metric): JsonObject => {
    if (metric.listName === 'other') return { alias: metric.name, expression: metric.name };
    if (metric.listName === 'custom') return { alias: metric.name ?? 'custom_metric', expression: metric.expression, formattingType: metric.formattingType ?? 'INTEGER' };
    return { alias: metric.listName ?? 'ga:users', expression: metric.listName ?? 'ga:users' };
  });
  if (metrics.length) {
    noDuplicates(ctx, metrics, 'alias', 'metrics', i);
    request.metrics = metrics;
  }
  const dimensionValues = (param<JsonObject>(ctx, 'dimensionsUA', i, { dimensionValues: [{ listName: 'ga:date' }] }).dimensionValues as JsonObject[] | undefined) ?? [];
  const dimensions = dimensionValues.map((d) => ({ name: d.listName === 'other' ? d.name : d.listName ?? 'ga:date' }));
  if (dimensions.length) {
    noDuplicates(ctx, dimensions, 'name', 'dimensions', i);
    request.dimensions = dimensions;
  }
  const filters = ((fields.dimensionFiltersUi as JsonObject | undefined)?.filterValues as JsonObject[] | undefined) ?? [];
  if (filters.length) {
    request.dimensionFilterClauses = { filters: filters.map((f) => ({ dimensionName: listed(f), operator: f.operator ?? 'EXACT', expressions: [f.expressions ?? ''] })) };
  }
  flags(fields, request);
  const returnAll = param(ctx, 'returnAll', 0, false);
  if (!returnAll) request.pageSize = param(ctx, 'limit', 0, 50);
  const reports = await batchGet(client, request, returnAll, { useResourceQuotas: fields.useResourceQuotas ? 'true' : undefined });
  return shapeReports(reports, param(ctx, 'simple', i, true), returnAll);
}

/** The v1 report: raw metric and dimension lists, an optional date range; no page size. */
export async function runV1Report(client: GoogleClient, i: number): Promise<JsonObject[]> {
  const { ctx } = client;
  const fields = collection(ctx, 'additionalFields', i);
  const request: JsonObject = { viewId: param(ctx, 'viewId', i, '') };
  const range = (fields.dateRangesUi as JsonObject | undefined)?.dateRanges as JsonObject | undefined;
  if (range) {
    const day = (value: unknown) => DateTime.fromISO(String(value), { zone: 'utc' }).toISODate();
    request.dateRanges = [{ startDate: day(range.startDate), endDate: day(range.endDate) }];
  }
  const metrics = ((fields.metricsUi as JsonObject | undefined)?.metricValues as JsonObject[] | undefined);
  if (metrics) request.metrics = metrics;
  const dimensions = ((fields.dimensionUi as JsonObject | undefined)?.dimensionValues as JsonObject[] | undefined);
  if (dimensions) request.dimensions = dimensions;
  const filters = ((fields.dimensionFiltersUi as JsonObject | undefined)?.filterValues as JsonObject[] | undefined);
  if (filters) request.dimensionFilterClauses = { filters: filters.map((f) => ({ ...f, expressions: [f.expressions] })) };
  flags(fields, request);
  const returnAll = param(ctx, 'returnAll', 0, false);
  const reports = await batchGet(client, request, returnAll, { useResourceQuotas: fields.useResourceQuotas ? 'true' : undefined });
  return shapeReports(reports, param(ctx, 'simple', i, true), returnAll);
}

/** userActivity:search; all sessions page by page (`pageToken` ← `nextPageToken`) or up to `limit`. */
export async function searchUserActivity(client: GoogleClient, i: number): Promise<JsonObject[]> {
  const { ctx } = client;
  const fields = collection(ctx, 'additionalFields', i);
  const body: JsonObject = { viewId: param(ctx, 'viewId', i, ''), user: { userId: param(ctx, 'userId', i, '') } };
  if (Array.isArray(fields.activityTypes) && fields.activityTypes.length) body.activityTypes = fields.activityTypes;
  const url = `${analyticsUrls.reporting()}/v4/userActivity:search`;
  if (!param(ctx, 'returnAll', 0, false)) {
    return ((await analyticsRequest(client, 'POST', url, { ...body, pageSize: param(ctx, 'limit', 0, 100) })).sessions as JsonObject[] | undefined) ?? [];
  }
  const sessions: JsonObject[] = [];
  let pageToken: string | undefined;
  do {
    const answer = await analyticsRequest(client, 'POST', url, { ...body, ...(pageToken ? { pageToken } : {}) });
    sessions.push(...((answer.sessions as JsonObject[] | undefined) ?? []));
    pageToken = typeof answer.nextPageToken === 'string' && answer.nextPageToken ? answer.nextPageToken : undefined;
  } while (pageToken);
  return sessions;
}
