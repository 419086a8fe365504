// Split Out: one output item per element of a list field (n8n Split Out v1, Item Lists "splitOutItems").
import type { BinaryData, ExecuteContext, Item, JsonObject, NodeProperty } from '../../engine/index.ts';
import { disableDotNotationOption } from './items.ts';
import { fail, prepareFieldsArray } from './params.ts';
import { getPath, setPath, unsetPath } from './path.ts';
import { deepCopy } from './values.ts';

export const splitOutProperties: NodeProperty[] = [
  {
    displayName: 'Fields To Split Out',
    name: 'fieldToSplitOut',
    type: 'string',
    default: '',
    required: true,
    placeholder: 'Drag fields from the left or type their names',
    description:
      'The name of the input fields to break out into separate items. Separate multiple field names by commas. For binary data, use $binary.',
  },
  {
    displayName: 'Include',
    name: 'include',
    type: 'options',
    options: [
      { name: 'No Other Fields', value: 'noOtherFields' },
      { name: 'All Other Fields', value: 'allOtherFields' },
      { name: 'Selected Other Fields', value: 'selectedOtherFields' },
    ],
    default: 'noOtherFields',
    description: 'Whether to copy any other fields into the new items',
  },
  {
    displayName: 'Fields To Include',
    name: 'fieldsToInclude',
    type: 'string',
    placeholder: 'e.g. email, name',
    description: 'Fields in the input items to aggregate together',
    default: '',
    displayOptions: { show: { include: ['selectedOtherFields'] } },
  },
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add Field',
    default: {},
    options: [
      disableDotNotationOption,
      {
        displayName: 'Destination Field Name',
        name: 'destinationFieldName',
        type: 'string',
        default: '',
        description: 'The field in the output under which to put the split field contents',
      },
      { displayName: 'Include Binary', name: 'includeBinary', type: 'boolean', default: false, description: 'Whether to include the binary data in the new items' },
    ],
  },
];

export interface SplitOutSettings {
  fieldToSplitOut: unknown;
  include: string;
  /** Read lazily: n8n only asks for it when `include` is selectedOtherFields. */
  fieldsToInclude: () => unknown;
  options: JsonObject;
  /** Item Lists < 2.1: a missing field is an error. */
  missingIsError?: boolean;
  /** Item Lists < 2.2: a field that is neither list nor object is an error. */
  scalarIsError?: boolean;
}

/** Splits one input item (at position `index`) into its output items. */
export function splitOutItem(ctx: ExecuteContext, item: Item, index: number, settings: SplitOutSettings): Item[] {
  const fieldsToSplitOut = prepareFieldsArray(ctx, settings.fieldToSplitOut, 'Fields To Split Out').map((field) =>
    String(field).replace(/^\$json\./, ''),
  );
  const { options, include } = settings;
  const disableDotNotation = options.disableDotNotation === true;
  const destinationFields = String(options.destinationFieldName || '')
    .split(',')
    .filter((field) => field.trim() !== '')
    .map((field) => field.trim());
  if (destinationFields.length && destinationFields.length !== fieldsToSplitOut.length) {
    fail(ctx, 'If multiple fields to split out are given, the same number of destination fields must be given');
  }
  if (destinationFields.some((field) => /(^|\.)(__proto__|constructor|prototype)(\.|$)/.test(field))) {
    fail(ctx, 'Invalid destination field name');
  }
  const multiSplit = fieldsToSplitOut.length > 1;
  const json = { ...item.json };
  const split: Item[] = [];

  for (const [entryIndex, field] of fieldsToSplitOut.entries()) {
    const destination = destinationFields[entryIndex] || '';
    const elements = field === '$binary' ? binaryEntries(item) : listToSplit(ctx, json, field, index, settings);
    for (const [elementIndex, element] of elements.entries()) {
      split[elementIndex] ??= { json: {}, pairedItem: { item: index } };
      const entry = split[elementIndex];
      if (field === '$binary') {
        const [key, binary] = Object.entries(element as Record<string, BinaryData>)[0];
        entry.binary = { ...entry.binary, [key]: binary };
        continue;
      }
      if (typeof element === 'object' && element !== null && include === 'noOtherFields' && destination === '' && !multiSplit) {
        split[elementIndex] = { ...entry, json: { ...entry.json, ...(element as JsonObject) } };
      } else if (destination !== '' && !disableDotNotation && destination.includes('.')) {
        setPath(entry.json, destination, element);
      } else {
        entry.json[destination || field] = element;
      }
    }
  }

  return split.map((entry) => {
    const output: Item = { ...entry };
    if (include === 'allOtherFields') {
      const rest = deepCopy(json);
      for (const field of fieldsToSplitOut) {
        if (disableDotNotation) delete rest[field];
        else unsetPath(rest, field);
      }
      output.json = { ...rest, ...entry.json };
    }
    if (include === 'selectedOtherFields') {
      const fieldsToInclude = prepareFieldsArray(ctx, settings.fieldsToInclude(), 'Fields To Include');
      if (!fieldsToInclude.length) fail(ctx, 'No fields specified', { description: 'Please add a field to include' });
      for (const field of fieldsToInclude) {
        output.json[field] = disableDotNotation ? json[field] : getPath(json, field);
      }
    }
    if (options.includeBinary === true && item.binary && !output.binary) output.binary = item.binary;
    return output;
  });
}

function binaryEntries(item: Item): unknown[] {
  return Object.entries(item.binary ?? {}).map(([key, value]) => ({ [key]: value }));
}

function listToSplit(ctx: ExecuteContext, json: JsonObject, field: string, itemIndex: number, settings: SplitOutSettings): unknown[] {
  const disableDotNotation = settings.options.disableDotNotation === true;
  let value = disableDotNotation ? json[field] : getPath(json, field);
  if (value === undefined && settings.missingIsError) {
    const hint = field.includes('.') && disableDotNotation
      ? { description: "If you're trying to use a nested field, make sure you turn off 'disable dot notation' in the node options" }
      : { itemIndex };
    fail(ctx, `Couldn't find the field '${field}' in the input data`, hint);
  }
  if (value === undefined) value = [];
  if ((typeof value !== 'object' || value === null) && settings.scalarIsError) {
    fail(ctx, `The provided field '${field}' is not an array or object`, { itemIndex });
  }
  if (typeof value !== 'object' || value === null) value = [value];
  return Array.isArray(value) ? value : Object.values(value as JsonObject);
}
