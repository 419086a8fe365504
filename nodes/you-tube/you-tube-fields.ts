// Building blocks of the YouTube node's parameters: display rules per resource/operation and the
// option sets several operations share.
import type { NodeProperty } from '../../engine/index.ts';

export const showFor = (resource: string, operations: string[], more: Record<string, unknown[]> = {}): NodeProperty['displayOptions'] =>
  ({ show: { operation: operations, resource: [resource], ...more } });

export const str = (displayName: string, name: string, more: Partial<NodeProperty> = {}): NodeProperty =>
  ({ displayName, name, type: 'string', default: '', ...more });

export const bool = (displayName: string, name: string, value: boolean, description?: string): NodeProperty =>
  ({ displayName, name, type: 'boolean', default: value, ...(description ? { description } : {}) });

export const choice = (pairs: Array<[string, string]>) => pairs.map(([name, value]) => ({ name, value }));

/** The `part` multi-select ("Fields"): `*` stands for every part listed. */
export const partField = (resource: string, operation: string, parts: Array<[string, string]>): NodeProperty => ({
  displayName: 'Fields', name: 'part', type: 'multiOptions', required: true, default: ['*'],
  options: choice([['*', '*'], ...parts]), displayOptions: showFor(resource, [operation]),
  description: `The fields parameter specifies a comma-separated list of one or more ${resource} resource properties that the API response will include`,
});

export const returnAllAndLimit = (resource: string, operation: string, max = 50, value = 25): NodeProperty[] => [
  { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, displayOptions: showFor(resource, [operation]),
    description: 'Whether to return all results or only up to a given limit' },
  { displayName: 'Limit', name: 'limit', type: 'number', default: value, typeOptions: { minValue: 1, maxValue: max },
    displayOptions: showFor(resource, [operation], { returnAll: [false] }), description: 'Max number of results to return' },
];

export const contentOwner = str('On Behalf Of Content Owner', 'onBehalfOfContentOwner', {
  description: "The onBehalfOfContentOwner parameter indicates that the request's authorization credentials identify a YouTube CMS user who is acting on behalf of the content owner specified in the parameter value",
});
export const contentOwnerChannel = str('On Behalf Of Content Owner Channel', 'onBehalfOfContentOwnerChannel', {
  description: 'The onBehalfOfContentOwnerChannel parameter specifies the YouTube channel ID of the channel to which a video is being added',
});

export const options = (name: string, displayOptions: NodeProperty['displayOptions'], entries: NodeProperty[], placeholder = 'Add option'): NodeProperty =>
  ({ displayName: name === 'updateFields' ? 'Update Fields' : name === 'filters' ? 'Filters' : 'Options', name, type: 'collection', placeholder, default: {}, displayOptions, options: entries });

export const privacyStatus = (description: string): NodeProperty => ({
  displayName: 'Privacy Status', name: 'privacyStatus', type: 'options', default: '', description,
  options: choice([['Private', 'private'], ['Public', 'public'], ['Unlisted', 'unlisted']]),
});

export const defaultLanguage = (description: string): NodeProperty => ({
  displayName: 'Default Language Name or ID', name: 'defaultLanguage', type: 'options', typeOptions: { loadOptionsMethod: 'getLanguages' }, default: '', description,
});

export const tags = str('Tags', 'tags', { description: 'Keyword tags associated with the playlist. Mulplie can be defined separated by comma.' });
