// Test support: a local stand-in for Google's Analytics APIs, written from their REST references:
// the Data API v1beta (properties/{id}:runReport with dateRanges, metrics, dimensions, limit/offset,
// answering headers, rows and rowCount; properties/{id}/metadata), the Reporting API v4
// (reports:batchGet with reportRequests and pageSize/pageToken; userActivity:search), the Admin API
// v1alpha (accounts; properties?filter=parent:…) and the Management API v3 (profiles; ga columns).
// Google's `{error: {code, message, status}}` for a bad token or argument; a 429 when armed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const GOOD_TOKEN = 'ya29.analytics-good';

export interface AnalyticsSeen { method: string; path: string; query: Record<string, string>; authorization: string; body: Record<string, unknown> }

export interface AnalyticsStandIn {
  url: string;
  seen: AnalyticsSeen[];
  /** The most rows one page holds (both APIs may return fewer rows than asked and say how to go on). */
  maxRowsPerPage: number;
  rateLimitOnce(seconds: number): void;
  close(): Promise<void>;
}

type Reply = [number, unknown, Record<string, string>?];
const fail = (code: number, status: string, message: string): Reply => [code, { error: { code, message, status } }];

const GA4_METRICS = new Set(['totalUsers', 'sessions', 'eventCount', 'screenPageViews', 'active1DayUsers']);
const GA4_DIMENSIONS = new Set(['date', 'country', 'city', 'browser']);
const DAYS = Array.from({ length: 30 }, (_, i) => `202401${String(i + 1).padStart(2, '0')}`);

function runReport(propertyId: string, body: Record<string, unknown>, maxRows: number): Reply {
  if (propertyId !== '123456') return fail(403, 'PERMISSION_DENIED', `User does not have sufficient permissions for this property. To learn more about Property ID, see https://developers.google.com/analytics/devguides/reporting/data/v1/property-id.`);
  const ranges = body.dateRanges as Array<{ startDate?: string; endDate?: string }> | undefined;
  if (!Array.isArray(ranges) || ranges.length === 0 || ranges.some((r) => !/^\d{4}-\d{2}-\d{2}$/.test(String(r.startDate)) || !/^\d{4}-\d{2}-\d{2}$/.test(String(r.endDate)))) {
    return fail(400, 'INVALID_ARGUMENT', 'dateRanges must have a startDate and endDate in YYYY-MM-DD');
  }
  const metrics = (body.metrics as Array<{ name: string; expression?: string }> | undefined) ?? [];
  const dimensions = (body.dimensions as Array<{ name: string }> | undefined) ?? [];
  for (const m of metrics) if (!GA4_METRICS.has(m.name) && !m.expression) return fail(400, 'INVALID_ARGUMENT', `Field ${m.name} is not a valid metric.\nFor a list of valid metrics, see the API schema.`);
  for (const d of dimensions) if (!GA4_DIMENSIONS.has(d.name)) return fail(400, 'INVALID_ARGUMENT', `Field ${d.name} is not a valid dimension.`);
  const limit = body.limit === undefined ? 10000 : Number(body.limit);
  if (!Number.isInteger(limit) || limit < 0 || limit > 250000) return fail(400, 'INVALID_ARGUMENT', 'limit must be between 0 and 250000');
  const offset = Number(body.offset ?? 0);
  const all = DAYS.map((day, i) => ({
    dimensionValues: dimensions.map((d) => ({ value: d.name === 'date' ? day : `${d.name}-${i % 3}` })),
    metricValues: metrics.map((m, j) => ({ value: String((i + 1) * (j + 1)) })),
  }));
  const rows = all.slice(offset, offset + Math.min(limit, maxRows));
  return [200, {
    dimensionHeaders: dimensions.map((d) => ({ name: d.name })),
    metricHeaders: metrics.map((m) => ({ name: m.name, type: 'TYPE_INTEGER' })),
    ...(rows.length ? { rows } : {}),
    rowCount: all.length,
    metadata: { currencyCode: 'USD', timeZone: 'UTC' },
    kind: 'analyticsData#runReport',
  }];
}

function batchGet(body: Record<string, unknown>, maxRows: number): Reply {
  const requests = body.reportRequests as Array<Record<string, unknown>> | undefined;
  if (!Array.isArray(requests) || requests.length === 0 || requests.length > 5) return fail(400, 'INVALID_ARGUMENT', 'reportRequests must hold 1 to 5 requests');
  const reports = [];
  for (const request of requests) {
    if (request.viewId !== '99') return fail(403, 'PERMISSION_DENIED', `User does not have sufficient permissions for this profile.`);
    const metrics = (request.metrics as Array<{ expression: string; alias?: string }> | undefined) ?? [];
    if (metrics.length === 0) return fail(400, 'INVALID_ARGUMENT', 'Selected dimensions and metrics cannot be queried together.');
    const dimensions = ((request.dimensions as Array<{ name: string }> | undefined) ?? []).map((d) => d.name);
    const pageSize = request.pageSize === undefined ? 1000 : Number(request.pageSize);
    const offset = Number(request.pageToken ?? 0);
    const all = DAYS.slice(0, 25).map((day, i) => ({ dimensions: dimensions.map((d) => (d === 'ga:date' ? day : `${d}-${i}`)), metrics: [{ values: metrics.map((_, j) => String(i + j)) }] }));
    const rows = all.slice(offset, offset + Math.min(pageSize, maxRows));
    const next = offset + rows.length < all.length ? String(offset + rows.length) : undefined;
    reports.push({
      columnHeader: { dimensions, metricHeader: { metricHeaderEntries: metrics.map((m) => ({ name: m.alias || m.expression, type: 'INTEGER' })) } },
      data: { rows, totals: [{ values: metrics.map(() => '300') }], rowCount: all.length },
      ...(next ? { nextPageToken: next } : {}),
    });
  }
  return [200, { reports }];
}

