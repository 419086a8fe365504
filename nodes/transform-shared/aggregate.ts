// Aggregate: many items into one (n8n Aggregate v1, Item Lists "concatenateItems"/"aggregateItems").
import type { BinaryData, ExecuteContext, Item, JsonObject, NodeProperty, PairedItem } from '../../engine/index.ts';
import { disableDotNotationOption, pairAll } from './items.ts';
import { fail } from './params.ts';
import { getPath, setPath } from './path.ts';
import { isEmptyValue } from './values.ts';

const hideForAllItemData = { hide: { '/aggregate': ['aggregateAllItemData'] } };

export const aggregateProperties: NodeProperty[] = [
  {
    displayName: 'Aggregate',
    name: 'aggregate',
    type: 'options',
    default: 'aggregateIndividualFields',
    options: [
      { name: 'Individual Fields', value: 'aggregateIndividualFields' },
      { name: 'All Item Data (Into a Single List)', value: 'aggregateAllItemData' },
    ],
  },
  {
    displayName: 'Fields To Aggregate',
    name: 'fieldsToAggregate',
    type: 'fixedCollection',
    typeOptions: { multipleValues: true },
    placeholder: 'Add Field To Aggregate',
    default: { fieldToAggregate: [{ fieldToAggregate: '', renameField: false }] },
    displayOptions: { show: { aggregate: ['aggregateIndividualFields'] } },
    options: [
      {
        displayName: '',
        name: 'fieldToAggregate',
        values: [
          { displayName: 'Input Field Name', name: 'fieldToAggregate', type: 'string', default: '', description: 'The name of a field in the input items to aggregate together', placeholder: 'e.g. id' },
          { displayName: 'Rename Field', name: 'renameField', type: 'boolean', default: false, description: 'Whether to give the field a different name in the output' },
          {
            displayName: 'Output Field Name',
            name: 'outputFieldName',
            displayOptions: { show: { renameField: [true] } },
            type: 'string',
            default: '',
            description: 'The name of the field to put the aggregated data in. Leave blank to use the input field name.',
          },
        ],
      },
    ],
  },
  {
    displayName: 'Put Output in Field',
    name: 'destinationFieldName',
    type: 'string',
    displayOptions: { show: { aggregate: ['aggregateAllItemData'] } },
    default: 'data',
    description: 'The name of the output field to put the data in',
  },
  {
    displayName: 'Include',
    name: 'include',
    type: 'options',
    default: 'allFields',
    options: [
      { name: 'All Fields', value: 'allFields' },
      { name: 'Specified Fields', value: 'specifiedFields' },
      { name: 'All Fields Except', value: 'allFieldsExcept' },
    ],
    displayOptions: { show: { aggregate: ['aggregateAllItemData'] } },
  },
  {
    displayName: 'Fields To Exclude',
    name: 'fieldsToExclude',
    type: 'string',
    placeholder: 'e.g. email, name',
    default: '',
    displayOptions: { show: { aggregate: ['aggregateAllItemData'], include: ['allFieldsExcept'] } },
  },
  {
    displayName: 'Fields To Include',
    name: 'fieldsToInclude',
    type: 'string',
    placeholder: 'e.g. email, name',
    default: '',
    displayOptions: { show: { aggregate: ['aggregateAllItemData'], include: ['specifiedFields'] } },
  },
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add Field',
    default: {},
    options: [
      { ...disableDotNotationOption, displayOptions: hideForAllItemData },
      {
        displayName: 'Merge Lists',
        name: 'mergeLists',
        type: 'boolean',
        default: false,
        description: 'Whether to merge the output into a single flat list (rather than a list of lists), if the field to aggregate is a list',
        displayOptions: hideForAllItemData,
      },
      { displayName: 'Include Binaries', name: 'includeBinaries', type: 'boolean', default: false, description: 'Whether to include the binary data in the new item' },
      {
        displayName: 'Keep Only Unique Binaries',
        name: 'keepOnlyUnique',
        type: 'boolean',
        default: false,
        description: 'Whether to keep only unique binaries by comparing mime types, file types, file sizes and file extensions',
        displayOptions: { show: { includeBinaries: [true] } },
      },
      {
        displayName: 'Keep Missing And Null Values',
        name: 'keepMissing',
        type: 'boolean',
        default: false,
        description: 'Whether to add a null entry to the aggregated list when there is a missing or null value',
        displayOptions: hideForAllItemData,
      },
    ],
  },
];

