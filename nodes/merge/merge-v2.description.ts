// Merge v2 parameters (n8n-nodes-base.merge 2, 2.1), after n8n's Merge/v2 description.
import type { NodeProperty } from '../../engine/index.ts';
import { clashHandlingProperty } from './merge-v3.description.ts';

const option = (name: string, value: string, description?: string) => ({ name, value, description });
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
const multipleMatches = (joinModes: Record<string, unknown[]>): NodeProperty => ({
  displayName: 'Multiple Matches',
  name: 'multipleMatches',
  type: 'options',
  default: 'all',
  options: [
    option('Include All Matches', 'all', 'Output multiple items if there are multiple matches'),
    option('Include First Match Only', 'first', 'Only ever output a single item per match'),
  ],
  displayOptions: { show: { ...byFields, ...joinModes } },
});
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
          { displayName: 'Input 1 Field', name: 'field1', type: 'string', default: '', placeholder: 'e.g. id' },
          { displayName: 'Input 2 Field', name: 'field2', type: 'string', default: '', placeholder: 'e.g. id' },
        ],
      },
    ],
    displayOptions: combineShow(),
  },
  {
    displayName: 'Output Type',
    name: 'joinMode',
    type: 'options',
    options: [
      option('Keep Matches', 'keepMatches', 'Items that match, merged together (inner join)'),
      option('Keep Non-Matches', 'keepNonMatches', "Items that don't match"),
      option('Keep Everything', 'keepEverything', "Items that match merged together, plus items that don't match (outer join)"),
      option('Enrich Input 1', 'enrichInput1', 'All of input 1, with data from input 2 added in (left join)'),
      option('Enrich Input 2', 'enrichInput2', 'All of input 2, with data from input 1 added in (right join)'),
    ],
    default: 'keepMatches',
    displayOptions: combineShow(),
  },
  ...(['keepMatches', 'keepNonMatches'] as const).map((joinMode): NodeProperty => ({
    displayName: 'Output Data From',
    name: 'outputDataFrom',
    type: 'options',
    options: [
      option(joinMode === 'keepMatches' ? 'Both Inputs Merged Together' : 'Both Inputs Appended Together', 'both'),
      option('Input 1', 'input1'),
      option('Input 2', 'input2'),
    ],
    default: 'both',
    displayOptions: combineShow({ joinMode: [joinMode] }),
  })),
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
