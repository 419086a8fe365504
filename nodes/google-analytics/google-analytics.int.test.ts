// The Google Analytics node (v2 and v1) against a local stand-in of Google's Analytics APIs
// (google-analytics-stand-in.ts, written from their REST references): request bodies, paging and outputs.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { methodContext } from '../node-methods.ts';
import { testGoogleAnalyticsOAuth2Credential } from './google-analytics-credential-test.ts';
import { GOOD_TOKEN, startAnalyticsStandIn, type AnalyticsStandIn } from './google-analytics-stand-in.ts';
import { googleAnalyticsNode } from './google-analytics.node.ts';

let ga: AnalyticsStandIn;
const ENV = ['WEFT_GOOGLE_ANALYTICS_DATA_API_URL', 'WEFT_GOOGLE_ANALYTICS_REPORTING_API_URL', 'WEFT_GOOGLE_ANALYTICS_ADMIN_API_URL', 'WEFT_GOOGLE_ANALYTICS_MANAGEMENT_API_URL'];
const saved = ENV.map((name) => process.env[name]);
const credentials = { googleAnalyticsOAuth2: { oauthTokenData: { access_token: GOOD_TOKEN } } };

beforeAll(async () => {
  ga = await startAnalyticsStandIn();
  for (const name of ENV) process.env[name] = ga.url;
});
afterAll(async () => {
  ENV.forEach((name, i) => {
    if (saved[i] === undefined) delete process.env[name];
    else process.env[name] = saved[i];
  });
  await ga.close();
});
beforeEach(() => {
  ga.seen.length = 0;
  ga.maxRowsPerPage = 250000;
});

const node = (typeVersion: number, parameters: Record<string, unknown>, continueOnFail = false) => ({
  name: 'Google Analytics', type: 'n8n-nodes-base.googleAnalytics', typeVersion, parameters, continueOnFail,
  credentials: { googleAnalyticsOAuth2: { id: '1', name: 'GA' } },
});
const run = (typeVersion: number, parameters: Record<string, unknown>, continueOnFail = false) =>
  runChain([node(typeVersion, parameters, continueOnFail)], { items: [{ json: {} }], credentials });
const property = { __rl: true, mode: 'list', value: '123456' };
const today = () => DateTime.now().toISODate();

