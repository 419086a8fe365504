// Merge v3 parameters (n8n-nodes-base.merge 3–3.2), after n8n's Merge/v3/actions/mode/*.
import type { NodeProperty } from '../../engine/index.ts';
import {
  disableDotNotationOption,
  fieldsToMatchProperty,
  fuzzyCompareProperty,
  JOIN_MODE_OPTIONS,
  multipleMatchesProperty,
  outputDataFromProperty,
} from '../shared/match-properties.ts';
import { option, optionsCollection } from '../shared/properties.ts';

type Show = Record<string, unknown[]>;
const shown = (show: Show, property: NodeProperty): NodeProperty => ({
  ...property,
  displayOptions: { ...property.displayOptions, show: { ...property.displayOptions?.show, ...show } },
});

export const numberInputsProperty: NodeProperty = {
  displayName: 'Number of Inputs',
  name: 'numberInputs',
  type: 'options',
  noDataExpression: true,
  default: 2,
  options: [2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => option(String(n), n)),
  description: 'The number of data inputs you want to merge. The node waits for all connected inputs to be executed.',
};

export function clashHandlingProperty(defaults: Record<string, unknown>, extra: Partial<NodeProperty> = {}): NodeProperty {
  return {
    displayName: 'Clash Handling',
    name: 'clashHandling',
    type: 'fixedCollection',
    default: { values: defaults },
    options: [
      {
        displayName: 'Values',
        name: 'values',
        values: [
          {
            displayName: 'When Field Values Clash',
            name: 'resolveClash',
            type: 'options',
            default: '',
            typeOptions: { loadOptionsMethod: 'getResolveClashOptions', loadOptionsDependsOn: ['numberInputs'] },
            options: [
              option('Always Add Input Number to Field Names', 'addSuffix'),
              option('Prefer Input 1 Version', 'preferInput1'),
              option('Prefer Input 2 Version', 'preferLast'),
            ],
          },
          {
            displayName: 'Merging Nested Fields',
            name: 'mergeMode',
            type: 'options',
            default: 'deepMerge',
            options: [
              option('Deep Merge', 'deepMerge', 'Merge at every level of nesting'),
              option('Shallow Merge', 'shallowMerge', 'Merge at the top level only (all nested fields will come from the same input)'),
            ],
            displayOptions: { show: { resolveClash: [{ _cnd: { not: 'addSuffix' } }] } },
          },
          {
            displayName: 'Minimize Empty Fields',
            name: 'overrideEmpty',
            type: 'boolean',
            default: false,
            description: "Whether to override the preferred input version for a field if it is empty and the other version isn't. Here 'empty' means undefined, null or an empty string.",
            displayOptions: { show: { resolveClash: [{ _cnd: { not: 'addSuffix' } }] } },
          },
        ],
      },
    ],
    ...extra,
  };
}

const clashHandling = clashHandlingProperty({ resolveClash: 'preferLast', mergeMode: 'deepMerge', overrideEmpty: false });

const byFields: Show = { mode: ['combine'], combineBy: ['combineByFields'] };
const byPosition: Show = { mode: ['combine'], combineBy: ['combineByPosition'] };
const all: Show = { mode: ['combine'], combineBy: ['combineAll'] };

const combineByFieldsProperties: NodeProperty[] = [
  { displayName: 'Fields To Match Have Different Names', name: 'advanced', type: 'boolean', default: false, description: 'Whether name(s) of field to match are different in input 1 and input 2' },
  { displayName: 'Fields to Match', name: 'fieldsToMatchString', type: 'string', placeholder: 'e.g. id, name', default: '', description: 'Specify the fields to use for matching input items', displayOptions: { show: { advanced: [false] } } },
  fieldsToMatchProperty('Input 1', 'Input 2', {
    description: 'Specify the fields to use for matching input items',
    displayOptions: { show: { advanced: [true] } },
  }),
  {
    displayName: 'Output Type',
    name: 'joinMode',
    type: 'options',
    description: 'How to select the items to send to output',
    options: JOIN_MODE_OPTIONS,
    default: 'keepMatches',
  },
  outputDataFromProperty('Both Inputs Merged Together', { joinMode: ['keepMatches'] }),
  outputDataFromProperty('Both Inputs Appended Together', { joinMode: ['keepNonMatches'] }),
  optionsCollection([
    { ...clashHandling, displayOptions: { hide: { '/joinMode': ['keepMatches', 'keepNonMatches'] } } },
    { ...clashHandling, displayOptions: { show: { '/joinMode': ['keepMatches'], '/outputDataFrom': ['both'] } } },
    disableDotNotationOption,
    fuzzyCompareProperty,
    multipleMatchesProperty({ '/joinMode': ['keepMatches'], '/outputDataFrom': ['both'] }),
    multipleMatchesProperty({ '/joinMode': ['enrichInput1', 'enrichInput2', 'keepEverything'] }),
  ]),
];

