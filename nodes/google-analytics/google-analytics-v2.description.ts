// Parameters of n8n's Google Analytics v2: report get for a GA4 property (Analytics Data API) or a
// Universal Analytics view (Reporting API v4), chosen by `propertyType`, and user activity.
import type { NodeProperty } from '../../engine/index.ts';
import {
  DATE_RANGES, FORMATTING_TYPES, UA_FILTER_OPERATORS, choice, show, userActivityProperties,
} from './google-analytics-fields.ts';

const forType = (propertyType: string, more: Record<string, unknown[]> = {}) => show({ resource: ['report'], operation: ['get'], propertyType: [propertyType], ...more });
const custom = { show: { listName: ['custom'] } };
const other = { show: { listName: ['other'] } };

const GA4_DIMENSIONS = choice([
  ['Browser', 'browser'], ['Campaign', 'campaignName'], ['City', 'city'], ['Country', 'country'], ['Date', 'date'], ['Device Category', 'deviceCategory'],
  ['Item Name', 'itemName'], ['Language', 'language'], ['Page Location', 'pageLocation'], ['Source / Medium', 'sourceMedium'], ['Other dimensions…', 'other'],
]);
const GA4_METRICS = choice([
  ['1 Day Active Users', 'active1DayUsers'], ['28 Day Active Users', 'active28DayUsers'], ['7 Day Active Users', 'active7DayUsers'], ['Checkouts', 'checkouts'],
  ['Events', 'eventCount'], ['Page Views', 'screenPageViews'], ['Session Duration', 'userEngagementDuration'], ['Sessions', 'sessions'],
  ['Sessions per User', 'sessionsPerUser'], ['Total Users', 'totalUsers'], ['Other metrics…', 'other'], ['Custom metric…', 'custom'],
]);

const ga4DimensionDropdown: NodeProperty[] = [
  { displayName: 'Dimension', name: 'listName', type: 'options', default: 'date', options: GA4_DIMENSIONS },
  { displayName: 'Name or ID', name: 'name', type: 'options', typeOptions: { loadOptionsMethod: 'getDimensionsGA4', loadOptionsDependsOn: ['propertyId.value'] },
    default: 'date', description: 'The name of the dimension', displayOptions: other },
];
const ga4MetricDropdown: NodeProperty[] = [
  { displayName: 'Metric', name: 'listName', type: 'options', default: 'totalUsers', options: GA4_METRICS },
  { displayName: 'Name or ID', name: 'name', type: 'options', typeOptions: { loadOptionsMethod: 'getMetricsGA4', loadOptionsDependsOn: ['propertyId.value'] },
    default: 'totalUsers', description: 'The name of the metric', displayOptions: other },
  { displayName: 'Name', name: 'name', type: 'string', default: 'custom_metric', displayOptions: custom },
];

const valueType: NodeProperty = { displayName: 'Value Type', name: 'valueType', type: 'options', default: 'doubleValue',
  options: choice([['Double Value', 'doubleValue'], ['Integer Value', 'int64Value']]) };
const numericOperation: NodeProperty = { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'EQUAL',
  options: choice([['Equal', 'EQUAL'], ['Greater Than', 'GREATER_THAN'], ['Greater than or Equal', 'GREATER_THAN_OR_EQUAL'], ['Less Than', 'LESS_THAN'], ['Less than or Equal', 'LESS_THAN_OR_EQUAL']]) };
const str = (displayName: string, name: string, more: Partial<NodeProperty> = {}): NodeProperty => ({ displayName, name, type: 'string', default: '', ...more });
const caseSensitive: NodeProperty = { displayName: 'Case Sensitive', name: 'caseSensitive', type: 'boolean', default: true };

const filterField = (displayName: string, name: string, expressions: NodeProperty['options']): NodeProperty => ({
  displayName, name, type: 'fixedCollection', default: {}, placeholder: 'Add Filter',
  options: [{ displayName: 'Filter Expressions', name: 'filterExpressions', values: [
    { displayName: 'Filter Expression Type', name: 'filterExpressionType', type: 'options', default: 'andGroup', options: choice([['And Group', 'andGroup'], ['Or Group', 'orGroup']]) },
    { displayName: 'Expression', name: 'expression', type: 'fixedCollection', typeOptions: { multipleValues: true }, default: {}, placeholder: 'Add Expression', options: expressions },
  ] }],
});

