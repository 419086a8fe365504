// n8n's metadata fields of the vector store and document loader nodes: the "Metadata Filter" option
// and how its values become a filter (or, for the loader, the metadata added to each document).
import type { ExecuteContext, NodeProperty } from '../../engine/index.ts';

export const metadataFilterProperty: NodeProperty = {
  displayName: 'Metadata Filter',
  name: 'metadata',
  type: 'fixedCollection',
  description: 'Metadata to filter the document by',
  typeOptions: { multipleValues: true },
  default: {},
  placeholder: 'Add filter field',
  options: [{
    name: 'metadataValues',
    displayName: 'Fields to Set',
    values: [
      { displayName: 'Name', name: 'name', type: 'string', default: '', required: true },
      { displayName: 'Value', name: 'value', type: 'string', default: '' },
    ],
  }],
};

/**
 * n8n's getMetadataFiltersValues: `options.metadata.metadataValues` as `{ name: value }`, else the
 * `options.searchFilterJson` object some stores take; undefined when neither is set.
 */
export function metadataFilterValues(ctx: ExecuteContext, itemIndex: number): Record<string, unknown> | undefined {
  const options = (ctx.getNodeParameter('options', itemIndex, {}) ?? {}) as Record<string, unknown>;
  const entries = (options.metadata as { metadataValues?: Array<{ name: string; value: unknown }> } | undefined)?.metadataValues;
  if (Array.isArray(entries) && entries.length > 0) return Object.fromEntries(entries.map(({ name, value }) => [name, value]));
  const json = options.searchFilterJson;
  if (typeof json === 'string' && json.trim() !== '') return JSON.parse(json) as Record<string, unknown>;
  if (json && typeof json === 'object') return json as Record<string, unknown>;
  return undefined;
}

/** True when the document metadata holds every filter value (scalars compared as text, as SQL stores do). */
export function metadataMatches(metadata: Record<string, unknown>, filter: Record<string, unknown> | undefined): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(([key, value]) => {
    const actual = metadata[key];
    if (value !== null && typeof value === 'object') return JSON.stringify(actual) === JSON.stringify(value);
    return actual !== undefined && String(actual) === String(value);
  });
}