function userActivity(body: Record<string, unknown>): Reply {
  if (!body.viewId || !(body.user as { userId?: string } | undefined)?.userId) return fail(400, 'INVALID_ARGUMENT', 'viewId and user.userId are required');
  const all = Array.from({ length: 7 }, (_, i) => ({ sessionId: `s${i}`, deviceCategory: 'desktop', platform: 'Windows', sessionDate: '2024-01-02', activities: [] }));
  const pageSize = body.pageSize === undefined ? 1000 : Number(body.pageSize);
  const offset = Number(body.pageToken ?? 0);
  const sessions = all.slice(offset, offset + Math.min(pageSize, 3));
  const next = offset + sessions.length < all.length ? String(offset + sessions.length) : undefined;
  return [200, { sessions, totalRows: all.length, sampleRate: 1, ...(next ? { nextPageToken: next } : {}) }];
}

function route(method: string, path: string, query: Record<string, string>, body: Record<string, unknown>, standIn: AnalyticsStandIn): Reply {
  const report = /^\/v1beta\/properties\/([^/:]+):runReport$/.exec(path);
  if (method === 'POST' && report) return runReport(decodeURIComponent(report[1]), body, standIn.maxRowsPerPage);
  const metadata = /^\/v1beta\/properties\/([^/]+)\/metadata$/.exec(path);
  if (method === 'GET' && metadata) {
    return [200, {
      name: `properties/${metadata[1]}/metadata`,
      dimensions: [...GA4_DIMENSIONS].map((d) => ({ apiName: d, uiName: d[0].toUpperCase() + d.slice(1), description: `The ${d}` })),
      metrics: [...GA4_METRICS].map((m) => ({ apiName: m, uiName: m, description: `The ${m}` })),
    }];
  }
  if (method === 'POST' && path === '/v4/reports:batchGet') return batchGet(body, standIn.maxRowsPerPage);
  if (method === 'POST' && path === '/v4/userActivity:search') return userActivity(body);
  if (method === 'GET' && path === '/v1alpha/accounts') return [200, { accounts: [{ name: 'accounts/100', displayName: 'Acme' }, { name: 'accounts/200', displayName: 'Beta' }] }];
  if (method === 'GET' && path === '/v1alpha/properties') {
    if (!query.filter?.startsWith('parent:')) return fail(400, 'INVALID_ARGUMENT', 'filter is required');
    const props: Record<string, unknown[]> = {
      'parent:accounts/100': [{ name: 'properties/123456', displayName: 'Shop' }, { name: 'properties/222', displayName: 'blog' }],
      'parent:accounts/200': [{ name: 'properties/333', displayName: 'App' }],
    };
    return [200, { properties: props[query.filter] ?? [] }];
  }
  if (method === 'GET' && path === '/analytics/v3/management/accounts/~all/webproperties/~all/profiles') {
    return [200, { kind: 'analytics#profiles', items: [
      { id: '99', accountId: '1', internalWebPropertyId: '2', name: 'Main view', websiteUrl: 'https://shop.example' },
      { id: '98', accountId: '1', internalWebPropertyId: '3', name: 'All data', websiteUrl: 'https://blog.example' },
    ] }];
  }
  if (method === 'GET' && path === '/analytics/v3/metadata/ga/columns') {
    return [200, { kind: 'analytics#columns', items: [
      { id: 'ga:browser', attributes: { type: 'DIMENSION', status: 'PUBLIC', uiName: 'Browser', description: 'The browser' } },
      { id: 'ga:city', attributes: { type: 'DIMENSION', status: 'PUBLIC', uiName: 'City', description: 'The city' } },
      { id: 'ga:oldThing', attributes: { type: 'DIMENSION', status: 'DEPRECATED', uiName: 'Old', description: '' } },
      { id: 'ga:users', attributes: { type: 'METRIC', status: 'PUBLIC', uiName: 'Users', description: 'Users' } },
    ] }];
  }
  return fail(404, 'NOT_FOUND', `Not found: ${method} ${path}`);
}

export async function startAnalyticsStandIn(): Promise<AnalyticsStandIn> {
  let armed: number | undefined;
  const standIn: AnalyticsStandIn = { url: '', seen: [], maxRowsPerPage: 250000, rateLimitOnce: (s) => { armed = s; }, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const reply = ([status, payload, headers]: Reply) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
        res.end(JSON.stringify(payload));
      };
      let body: Record<string, unknown> = {};
      try {
        body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> : {};
      } catch {
        return reply(fail(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.'));
      }
      const query = Object.fromEntries(url.searchParams.entries());
      standIn.seen.push({ method: req.method ?? '', path: url.pathname, query, authorization: req.headers.authorization ?? '', body });
      if (armed !== undefined) {
        const seconds = armed;
        armed = undefined;
        return reply([429, { error: { code: 429, message: 'Too many requests', status: 'RESOURCE_EXHAUSTED' } }, { 'retry-after': String(seconds) }]);
      }
      if (req.headers.authorization !== `Bearer ${GOOD_TOKEN}`) {
        return reply(fail(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.'));
      }
      reply(route(req.method ?? '', url.pathname, query, body, standIn));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  standIn.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  standIn.close = () => new Promise<void>((r) => server.close(() => r()));
  return standIn;
}
