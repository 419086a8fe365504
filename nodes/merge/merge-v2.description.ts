// Merge v2 parameters (n8n-nodes-base.merge 2, 2.1), after n8n's Merge/v2 description.
import type { NodeProperty } from '../../engine/index.ts';
import { fieldsToMatchProperty, JOIN_MODE_OPTIONS, multipleMatchesProperty, outputDataFromProperty } from '../shared/match-properties.ts';
import { option } from '../shared/properties.ts';
import { clashHandlingProperty } from './merge-v3.description.ts';
const clash = clashHandlingProperty({ resolveClash: 'preferInput2', mergeMode: 'deepMerge', overrideEmpty: false });
const clashValues = clash.options?.[0] as { values: NodeProperty[] };
const v2Clash: NodeProperty = {
  ...clash,
  options: [
    {
      ...(clash.options?.[0] as object),
      name: 'values',
      values: [
        {
          ...clashValues.values[0],
          typeOptions: undefined,
          options: [
            option('Always Add Input Number to Field Names', 'addSuffix'),
            option('Prefer Input 1 Version', 'preferInput1'),
            option('Prefer Input 2 Version', 'preferInput2'),
          ],
        },
        ...clashValues.values.slice(1).map((value) => ({ ...value, displayOptions: { show: { resolveClash: ['preferInput1', 'preferInput2'] } } })),
      ],
    },
  ],
};

const byFields = { '/mode': ['combine'], '/combinationMode': ['mergeByFields'] };
const multipleMatches = (joinModes: Record<string, unknown[]>): NodeProperty => multipleMatchesProperty({ ...byFields, ...joinModes });
const combineShow = (extra: Record<string, unknown[]> = {}) => ({ show: { mode: ['combine'], combinationMode: ['mergeByFields'], ...extra } });

export const mergeV2Properties: NodeProperty[] = [
  {
    displayName: 'Mode',
    name: 'mode',
    type: 'options',
    options: [
      option('Append', 'append', 'All items of input 1, then all items of input 2'),
      option('Combine', 'combine', 'Merge matching items together'),
      option('Choose Branch', 'chooseBranch', 'Output input data, without modifying it'),
    ],
    default: 'append',
    description: 'How data of branches should be merged',
  },
  {
    displayName: 'Combination Mode',
    name: 'combinationMode',
    type: 'options',
    options: [
      option('Merge By Fields', 'mergeByFields', 'Combine items with the same field values'),
      option('Merge By Position', 'mergeByPosition', 'Combine items based on their order'),
      option('Multiplex', 'multiplex', 'All possible item combinations (cross join)'),
    ],
    default: 'mergeByFields',
    displayOptions: { show: { mode: ['combine'] } },
  },
  { ...fieldsToMatchProperty('Input 1', 'Input 2'), displayOptions: combineShow() },
  {
    displayName: 'Output Type',
    name: 'joinMode',
    type: 'options',
    options: JOIN_MODE_OPTIONS,
    default: 'keepMatches',
    displayOptions: combineShow(),
  },
  outputDataFromProperty('Both Inputs Merged Together', combineShow({ joinMode: ['keepMatches'] }).show),
  outputDataFromProperty('Both Inputs Appended Together', combineShow({ joinMode: ['keepNonMatches'] }).show),
  {
    displayName: 'Output Type',
    name: 'chooseBranchMode',
    type: 'options',
    options: [option('Wait for Both Inputs to Arrive', 'waitForBoth')],
    default: 'waitForBoth',
    displayOptions: { show: { mode: ['chooseBranch'] } },
  },
  {
    displayName: 'Output',
    name: 'output',
    type: 'options',
    options: [option('Input 1 Data', 'input1'), option('Input 2 Data', 'input2'), option('A Single, Empty Item', 'empty')],
    default: 'input1',
    displayOptions: { show: { mode: ['chooseBranch'], chooseBranchMode: ['waitForBoth'] } },
  },
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add Option',
    default: {},
    displayOptions: { hide: { mode: ['chooseBranch', 'append'] } },
    options: [
      { ...v2Clash, displayOptions: { show: byFields, hide: { '/joinMode': ['keepMatches', 'keepNonMatches'] } } },
      { ...v2Clash, displayOptions: { show: { ...byFields, '/joinMode': ['keepMatches'], '/outputDataFrom': ['both'] } } },
      { ...v2Clash, displayOptions: { show: { '/mode': ['combine'], '/combinationMode': ['multiplex', 'mergeByPosition'] } } },
      { displayName: 'Disable Dot Notation', name: 'disableDotNotation', type: 'boolean', default: false, displayOptions: { show: byFields } },
      { displayName: 'Fuzzy Compare', name: 'fuzzyCompare', type: 'boolean', default: false },
      {
        displayName: 'Include Any Unpaired Items',
        name: 'includeUnpaired',
        type: 'boolean',
        default: false,
        displayOptions: { show: { '/mode': ['combine'], '/combinationMode': ['mergeByPosition'] } },
      },
      multipleMatches({ '/joinMode': ['keepMatches'], '/outputDataFrom': ['both'] }),
      multipleMatches({ '/joinMode': ['enrichInput1', 'enrichInput2', 'keepEverything'] }),
    ],
  },
];