const dimensionFilters = filterField('Dimensions Filters', 'dimensionFiltersUI', [
  { displayName: 'String Filter', name: 'stringFilter', values: [...ga4DimensionDropdown, str('Value', 'value'), caseSensitive,
    { displayName: 'Match Type', name: 'matchType', type: 'options', default: 'EXACT', options: choice([['Begins With', 'BEGINS_WITH'], ['Contains Value', 'CONTAINS'],
      ['Ends With', 'ENDS_WITH'], ['Exact Match', 'EXACT'], ['Full Match for the Regular Expression', 'FULL_REGEXP'], ['Partial Match for the Regular Expression', 'PARTIAL_REGEXP']]) }] },
  { displayName: 'In List Filter', name: 'inListFilter', values: [...ga4DimensionDropdown, str('Values', 'values', { description: 'Comma separated list of values. Must be non-empty.' }), caseSensitive] },
  { displayName: 'Numeric Filter', name: 'numericFilter', values: [...ga4DimensionDropdown, valueType, str('Value', 'value'), numericOperation] },
]);
const metricFilters = filterField('Metrics Filters', 'metricsFiltersUI', [
  { displayName: 'Between Filter', name: 'betweenFilter', values: [...ga4MetricDropdown, valueType, str('From Value', 'fromValue'), str('To Value', 'toValue')] },
  { displayName: 'Numeric Filter', name: 'numericFilter', values: [...ga4MetricDropdown, valueType, str('Value', 'value'), numericOperation] },
]);

const locator = (name: string, displayName: string, description: string, searchListMethod: string, propertyType: string): NodeProperty => ({
  displayName, name, type: 'resourceLocator', default: { mode: 'list', value: '' }, required: true, description,
  
  modes: [
    { displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod, searchFilterRequired: false, searchable: false } },
    { displayName: 'By URL', name: 'url', type: 'string', placeholder: 'https://analytics.google.com/analytics/...',
      extractValue: { type: 'regex', regex: propertyType === 'ga4' ? '.*analytics\\.google\\.com\\/analytics.*\\/p([0-9]{1,})(?:\\/.*|)' : '.*analytics.google.com/analytics.*p([0-9]{1,})' } },
    { displayName: 'By ID', name: 'id', type: 'string', placeholder: '123456' },
  ],
  displayOptions: forType(propertyType),
} as NodeProperty);

const common = (propertyType: string): NodeProperty[] => [
  { displayName: 'Date Range', name: 'dateRange', type: 'options', required: true, default: 'last7days', options: DATE_RANGES, displayOptions: forType(propertyType) },
  { displayName: 'Start', name: 'startDate', type: 'dateTime', default: '', placeholder: 'Eight days ago', displayOptions: forType(propertyType, { dateRange: ['custom'] }) },
  { displayName: 'End', name: 'endDate', type: 'dateTime', default: '', placeholder: 'Yesterday', displayOptions: forType(propertyType, { dateRange: ['custom'] }) },
];
const paging = (propertyType: string): NodeProperty[] => [
  { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, description: 'Whether to return all results or only up to a given limit', displayOptions: forType(propertyType) },
  { displayName: 'Limit', name: 'limit', type: 'number', typeOptions: { minValue: 1, maxValue: 1000 }, default: 50, description: 'Max number of results to return',
    displayOptions: forType(propertyType, { returnAll: [false] }) },
  { displayName: 'Simplify Output', name: 'simple', type: 'boolean', default: true, description: 'Whether to return a simplified version of the response instead of the raw data',
    displayOptions: forType(propertyType) },
];
const rawOnly = { show: { '/simple': [false] } };