export interface FieldToAggregate {
  fieldToAggregate: string;
  renameField?: boolean;
  outputFieldName?: string;
}

export interface AggregateOptions {
  disableDotNotation?: boolean;
  mergeLists?: boolean;
  keepMissing?: boolean;
  includeBinaries?: boolean;
  keepOnlyUnique?: boolean;
}

/** One item with a list per field; paired with every input item. */
export function aggregateIndividualFields(ctx: ExecuteContext, items: Item[], fields: FieldToAggregate[], options: AggregateOptions): Item {
  if (!fields.length) fail(ctx, 'No fields specified', { description: 'Please add a field to aggregate' });
  const dotted = options.disableDotNotation !== true;
  const values: Record<string, unknown[]> = {};
  const outputFields: string[] = [];
  for (const { fieldToAggregate, outputFieldName, renameField } of fields) {
    const field = renameField ? outputFieldName : fieldToAggregate;
    if (outputFields.includes(field as string)) {
      fail(ctx, `The '${field}' output field is used more than once`, { description: 'Please make sure each output field name is unique' });
    }
    outputFields.push(field as string);
    if (fieldToAggregate === '') continue;
    const name = outputFieldName || (dotted && fieldToAggregate.includes('.') ? fieldToAggregate.split('.').pop()! : fieldToAggregate);
    const list: unknown[] = (values[name] = []);
    for (const item of items) {
      let value = dotted ? getPath(item.json, fieldToAggregate) : item.json[fieldToAggregate];
      if (!options.keepMissing) {
        if (Array.isArray(value)) value = value.filter((entry) => entry !== null);
        else if (value === null || value === undefined) continue;
      }
      if (Array.isArray(value) && options.mergeLists) list.push(...value);
      else list.push(value);
    }
  }
  const json: JsonObject = {};
  for (const [key, list] of Object.entries(values)) {
    if (dotted) setPath(json, key, list);
    else json[key] = list;
  }
  return { json, pairedItem: pairAll(items.length) };
}

/** One item holding every item's json (optionally trimmed to some fields) under one field. */
export function aggregateAllItemData(items: Item[], destinationFieldName: string, fieldsToInclude: string[], fieldsToExclude: string[]): Item {
  if (!fieldsToInclude.length && !fieldsToExclude.length) {
    return { json: { [destinationFieldName]: items.map((item) => item.json) }, pairedItem: pairAll(items.length) };
  }
  const data: JsonObject[] = [];
  const pairedItem: PairedItem[] = [];
  items.forEach((item, index) => {
    const keys = Object.keys(item.json).filter(
      (key) => !fieldsToExclude.includes(key) && (!fieldsToInclude.length || fieldsToInclude.includes(key)),
    );
    const trimmed = Object.fromEntries(keys.map((key) => [key, item.json[key]]));
    if (isEmptyValue(trimmed)) return;
    data.push(trimmed);
    pairedItem.push({ item: index });
  });
  return { json: { [destinationFieldName]: data }, pairedItem };
}

/** Copies the binaries of the aggregated items onto the new item, suffixing clashing keys. */
export function addBinaries(target: Item, sources: Item[], uniqueOnly: boolean): Item {
  const seen: BinaryData[] = [];
  for (const source of sources) {
    for (const [key, binary] of Object.entries(source.binary ?? {})) {
      target.binary ??= {};
      if (uniqueOnly) {
        const duplicate = seen.some(
          (other) =>
            other.mimeType === binary.mimeType && other.fileType === binary.fileType &&
            other.fileSize === binary.fileSize && other.fileExtension === binary.fileExtension,
        );
        if (duplicate) continue;
        seen.push(binary);
      }
      let binaryKey = key;
      for (let i = 1; target.binary[binaryKey] !== undefined; i++) binaryKey = `${key}_${i}`;
      target.binary[binaryKey] = binary;
    }
  }
  return target;
}