describe('Google Analytics v2, GA4 reports', () => {
  it('runs a report with n8n’s defaults (GA4, last 7 days, totalUsers by date, limit 50) and simplifies the rows', async () => {
    const result = await run(2, { propertyId: property });
    const out = outputOf(result, 'Google Analytics');
    expect(out).toHaveLength(30);
    expect(out[0]).toEqual({ json: { date: '20240101', totalUsers: '1' }, pairedItem: { item: 0 } });
    expect(ga.seen[0]).toMatchObject({ method: 'POST', path: '/v1beta/properties/123456:runReport', authorization: `Bearer ${GOOD_TOKEN}` });
    expect(ga.seen[0].body).toEqual({
      dateRanges: [{ startDate: DateTime.now().minus({ days: 7 }).toISODate(), endDate: today() }],
      metrics: [{ name: 'totalUsers' }], dimensions: [{ name: 'date' }], limit: 50,
    });
  });

  it('a custom range left empty runs from eight days ago to yesterday, worked out on the day of the run as n8n does', async () => {
    await run(2, { propertyId: property, dateRange: 'custom' });
    expect(ga.seen[0].body).toMatchObject({
      dateRanges: [{ startDate: DateTime.now().minus({ days: 8 }).toISODate(), endDate: DateTime.now().minus({ days: 1 }).toISODate() }],
    });
  });

  it('builds custom metrics, other dimensions, filters, order and a custom range from the parameters; raw output', async () => {
    const result = await run(2, {
      propertyId: { __rl: true, mode: 'url', value: 'https://analytics.google.com/analytics/web/#/p123456/reports' },
      dateRange: 'custom', startDate: '2024-01-01T00:00:00', endDate: '2024-01-31T00:00:00', simple: false,
      metricsGA4: { metricValues: [{ listName: 'sessions' }, { listName: 'custom', name: 'perUser', expression: 'sessions/totalUsers', invisible: false }] },
      dimensionsGA4: { dimensionValues: [{ listName: 'other', name: 'country' }] },
      additionalFields: {
        currencyCode: 'EUR', keepEmptyRows: true,
        dimensionFiltersUI: { filterExpressions: { filterExpressionType: 'orGroup', expression: {
          stringFilter: [{ listName: 'country', value: 'DE', matchType: 'EXACT', caseSensitive: false }],
          inListFilter: [{ listName: 'other', name: 'city', values: 'Berlin,Paris', caseSensitive: true }],
        } } },
        metricsFiltersUI: { filterExpressions: { filterExpressionType: 'andGroup', expression: {
          numericFilter: [{ listName: 'sessions', valueType: 'int64Value', value: '10', operation: 'GREATER_THAN' }],
        } } },
        orderByUI: { metricOrderBy: [{ desc: true, metricName: 'sessions' }] },
      },
    });
    expect(ga.seen[0].body).toEqual({
      dateRanges: [{ startDate: '2024-01-01', endDate: '2024-01-31' }],
      metrics: [{ name: 'sessions' }, { name: 'perUser', expression: 'sessions/totalUsers' }],
      dimensions: [{ name: 'country' }],
      currencyCode: 'EUR', keepEmptyRows: true,
      dimensionFilter: { orGroup: { expressions: [
        { filter: { fieldName: 'country', stringFilter: { value: 'DE', matchType: 'EXACT', caseSensitive: false } } },
        { filter: { fieldName: 'city', inListFilter: { values: ['Berlin', 'Paris'], caseSensitive: true } } },
      ] } },
      metricFilter: { andGroup: { expressions: [{ filter: { fieldName: 'sessions', numericFilter: { value: { int64Value: '10' }, operation: 'GREATER_THAN' } } }] } },
      orderBys: [{ desc: true, metric: { metricName: 'sessions' } }],
      limit: 50,
    });
    const [report] = outputOf(result, 'Google Analytics');
    expect(report.json).toMatchObject({ rowCount: 30, kind: 'analyticsData#runReport' });
  });

  it('returns all rows with offset paging until rowCount, after a 429', async () => {
    ga.maxRowsPerPage = 12;
    ga.rateLimitOnce(0);
    const result = await run(2, { propertyId: property, returnAll: true });
    expect(outputOf(result, 'Google Analytics')).toHaveLength(30);
    const reports = ga.seen.filter((s) => s.path.endsWith(':runReport'));
    expect(reports.map((s) => [s.body.limit, s.body.offset])).toEqual([[100000, 0], [100000, 0], [100000, 12], [100000, 24]]);
  });

  it('fails on a duplicated metric before calling, and with Google’s first message line on a bad one', async () => {
    const twice = await run(2, { propertyId: property, metricsGA4: { metricValues: [{ listName: 'sessions' }, { listName: 'sessions' }] } });
    expect(twice.data.resultData.error?.message).toBe('A metrics is specified more than once (sessions)');
    expect(ga.seen).toHaveLength(0);
    const bad = await run(2, { propertyId: property, metricsGA4: { metricValues: [{ listName: 'other', name: 'nope' }] } }, true);
    expect(outputOf(bad, 'Google Analytics')).toEqual([{ json: { error: 'Field nope is not a valid metric.' }, pairedItem: { item: 0 } }]);
  });
});

describe('Google Analytics v2, Universal Analytics and user activity', () => {
  it('gets a UA report with aliases, pageSize = limit and simplified rows', async () => {
    const result = await run(2, { propertyType: 'universal', viewId: { __rl: true, mode: 'id', value: '99' }, dateRange: 'yesterday', limit: 5,
      additionalFields: { includeEmptyRows: true, dimensionFiltersUi: { filterValues: [{ listName: 'ga:country', operator: 'EXACT', expressions: 'DE' }] } } });
    const yesterday = DateTime.now().minus({ days: 1 }).toISODate();
    expect(ga.seen[0]).toMatchObject({ path: '/v4/reports:batchGet', query: {} });
    expect(ga.seen[0].body).toEqual({ reportRequests: [{
      viewId: '99', dateRanges: [{ startDate: yesterday, endDate: yesterday }], metrics: [{ alias: 'ga:users', expression: 'ga:users' }], dimensions: [{ name: 'ga:date' }],
      dimensionFilterClauses: { filters: [{ dimensionName: 'ga:country', operator: 'EXACT', expressions: ['DE'] }] }, includeEmptyRows: true, pageSize: 5,
    }] });
    expect(outputOf(result, 'Google Analytics')[0].json).toEqual({ 'ga:date': '20240101', 'ga:users': '0' });
  });

  it('follows nextPageToken for all UA rows and merges the pages into one raw report', async () => {
    ga.maxRowsPerPage = 10;
    const result = await run(2, { propertyType: 'universal', viewId: { __rl: true, mode: 'id', value: '99' }, returnAll: true, simple: false,
      additionalFields: { hideValueRanges: true, hideTotals: true, useResourceQuotas: true } });
    const [merged] = outputOf(result, 'Google Analytics');
    expect(((merged.json.data as { rows: unknown[] }).rows)).toHaveLength(25);
    expect(ga.seen.map((s) => (s.body.reportRequests as Array<{ pageToken?: string }>)[0].pageToken ?? null)).toEqual([null, '10', '20']);
    expect(ga.seen[0].query).toEqual({ useResourceQuotas: 'true' });
    expect(ga.seen[0].body.reportRequests).toMatchObject([{ hideValueRanges: true, hideTotals: true }]);
  });

  it('searches user activity up to the limit, and all sessions page by page', async () => {
    const some = await run(2, { resource: 'userActivity', viewId: '99', userId: 'u1', limit: 2, additionalFields: { activityTypes: ['PAGEVIEW'] } });
    expect(ga.seen[0].body).toEqual({ viewId: '99', user: { userId: 'u1' }, activityTypes: ['PAGEVIEW'], pageSize: 2 });
    expect(outputOf(some, 'Google Analytics')).toHaveLength(2);
    const all = await run(2, { resource: 'userActivity', viewId: '99', userId: 'u1', returnAll: true });
    expect(outputOf(all, 'Google Analytics').map((i) => i.json.sessionId)).toEqual(['s0', 's1', 's2', 's3', 's4', 's5', 's6']);
    expect(ga.seen.slice(1).map((s) => s.body.pageToken ?? null)).toEqual([null, '3', '6']);
  });
});

