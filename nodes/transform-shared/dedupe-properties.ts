// Parameters of Remove Duplicates: v1/1.1 compare input items only; v2 adds cross-execution history.
import type { NodeProperty } from '../../engine/index.ts';
import { disableDotNotationOption } from './items.ts';

const v1 = { '@version': [1, 1.1] };

/** The compare/fields properties (v1 shape, also Item Lists'). `show` narrows when they apply. */
export function compareProperties(show: Record<string, unknown[]> = {}): NodeProperty[] {
  return [
    {
      displayName: 'Compare',
      name: 'compare',
      type: 'options',
      options: [
        { name: 'All Fields', value: 'allFields' },
        { name: 'All Fields Except', value: 'allFieldsExcept' },
        { name: 'Selected Fields', value: 'selectedFields' },
      ],
      default: 'allFields',
      description: 'The fields of the input items to compare to see if they are the same',
      displayOptions: { show: { ...show } },
    },
    {
      displayName: 'Fields To Exclude',
      name: 'fieldsToExclude',
      type: 'string',
      placeholder: 'e.g. email, name',
      description: 'Fields in the input to exclude from the comparison',
      default: '',
      displayOptions: { show: { ...show, compare: ['allFieldsExcept'] } },
    },
    {
      displayName: 'Fields To Compare',
      name: 'fieldsToCompare',
      type: 'string',
      placeholder: 'e.g. email, name',
      description: 'Fields in the input to add to the comparison',
      default: '',
      displayOptions: { show: { ...show, compare: ['selectedFields'] } },
    },
  ];
}

const removeOtherFieldsOption: NodeProperty = {
  displayName: 'Remove Other Fields',
  name: 'removeOtherFields',
  type: 'boolean',
  default: false,
  description: 'Whether to remove any fields that are not being compared. If disabled, will keep the values from the first of the duplicates.',
};

export function compareOptionsProperty(show: Record<string, unknown[]> = {}): NodeProperty {
  return {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add Field',
    default: {},
    displayOptions: { show: { ...show, compare: ['allFieldsExcept', 'selectedFields'] } },
    options: [disableDotNotationOption, removeOtherFieldsOption],
  };
}

const previousExecutions = { '/operation': ['removeItemsSeenInPreviousExecutions'] };
const v2 = { hide: { '@version': [1, 1.1] } };

const v2Properties: NodeProperty[] = [
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    options: [
      { name: 'Remove Items Repeated Within Current Input', value: 'removeDuplicateInputItems', description: 'Remove duplicates from incoming items' },
      { name: 'Remove Items Processed in Previous Executions', value: 'removeItemsSeenInPreviousExecutions', description: 'Deduplicate items already seen in previous executions' },
      { name: 'Clear Deduplication History', value: 'clearDeduplicationHistory', description: 'Wipe the store of previous items' },
    ],
    default: 'removeDuplicateInputItems',
    displayOptions: v2,
  },
  ...compareProperties({ operation: ['removeDuplicateInputItems'] }).map((p) => ({ ...p, displayOptions: { ...p.displayOptions, ...v2 } })),
  {
    displayName: 'Keep Items Where',
    name: 'logic',
    type: 'options',
    noDataExpression: true,
    options: [
      { name: 'Value Is New', value: 'removeItemsWithAlreadySeenKeyValues', description: 'Remove all input items with values matching those already processed' },
      { name: 'Value Is Higher than Any Previous Value', value: 'removeItemsUpToStoredIncrementalKey', description: 'Works with incremental values, removes all input items with values up to the stored value' },
      { name: 'Value Is a Date Later than Any Previous Date', value: 'removeItemsUpToStoredDate', description: 'Works with date values, removes all input items with values up to the stored date' },
    ],
    default: 'removeItemsWithAlreadySeenKeyValues',
    description: 'How to select input items to remove by comparing them with key values previously processed',
    displayOptions: { show: { operation: ['removeItemsSeenInPreviousExecutions'] }, ...v2 },
  },
  {
    displayName: 'Value to Dedupe On', name: 'dedupeValue', type: 'string', default: '', required: true, placeholder: 'e.g. ID',
    description: 'Use an input field (or a combination of fields) that has a unique ID value',
    displayOptions: { show: { logic: ['removeItemsWithAlreadySeenKeyValues'], ...previousExecutions }, ...v2 },
  },
  {
    displayName: 'Value to Dedupe On', name: 'incrementalDedupeValue', type: 'number', default: '', placeholder: 'e.g. ID',
    description: 'Use an input field (or a combination of fields) that has an incremental value',
    displayOptions: { show: { logic: ['removeItemsUpToStoredIncrementalKey'], ...previousExecutions }, ...v2 },
  },
  {
    displayName: 'Value to Dedupe On', name: 'dateDedupeValue', type: 'dateTime', default: '', placeholder: ' e.g. 2024-08-09T13:44:16Z',
    description: 'Use an input field that has a date value in ISO format',
    displayOptions: { show: { logic: ['removeItemsUpToStoredDate'], ...previousExecutions }, ...v2 },
  },
  {
    displayName: 'Mode', name: 'mode', type: 'options', default: 'cleanDatabase',
    description: 'How you want to modify the key values stored on the database. None of these modes removes input items.',
    options: [{ name: 'Clean Database', value: 'cleanDatabase', description: 'Clear all values stored for a key in the database' }],
    displayOptions: { show: { operation: ['clearDeduplicationHistory'] }, ...v2 },
  },
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add Field',
    default: {},
    displayOptions: v2,
    options: [
      { ...disableDotNotationOption, displayOptions: { show: { '/operation': ['removeDuplicateInputItems'] }, hide: { '/compare': ['allFields'] } } },
      { ...removeOtherFieldsOption, displayOptions: { show: { '/operation': ['removeDuplicateInputItems'] }, hide: { '/compare': ['allFields'] } } },
      {
        displayName: 'Scope', name: 'scope', type: 'options', default: 'node',
        description: "If set to 'workflow', key values will be shared across all nodes in the workflow. If set to 'node', key values will be specific to this node.",
        options: [
          { name: 'Workflow', value: 'workflow', description: 'Deduplication info will be shared by all the nodes in the workflow' },
          { name: 'Node', value: 'node', description: 'Deduplication info will be stored only for this node' },
        ],
        displayOptions: { show: { '/operation': ['clearDeduplicationHistory', 'removeItemsSeenInPreviousExecutions'] } },
      },
      {
        displayName: 'History Size', name: 'historySize', type: 'number', default: 10000,
        displayOptions: { show: { '/logic': ['removeItemsWithAlreadySeenKeyValues'], ...previousExecutions } },
      },
    ],
  },
];

export const removeDuplicatesProperties: NodeProperty[] = [
  ...compareProperties(v1),
  compareOptionsProperty(v1),
  ...v2Properties,
];
