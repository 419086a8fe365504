// Small builders for node parameter definitions used across many nodes.
import type { NodeProperty } from '../../engine/index.ts';

/** One choice of an `options` parameter. */
export const option = (name: string, value: unknown, description?: string) => ({ name, value, description });

/** The usual "Options" collection (`extra` typically holds `displayOptions`). */
export function optionsCollection(options: NonNullable<NodeProperty['options']>, extra: Partial<NodeProperty> = {}): NodeProperty {
  return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, ...extra, options };
}

/** The Webhook and Respond to Webhook nodes' "Response Headers" option: name/value rows. */
export const responseHeaders: NodeProperty = {
  displayName: 'Response Headers',
  name: 'responseHeaders',
  type: 'fixedCollection',
  default: {},
  typeOptions: { multipleValues: true },
  options: [{ name: 'entries', displayName: 'Entries', values: [
    { displayName: 'Name', name: 'name', type: 'string', default: '' },
    { displayName: 'Value', name: 'value', type: 'string', default: '' },
  ] }],
};