describe('Google Analytics v1', () => {
  it('gets a report with the raw metric, dimension and date range lists', async () => {
    const result = await run(1, { viewId: '99', additionalFields: {
      dateRangesUi: { dateRanges: { startDate: '2024-02-01T00:00:00.000Z', endDate: '2024-02-10T00:00:00.000Z' } },
      metricsUi: { metricValues: [{ alias: 'Users', expression: 'ga:users', formattingType: 'INTEGER' }] },
      dimensionUi: { dimensionValues: [{ name: 'ga:date' }] },
    } });
    expect(ga.seen[0].body).toEqual({ reportRequests: [{ viewId: '99', dateRanges: [{ startDate: '2024-02-01', endDate: '2024-02-10' }],
      metrics: [{ alias: 'Users', expression: 'ga:users', formattingType: 'INTEGER' }], dimensions: [{ name: 'ga:date' }] }] });
    expect(outputOf(result, 'Google Analytics')[0].json).toEqual({ 'ga:date': '20240101', Users: '0' });
  });
});

describe('Google Analytics editor lists', () => {
  const ctx = (kind: 'loadOptions' | 'listSearch', method: string, currentNodeParameters: Record<string, unknown>) => methodContext({ nodeType: googleAnalyticsNode, kind, method,
    currentNodeParameters, credentials: { googleAnalyticsOAuth2: { id: '1', name: 'x' } } },
  { getCredentials: async () => credentials.googleAnalyticsOAuth2, credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });

  it('searches GA4 properties across accounts and UA views, sorted by name', async () => {
    const properties = await googleAnalyticsNode.methods!.listSearch!.searchProperties(ctx('listSearch', 'searchProperties', { resource: 'report' }));
    expect(properties.results.map((p) => [p.name, p.value])).toEqual([['App', '333'], ['blog', '222'], ['Shop', '123456']]);
    expect(properties.results[2].url).toBe('https://analytics.google.com/analytics/web/#/p123456/');
    expect(ga.seen.filter((s) => s.path === '/v1alpha/properties').map((s) => s.query.filter)).toEqual(['parent:accounts/100', 'parent:accounts/200']);
    const views = await googleAnalyticsNode.methods!.listSearch!.searchViews(ctx('listSearch', 'searchViews', { propertyType: 'universal' }));
    expect(views.results[0]).toEqual({ name: 'All data [https://blog.example]', value: '98', url: 'https://analytics.google.com/analytics/web/#/report-home/a1w3p98' });
  });

  it('loads a property’s GA4 metrics and the UA dimensions without deprecated ones', async () => {
    const metrics = await googleAnalyticsNode.methods!.loadOptions!.getMetricsGA4(ctx('loadOptions', 'getMetricsGA4', { propertyId: property }));
    expect(metrics.map((m) => m.value)).toContain('sessions');
    expect(ga.seen[0]).toMatchObject({ path: '/v1beta/properties/123456/metadata', query: { fields: 'metrics' } });
    const dimensions = await googleAnalyticsNode.methods!.loadOptions!.getDimensions(ctx('loadOptions', 'getDimensions', {}));
    expect(dimensions.map((d) => d.value)).toEqual(['ga:browser', 'ga:city']);
  });
});

describe('Google Analytics credential test', () => {
  it('lists the accounts with the token, and repeats Google’s refusal', async () => {
    await expect(testGoogleAnalyticsOAuth2Credential(credentials.googleAnalyticsOAuth2, 5000)).resolves.toBe('Connection tested successfully');
    expect(ga.seen[0].path).toBe('/v1alpha/accounts');
    await expect(testGoogleAnalyticsOAuth2Credential({ oauthTokenData: { access_token: 'x' } }, 5000)).rejects.toThrow(/^Google answered 401: Request had invalid authentication credentials/);
  });
});
