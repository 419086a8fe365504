// Building blocks of the Google Analytics node's parameters shared by its versions and report kinds.
import type { NodeProperty } from '../../engine/index.ts';

export const choice = (pairs: Array<[string, string]>) => pairs.map(([name, value]) => ({ name, value }));

export const show = (conditions: Record<string, unknown[]>): NodeProperty['displayOptions'] => ({ show: conditions });

export const DATE_RANGES = choice([
  ['Last 7 Days', 'last7days'], ['Last 30 Days', 'last30days'], ['Today', 'today'], ['Yesterday', 'yesterday'],
  ['Last Complete Calendar Week', 'lastCalendarWeek'], ['Last Complete Calendar Month', 'lastCalendarMonth'], ['Custom', 'custom'],
]);

export const FORMATTING_TYPES = choice([['Currency', 'CURRENCY'], ['Float', 'FLOAT'], ['Integer', 'INTEGER'], ['Percent', 'PERCENT'], ['Time', 'TIME']]);

export const UA_FILTER_OPERATORS = choice([
  ['Begins With', 'BEGINS_WITH'], ['Ends With', 'ENDS_WITH'], ['Equals (Number)', 'NUMERIC_EQUAL'], ['Exactly Matches', 'EXACT'],
  ['Greater Than (Number)', 'NUMERIC_GREATER_THAN'], ['Less Than (Number)', 'NUMERIC_LESS_THAN'], ['Partly Matches', 'PARTIAL'], ['Regular Expression', 'REGEXP'],
]);

/**
 * n8n fixes the custom range's defaults (eight days ago, yesterday) when the node type loads. Weft's node
 * catalog must be the same on every day, so the fields default to empty and a run works the dates out.
 */
export function customRangeDefault(field: 'startDate' | 'endDate', now = new Date()): string {
  const date = new Date(now);
  date.setHours(0, 0, 0, 0);
  date.setDate(date.getDate() - (field === 'startDate' ? 8 : 1));
  return date.toISOString();
}

export const userActivityProperties: NodeProperty[] = [
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'search', displayOptions: show({ resource: ['userActivity'] }),
    options: [{ name: 'Search', value: 'search', description: 'Return user activity data' }] },
  { displayName: 'View Name or ID', name: 'viewId', type: 'options', typeOptions: { loadOptionsMethod: 'getViews' }, default: '', required: true,
    placeholder: '123456', description: 'The view from Google Analytics. Choose from the list, or specify an ID using an expression.',
    displayOptions: show({ resource: ['userActivity'], operation: ['search'] }) },
  { displayName: 'User ID', name: 'userId', type: 'string', default: '', required: true, placeholder: '123456', description: 'ID of a user',
    displayOptions: show({ resource: ['userActivity'], operation: ['search'] }) },
  { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, description: 'Whether to return all results or only up to a given limit',
    displayOptions: show({ operation: ['search'], resource: ['userActivity'] }) },
  { displayName: 'Limit', name: 'limit', type: 'number', typeOptions: { minValue: 1, maxValue: 500 }, default: 100, description: 'Max number of results to return',
    displayOptions: show({ operation: ['search'], resource: ['userActivity'], returnAll: [false] }) },
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {},
    displayOptions: show({ operation: ['search'], resource: ['userActivity'] }),
    options: [{ displayName: 'Activity Types', name: 'activityTypes', type: 'multiOptions', default: [], description: 'Type of activites requested',
      options: choice([['Ecommerce', 'ECOMMERCE'], ['Event', 'EVENT'], ['Goal', 'GOAL'], ['Pageview', 'PAGEVIEW'], ['Screenview', 'SCREENVIEW']]) }] },
];
