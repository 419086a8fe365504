// Parameters of Compare Datasets v1 – v2.3 (defaults differ by version through `@version`).
import type { NodeProperty } from '../../engine/index.ts';

const RESOLVE_OPTIONS = [
  { name: 'Use Input A Version', value: 'preferInput1' },
  { name: 'Use Input B Version', value: 'preferInput2' },
  { name: 'Use a Mix of Versions', value: 'mix', description: 'Output uses different inputs for different fields' },
  { name: 'Include Both Versions', value: 'includeBoth', description: 'Output contains all data (but structure more complex)' },
];

const FUZZY = "Whether to tolerate small type differences when comparing fields. E.g. the number 3 and the string '3' are treated as the same.";

export const compareDatasetsProperties: NodeProperty[] = [
  {
    displayName: 'Items from different branches are paired together when the fields below match. If paired, the rest of the fields are compared to determine whether the items are the same or different',
    name: 'infoBox',
    type: 'notice',
    default: '',
  },
  {
    displayName: 'Fields to Match',
    name: 'mergeByFields',
    type: 'fixedCollection',
    placeholder: 'Add Fields to Match',
    default: { values: [{ field1: '', field2: '' }] },
    typeOptions: { multipleValues: true },
    options: [
      {
        displayName: 'Values',
        name: 'values',
        values: [
          { displayName: 'Input A Field', name: 'field1', type: 'string', default: '', placeholder: 'e.g. id' },
          { displayName: 'Input B Field', name: 'field2', type: 'string', default: '', placeholder: 'e.g. id' },
        ],
      },
    ],
  },
  {
    displayName: 'When There Are Differences', name: 'resolve', type: 'options', default: 'preferInput2', options: RESOLVE_OPTIONS,
    displayOptions: { show: { '@version': [1, 2] } },
  },
  {
    displayName: 'When There Are Differences', name: 'resolve', type: 'options', default: 'includeBoth', options: RESOLVE_OPTIONS,
    displayOptions: { hide: { '@version': [1, 2] } },
  },
  { displayName: 'Fuzzy Compare', name: 'fuzzyCompare', type: 'boolean', default: false, description: FUZZY, displayOptions: { hide: { '@version': [1] } } },
  {
    displayName: 'Prefer', name: 'preferWhenMix', type: 'options', default: 'input1',
    options: [
      { name: 'Input A Version', value: 'input1' },
      { name: 'Input B Version', value: 'input2' },
    ],
    displayOptions: { show: { resolve: ['mix'] } },
  },
  {
    displayName: 'For Everything Except', name: 'exceptWhenMix', type: 'string', default: '', placeholder: 'e.g. id, country',
    displayOptions: { show: { resolve: ['mix'] } },
  },
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add option',
    default: {},
    options: [
      {
        displayName: 'Fields to Skip Comparing', name: 'skipFields', type: 'string', default: '', placeholder: 'e.g. updated_at, updated_by',
        description: "Fields that shouldn't be included when checking whether two items are the same",
      },
      { displayName: 'Fuzzy Compare', name: 'fuzzyCompare', type: 'boolean', default: false, description: FUZZY, displayOptions: { show: { '@version': [1] } } },
      {
        displayName: 'Disable Dot Notation', name: 'disableDotNotation', type: 'boolean', default: false,
        description: 'Whether to disallow referencing child fields using `parent.child` in the field name',
      },
      {
        displayName: 'Multiple Matches', name: 'multipleMatches', type: 'options', default: 'first',
        options: [
          { name: 'Include First Match Only', value: 'first', description: 'Only ever output a single item per match' },
          { name: 'Include All Matches', value: 'all', description: 'Output multiple items if there are multiple matches' },
        ],
      },
    ],
  },
];