export const mergeV3Properties: NodeProperty[] = [
  {
    displayName: 'Mode',
    name: 'mode',
    type: 'options',
    noDataExpression: true,
    options: [
      option('Append', 'append', 'Output items of each input, one after the other'),
      option('Combine', 'combine', 'Merge matching items together'),
      option('SQL Query', 'combineBySql', 'Write a query to do the merge'),
      option('Choose Branch', 'chooseBranch', 'Output data from a specific branch, without modifying it'),
    ],
    default: 'append',
    description: 'How input data should be merged',
  },
  {
    displayName: 'Combine By',
    name: 'combineBy',
    type: 'options',
    noDataExpression: true,
    options: [
      option('Matching Fields', 'combineByFields', 'Combine items with the same field values'),
      option('Position', 'combineByPosition', 'Combine items based on their order'),
      option('All Possible Combinations', 'combineAll', 'Every pairing of every two items (cross join)'),
    ],
    default: 'combineByFields',
    description: 'How input data should be merged',
    displayOptions: { show: { mode: ['combine'] } },
  },
  shown({ mode: ['append'] }, numberInputsProperty),
  shown(all, optionsCollection([clashHandling, fuzzyCompareProperty])),
  ...combineByFieldsProperties.map((property) => shown(byFields, property)),
  shown({ mode: ['combineBySql'] }, numberInputsProperty),
  shown({ mode: ['combineBySql'] }, { displayName: 'Query', name: 'query', type: 'string', default: 'SELECT * FROM input1 LEFT JOIN input2 ON input1.name = input2.id', typeOptions: { editor: 'sqlEditor', sqlDialect: 'StandardSQL' } }),
  shown(byPosition, numberInputsProperty),
  shown(byPosition, {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add option',
    default: {},
    options: [
      clashHandlingProperty({ resolveClash: 'addSuffix' }),
      { displayName: 'Include Any Unpaired Items', name: 'includeUnpaired', type: 'boolean', default: false, description: 'Whether unpaired items should be included in the result when there are differing numbers of items among the inputs' },
    ],
  }),
  shown({ mode: ['chooseBranch'] }, numberInputsProperty),
  shown({ mode: ['chooseBranch'] }, { displayName: 'Output Type', name: 'chooseBranchMode', type: 'options', options: [option('Wait for All Inputs to Arrive', 'waitForAll')], default: 'waitForAll' }),
  shown({ mode: ['chooseBranch'] }, {
    displayName: 'Output',
    name: 'output',
    type: 'options',
    options: [option('Data of Specified Input', 'specifiedInput'), option('A Single, Empty Item', 'empty')],
    default: 'specifiedInput',
    displayOptions: { show: { chooseBranchMode: ['waitForAll'] } },
  }),
  shown({ mode: ['chooseBranch'] }, {
    displayName: 'Use Data of Input',
    name: 'useDataOfInput',
    type: 'options',
    default: 1,
    options: [1, 2].map((n) => option(`Input ${n}`, n)),
    typeOptions: { minValue: 1, loadOptionsMethod: 'getInputs', loadOptionsDependsOn: ['numberInputs'] },
    description: 'The number of the input to use data of',
    displayOptions: { show: { output: ['specifiedInput'] } },
  }),
];
