// Builders for the Slack node's repeated parameters (n8n's resource locators, Return All / Limit).
import type { DisplayOptions, NodeProperty } from '../../engine/index.ts';

export const showFor = (resource: string, operation: string[], more: Record<string, unknown[]> = {}): DisplayOptions =>
  ({ show: { resource: [resource], operation, ...more } });

export const channelLocator = (displayOptions: DisplayOptions, description: string, required = true, byName = false): NodeProperty => ({
  displayName: 'Channel', name: 'channelId', type: 'resourceLocator', default: { mode: 'list', value: '' }, placeholder: 'Select a channel...',
  required, description, displayOptions,
  modes: [
    { displayName: 'From List', name: 'list', type: 'list', placeholder: 'Select a channel...', typeOptions: { searchListMethod: 'getChannels', searchable: true } },
    { displayName: 'By ID', name: 'id', type: 'string', placeholder: 'C0122KQ70S7E' },
    ...(byName ? [{ displayName: 'By Name', name: 'name', type: 'string', placeholder: '#general' }] : []),
    { displayName: 'By URL', name: 'url', type: 'string', placeholder: 'https://app.slack.com/client/TS9594PZK/B0556F47Z3A' },
  ],
});

export const userLocator = (displayOptions: DisplayOptions, withUsername = true): NodeProperty => ({
  displayName: 'User', name: 'user', type: 'resourceLocator', default: { mode: 'list', value: '' }, placeholder: 'Select a user...', displayOptions,
  modes: [
    { displayName: 'From List', name: 'list', type: 'list', placeholder: 'Select a user...', typeOptions: { searchListMethod: 'getUsers', searchable: true } },
    { displayName: 'By ID', name: 'id', type: 'string', placeholder: 'U123AB45JGM' },
    ...(withUsername ? [{ displayName: 'By Username', name: 'username', type: 'string', placeholder: 'e.g. @john' }] : []),
  ],
});

export const returnAllAndLimit = (resource: string, operation: string, limit: number, maxValue?: number): NodeProperty[] => [
  { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, description: 'Whether to return all results or only up to a given limit',
    displayOptions: showFor(resource, [operation]) },
  { displayName: 'Limit', name: 'limit', type: 'number', default: limit, description: 'Max number of results to return',
    typeOptions: { minValue: 1, ...(maxValue ? { maxValue } : {}) }, displayOptions: showFor(resource, [operation], { returnAll: [false] }) },
];

export const operationChoice = (resource: string, fallback: string, options: Array<[name: string, value: string, action: string]>): NodeProperty => ({
  displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: fallback,
  displayOptions: { show: { resource: [resource] } },
  options: options.map(([name, value, action]) => ({ name, value, description: action })),
});