const ga4Properties: NodeProperty[] = [
  locator('propertyId', 'Property', 'The Property of Google Analytics', 'searchProperties', 'ga4'),
  ...common('ga4'),
  { displayName: 'Metrics', name: 'metricsGA4', type: 'fixedCollection', default: { metricValues: [{ listName: 'totalUsers' }] }, typeOptions: { multipleValues: true },
    placeholder: 'Add Metric', description: 'The quantitative measurements of a report. Requests are allowed up to 10 metrics.', displayOptions: forType('ga4'),
    options: [{ displayName: 'Values', name: 'metricValues', values: [...ga4MetricDropdown,
      str('Expression', 'expression', { placeholder: 'e.g. eventCount/totalUsers', description: 'A mathematical expression for derived metrics', displayOptions: custom }),
      { displayName: 'Invisible', name: 'invisible', type: 'boolean', default: false, displayOptions: custom, description: 'Whether a metric is invisible in the report response' },
    ] }] },
  { displayName: 'Dimensions to split by', name: 'dimensionsGA4', type: 'fixedCollection', default: { dimensionValues: [{ listName: 'date' }] }, typeOptions: { multipleValues: true },
    placeholder: 'Add Dimension', description: 'Dimensions are attributes of your data. Requests are allowed up to 9 dimensions.', displayOptions: forType('ga4'),
    options: [{ displayName: 'Values', name: 'dimensionValues', values: ga4DimensionDropdown }] },
  ...paging('ga4'),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: forType('ga4'),
    options: [
      str('Currency Code', 'currencyCode', { description: 'A currency code in ISO4217 format, such as "AED", "USD", "JPY"' }),
      dimensionFilters,
      { displayName: 'Metric Aggregation', name: 'metricAggregations', type: 'multiOptions', default: [], displayOptions: rawOnly,
        options: choice([['MAXIMUM', 'MAXIMUM'], ['MINIMUM', 'MINIMUM'], ['TOTAL', 'TOTAL']]) },
      metricFilters,
      { displayName: 'Keep Empty Rows', name: 'keepEmptyRows', type: 'boolean', default: false, description: 'Whether rows with all metrics equal to 0 are returned' },
      { displayName: 'Order By', name: 'orderByUI', type: 'fixedCollection', default: {}, typeOptions: { multipleValues: true }, placeholder: 'Add Order',
        description: 'Specifies how rows are ordered in the response',
        options: [
          { displayName: 'Metric Order By', name: 'metricOrderBy', values: [
            { displayName: 'Descending', name: 'desc', type: 'boolean', default: false, description: 'Whether true, sorts by descending order' },
            { displayName: 'Metric Name or ID', name: 'metricName', type: 'options', typeOptions: { loadOptionsMethod: 'getMetricsGA4', loadOptionsDependsOn: ['propertyId.value'] }, default: '' },
          ] },
          { displayName: 'Dimmension Order By', name: 'dimmensionOrderBy', values: [
            { displayName: 'Descending', name: 'desc', type: 'boolean', default: false, description: 'Whether true, sorts by descending order' },
            { displayName: 'Dimmension Name or ID', name: 'dimensionName', type: 'options', typeOptions: { loadOptionsMethod: 'getDimensionsGA4', loadOptionsDependsOn: ['propertyId.value'] }, default: '' },
            { displayName: 'Order Type', name: 'orderType', type: 'options', default: 'ORDER_TYPE_UNSPECIFIED', options: choice([['Alphanumeric', 'ALPHANUMERIC'],
              ['Case Insensitive Alphanumeric', 'CASE_INSENSITIVE_ALPHANUMERIC'], ['Numeric', 'NUMERIC'], ['Unspecified', 'ORDER_TYPE_UNSPECIFIED']]) },
          ] },
        ] },
      { displayName: 'Return Property Quota', name: 'returnPropertyQuota', type: 'boolean', default: false, displayOptions: rawOnly,
        description: "Whether to return the current state of this Analytics Property's quota" },
    ] },
];

const UA_DIMENSIONS = choice([
  ['Browser', 'ga:browser'], ['Campaign', 'ga:campaign'], ['City', 'ga:city'], ['Country', 'ga:country'], ['Date', 'ga:date'], ['Device Category', 'ga:deviceCategory'],
  ['Item Name', 'ga:productName'], ['Language', 'ga:language'], ['Page', 'ga:pagePath'], ['Source / Medium', 'ga:sourceMedium'], ['Other dimensions…', 'other'],
]);
const uaDimensionDropdown: NodeProperty[] = [
  { displayName: 'Dimension', name: 'listName', type: 'options', default: 'ga:date', options: UA_DIMENSIONS },
  { displayName: 'Name or ID', name: 'name', type: 'options', typeOptions: { loadOptionsMethod: 'getDimensions', loadOptionsDependsOn: ['viewId.value'] },
    default: 'ga:date', description: 'Name of the dimension to fetch, for example ga:browser', displayOptions: other },
];

