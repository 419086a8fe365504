// Parameters of n8n's Google Analytics v1: Reporting API v4 reports (a view, metrics and dimensions
// as raw lists) and user activity.
import type { NodeProperty } from '../../engine/index.ts';
import { FORMATTING_TYPES, choice, show, userActivityProperties } from './google-analytics-fields.ts';

const report = show({ resource: ['report'], operation: ['get'] });

export const analyticsV1Properties: NodeProperty[] = [
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'report',
    options: [{ name: 'Report', value: 'report' }, { name: 'User Activity', value: 'userActivity' }] },
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'get', displayOptions: show({ resource: ['report'] }),
    options: [{ name: 'Get', value: 'get', description: 'Return the analytics data' }] },
  { displayName: 'View Name or ID', name: 'viewId', type: 'options', typeOptions: { loadOptionsMethod: 'getViews' }, default: '', required: true,
    placeholder: '123456', displayOptions: report, description: 'The View ID of Google Analytics. Choose from the list, or specify an ID using an expression.' },
  { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, displayOptions: report, description: 'Whether to return all results or only up to a given limit' },
  { displayName: 'Limit', name: 'limit', type: 'number', typeOptions: { minValue: 1, maxValue: 1000 }, default: 1000,
    displayOptions: show({ resource: ['report'], operation: ['get'], returnAll: [false] }), description: 'Max number of results to return' },
  { displayName: 'Simplify', name: 'simple', type: 'boolean', default: true, displayOptions: report,
    description: 'Whether to return a simplified version of the response instead of the raw data' },
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: report,
    options: [
      { displayName: 'Date Ranges', name: 'dateRangesUi', type: 'fixedCollection', placeholder: 'Add Date Range', default: {}, description: 'Date ranges in the request',
        options: [{ displayName: 'Date Range', name: 'dateRanges', values: [
          { displayName: 'Start Date', name: 'startDate', type: 'dateTime', default: '' },
          { displayName: 'End Date', name: 'endDate', type: 'dateTime', default: '' },
        ] }] },
      { displayName: 'Dimensions', name: 'dimensionUi', type: 'fixedCollection', default: {}, typeOptions: { multipleValues: true }, placeholder: 'Add Dimension',
        description: 'Dimensions are attributes of your data',
        options: [{ displayName: 'Dimension', name: 'dimensionValues', values: [
          { displayName: 'Name or ID', name: 'name', type: 'options', typeOptions: { loadOptionsMethod: 'getDimensions' }, default: '',
            description: 'Name of the dimension to fetch, for example ga:browser' },
        ] }] },
      { displayName: 'Dimension Filters', name: 'dimensionFiltersUi', type: 'fixedCollection', default: {}, typeOptions: { multipleValues: true },
        placeholder: 'Add Dimension Filter', description: 'Dimension Filters in the request',
        options: [{ displayName: 'Filters', name: 'filterValues', values: [
          { displayName: 'Dimension Name or ID', name: 'dimensionName', type: 'options', typeOptions: { loadOptionsMethod: 'getDimensions' }, default: '',
            description: 'Name of the dimension to filter by' },
          { displayName: 'Operator', name: 'operator', type: 'options', default: 'EXACT', description: 'Operator to use in combination with value',
            options: choice([['Begins With', 'BEGINS_WITH'], ['Ends With', 'ENDS_WITH'], ['Equal (Number)', 'NUMERIC_EQUAL'], ['Exact', 'EXACT'],
              ['Greater Than (Number)', 'NUMERIC_GREATER_THAN'], ['Less Than (Number)', 'NUMERIC_LESS_THAN'], ['Partial', 'PARTIAL'], ['Regular Expression', 'REGEXP']]) },
          { displayName: 'Value', name: 'expressions', type: 'string', default: '', placeholder: 'ga:newUsers', description: 'String or regular expression to match against' },
        ] }] },
      { displayName: 'Hide Totals', name: 'hideTotals', type: 'boolean', default: false, description: 'Whether to hide the total of all metrics for all the matching rows, for every date range' },
      { displayName: 'Hide Value Ranges', name: 'hideValueRanges', type: 'boolean', default: false, description: 'Whether to hide the minimum and maximum across all matching rows' },
      { displayName: 'Include Empty Rows', name: 'includeEmptyRows', type: 'boolean', default: false, description: 'Whether the response exclude rows if all the retrieved metrics are equal to zero' },
      { displayName: 'Metrics', name: 'metricsUi', type: 'fixedCollection', default: {}, typeOptions: { multipleValues: true }, placeholder: 'Add Metrics', description: 'Metrics in the request',
        options: [{ displayName: 'Metric', name: 'metricValues', values: [
          { displayName: 'Alias', name: 'alias', type: 'string', default: '', description: 'An alias for the metric expression is an alternate name for the expression' },
          { displayName: 'Expression', name: 'expression', type: 'string', default: 'ga:newUsers', description: 'A metric expression in the request, like ga:users' },
          { displayName: 'Formatting Type', name: 'formattingType', type: 'options', default: 'INTEGER', options: FORMATTING_TYPES,
            description: 'Specifies how the metric expression should be formatted' },
        ] }] },
      { displayName: 'Use Resource Quotas', name: 'useResourceQuotas', type: 'boolean', default: false, description: 'Whether to enable resource based quotas' },
    ] },
  ...userActivityProperties,
];
