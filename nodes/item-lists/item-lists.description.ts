// Parameters of the legacy Item Lists node: v3/3.1 reuse the standalone transform nodes' parameters;
// v1/v2 name concatenation `aggregateItems` and take field lists as fixedCollections.
import type { NodeProperty } from '../../engine/index.ts';
import { aggregateProperties } from '../transform-shared/aggregate.ts';
import { compareOptionsProperty, compareProperties } from '../transform-shared/dedupe-properties.ts';
import { disableDotNotationOption } from '../transform-shared/items.ts';
import { limitProperties } from '../transform-shared/limit.ts';
import { sortProperties } from '../transform-shared/sort.ts';
import { splitOutProperties } from '../transform-shared/split-out.ts';
import { outputFormatOption, skipEmptySplitFieldsOption, splitByProperties, summarizeFields } from '../transform-shared/summarize-properties.ts';
import { optionsCollection } from '../shared/properties.ts';

const V3 = [3, 3.1];
const LEGACY = [1, 2, 2.1, 2.2];

function forOperation(operation: string, versions: number[], properties: NodeProperty[]): NodeProperty[] {
  return properties.map((property) => ({
    ...property,
    displayOptions: {
      ...property.displayOptions,
      show: { ...property.displayOptions?.show, resource: ['itemList'], operation: [operation], '@version': versions },
    },
  }));
}

/** Item Lists v1/v2 field lists: `{fields: [{fieldName}]}`. */
function fieldList(name: string, displayName: string, base: NodeProperty): NodeProperty {
  return {
    ...base,
    name,
    displayName,
    type: 'fixedCollection',
    typeOptions: { multipleValues: true },
    default: {},
    options: [{ displayName: '', name: 'fields', values: [{ displayName: 'Field Name', name: 'fieldName', type: 'string', default: '' }] }],
  };
}

const asLegacy = (properties: NodeProperty[]) =>
  properties.map((property) =>
    ['fieldsToInclude', 'fieldsToExclude', 'fieldsToCompare'].includes(property.name) ? fieldList(property.name, property.displayName, property) : property,
  );

const OPERATIONS = (concatenate: string) => [
  { name: 'Concatenate Items', value: concatenate, description: 'Combine fields into a list in a single new item' },
  { name: 'Limit', value: 'limit', description: 'Remove items if there are too many' },
  { name: 'Remove Duplicates', value: 'removeDuplicates', description: 'Remove extra items that are similar' },
  { name: 'Sort', value: 'sort', description: 'Change the item order' },
  { name: 'Split Out Items', value: 'splitOutItems', description: "Turn a list or values of object's properties inside item(s) into separate items" },
  { name: 'Summarize', value: 'summarize', description: 'Aggregate items together (pivot table)' },
];

const summarizeProps = (versions: number[]): NodeProperty[] =>
  forOperation('summarize', versions, [
    summarizeFields(['append', 'concatenate']),
    ...splitByProperties,
    optionsCollection([disableDotNotationOption, outputFormatOption, skipEmptySplitFieldsOption]),
  ]);

function operationsFor(versions: number[], concatenate: string, legacy: boolean): NodeProperty[] {
  const adapt = legacy ? asLegacy : (properties: NodeProperty[]) => properties;
  return [
    {
      displayName: 'Operation',
      name: 'operation',
      type: 'options',
      noDataExpression: true,
      displayOptions: { show: { resource: ['itemList'], '@version': versions } },
      options: OPERATIONS(concatenate),
      default: 'splitOutItems',
    },
    ...forOperation(concatenate, versions, adapt(aggregateProperties)),
    ...forOperation('limit', versions, limitProperties),
    ...forOperation('removeDuplicates', versions, adapt([...compareProperties(), compareOptionsProperty()])),
    ...forOperation('sort', versions, sortProperties),
    ...forOperation('splitOutItems', versions, adapt(splitOutProperties)),
    ...summarizeProps(versions),
  ];
}

export const itemListsProperties: NodeProperty[] = [
  { displayName: 'Resource', name: 'resource', type: 'hidden', options: [{ name: 'Item List', value: 'itemList' }], default: 'itemList' },
  ...operationsFor(V3, 'concatenateItems', false),
  ...operationsFor(LEGACY, 'aggregateItems', true),
];