const universalProperties: NodeProperty[] = [
  locator('viewId', 'View', 'The View of Google Analytics', 'searchViews', 'universal'),
  ...common('universal'),
  { displayName: 'Metrics', name: 'metricsUA', type: 'fixedCollection', default: { metricValues: [{ listName: 'ga:users' }] }, typeOptions: { multipleValues: true },
    placeholder: 'Add metric', description: 'Metrics in the request', displayOptions: forType('universal'),
    options: [{ displayName: 'Metric', name: 'metricValues', values: [
      { displayName: 'Metric', name: 'listName', type: 'options', default: 'ga:users', options: choice([['Checkouts', 'ga:productCheckouts'], ['Events', 'ga:totalEvents'],
        ['Page Views', 'ga:pageviews'], ['Session Duration', 'ga:sessionDuration'], ['Sessions', 'ga:sessions'], ['Sessions per User', 'ga:sessionsPerUser'],
        ['Total Users', 'ga:users'], ['Other metrics…', 'other'], ['Custom metric…', 'custom']]) },
      { displayName: 'Name or ID', name: 'name', type: 'options', typeOptions: { loadOptionsMethod: 'getMetrics', loadOptionsDependsOn: ['viewId.value'] }, default: 'ga:users',
        description: 'The name of the metric', displayOptions: other },
      { displayName: 'Name', name: 'name', type: 'string', default: 'custom_metric', displayOptions: custom },
      str('Expression', 'expression', { placeholder: 'e.g. ga:totalRefunds/ga:users', description: 'A metric expression', displayOptions: custom }),
      { displayName: 'Formatting Type', name: 'formattingType', type: 'options', default: 'INTEGER', options: FORMATTING_TYPES,
        description: 'Specifies how the metric expression should be formatted', displayOptions: custom },
    ] }] },
  { displayName: 'Dimensions to split by', name: 'dimensionsUA', type: 'fixedCollection', default: { dimensionValues: [{ listName: 'ga:date' }] }, typeOptions: { multipleValues: true },
    placeholder: 'Add Dimension', description: 'Dimensions are attributes of your data', displayOptions: forType('universal'),
    options: [{ displayName: 'Values', name: 'dimensionValues', values: uaDimensionDropdown }] },
  ...paging('universal'),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: forType('universal'),
    options: [
      { displayName: 'Dimension Filters', name: 'dimensionFiltersUi', type: 'fixedCollection', default: {}, typeOptions: { multipleValues: true },
        placeholder: 'Add Dimension Filter', description: 'Dimension Filters in the request',
        options: [{ displayName: 'Filters', name: 'filterValues', values: [...uaDimensionDropdown,
          { displayName: 'Operator', name: 'operator', type: 'options', default: 'EXACT', options: UA_FILTER_OPERATORS, description: 'Operator to use in combination with value' },
          str('Value', 'expressions', { description: 'String or regular expression to match against' }),
        ] }] },
      { displayName: 'Hide Totals', name: 'hideTotals', type: 'boolean', default: false, displayOptions: rawOnly,
        description: 'Whether to hide the total of all metrics for all the matching rows, for every date range' },
      { displayName: 'Hide Value Ranges', name: 'hideValueRanges', type: 'boolean', default: false, displayOptions: rawOnly,
        description: 'Whether to hide the minimum and maximum across all matching rows' },
      { displayName: 'Include Empty Rows', name: 'includeEmptyRows', type: 'boolean', default: false, description: 'Whether the response exclude rows if all the retrieved metrics are equal to zero' },
      { displayName: 'Use Resource Quotas', name: 'useResourceQuotas', type: 'boolean', default: false, displayOptions: rawOnly, description: 'Whether to enable resource based quotas' },
    ] },
];

export const analyticsV2Properties: NodeProperty[] = [
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'report',
    options: [{ name: 'Report', value: 'report' }, { name: 'User Activity', value: 'userActivity' }] },
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'get', displayOptions: show({ resource: ['report'] }),
    options: [{ name: 'Get', value: 'get', description: 'Return the analytics data' }] },
  { displayName: 'Property Type', name: 'propertyType', type: 'options', noDataExpression: true, default: 'ga4',
    description: 'Google Analytics 4 is the latest version. Universal Analytics is an older version that is not fully functional after the end of June 2023.',
    options: choice([['Google Analytics 4', 'ga4'], ['Universal Analytics', 'universal']]), displayOptions: show({ resource: ['report'], operation: ['get'] }) },
  ...ga4Properties,
  ...universalProperties,
  ...userActivityProperties,
];
