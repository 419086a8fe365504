// Parameters of Summarize (and, with small differences, Item Lists' summarize operation).
import type { NodeProperty } from '../../engine/index.ts';
import { disableDotNotationOption } from './items.ts';
import { NUMERICAL_AGGREGATIONS } from './summarize.ts';
import { optionsCollection } from '../shared/properties.ts';

const AGGREGATIONS = [
  { name: 'Append', value: 'append' },
  { name: 'Average', value: 'average' },
  { name: 'Concatenate', value: 'concatenate' },
  { name: 'Count', value: 'count' },
  { name: 'Count Unique', value: 'countUnique' },
  { name: 'Max', value: 'max' },
  { name: 'Min', value: 'min' },
  { name: 'Sum', value: 'sum' },
];

const SEPARATORS = [
  { name: 'Comma', value: ',' },
  { name: 'Comma and Space', value: ', ' },
  { name: 'New Line', value: '\n' },
  { name: 'None', value: '' },
  { name: 'Space', value: ' ' },
  { name: 'Other', value: 'other' },
];

function field(description: string, displayOptions: NodeProperty['displayOptions']): NodeProperty {
  return { displayName: 'Field', name: 'field', type: 'string', default: '', description, placeholder: 'e.g. cost', displayOptions };
}

/** `includeEmptyFor`: the aggregations offering "Include Empty Values". */
export function summarizeFields(includeEmptyFor: string[]): NodeProperty {
  return {
    displayName: 'Fields to Summarize',
    name: 'fieldsToSummarize',
    type: 'fixedCollection',
    placeholder: 'Add Field',
    default: { values: [{ aggregation: 'count', field: '' }] },
    typeOptions: { multipleValues: true },
    options: [
      {
        displayName: '',
        name: 'values',
        values: [
          { displayName: 'Aggregation', name: 'aggregation', type: 'options', options: AGGREGATIONS, default: 'count', description: 'How to combine the values of the field you want to summarize' },
          field('The name of an input field that you want to summarize', { hide: { aggregation: [...NUMERICAL_AGGREGATIONS, 'countUnique', 'count', 'max', 'min'] } }),
          field('The name of an input field that you want to summarize. The field should contain numerical values; null, undefined, empty strings would be ignored.', { show: { aggregation: NUMERICAL_AGGREGATIONS } }),
          field('The name of an input field that you want to summarize; null, undefined, empty strings would be ignored', { show: { aggregation: ['countUnique', 'count', 'max', 'min'] } }),
          { displayName: 'Include Empty Values', name: 'includeEmpty', type: 'boolean', default: false, displayOptions: { show: { aggregation: includeEmptyFor } } },
          { displayName: 'Separator', name: 'separateBy', type: 'options', default: ',', options: SEPARATORS, displayOptions: { show: { aggregation: ['concatenate'] } } },
          { displayName: 'Custom Separator', name: 'customSeparator', type: 'string', default: '', displayOptions: { show: { aggregation: ['concatenate'], separateBy: ['other'] } } },
        ],
      },
    ],
  };
}

export const splitByProperties: NodeProperty[] = [
  {
    displayName: 'Fields to Split By', name: 'fieldsToSplitBy', type: 'string', placeholder: 'e.g. country, city', default: '',
    description: 'The name of the input fields that you want to split the summary by',
    displayOptions: { hide: { '/options.outputFormat': ['singleItem'] } },
  },
  {
    displayName: 'Fields to Group By', name: 'fieldsToSplitBy', type: 'string', placeholder: 'e.g. country, city', default: '',
    description: 'The name of the input fields that you want to split the summary by',
    displayOptions: { show: { '/options.outputFormat': ['singleItem'] } },
  },
];

export const outputFormatOption: NodeProperty = {
  displayName: 'Output Format',
  name: 'outputFormat',
  type: 'options',
  default: 'separateItems',
  options: [
    { name: 'Each Split in a Separate Item', value: 'separateItems' },
    { name: 'All Splits in a Single Item', value: 'singleItem' },
  ],
};

export const skipEmptySplitFieldsOption: NodeProperty = {
  displayName: 'Ignore items without valid fields to group by',
  name: 'skipEmptySplitFields',
  type: 'boolean',
  default: false,
};

export const summarizeProperties: NodeProperty[] = [
  summarizeFields(['append', 'concatenate', 'count', 'countUnique']),
  ...splitByProperties,
  optionsCollection([
    {
      displayName: 'Continue if Field Not Found',
      name: 'continueIfFieldNotFound',
      type: 'boolean',
      default: false,
      description: "Whether to continue if field to summarize can't be found in any items and return single empty item, otherwise an error would be thrown",
      displayOptions: { hide: { '@version': [{ _cnd: { gte: 1.1 } }] } },
    },
    disableDotNotationOption,
    outputFormatOption,
    skipEmptySplitFieldsOption,
  ]),
];
