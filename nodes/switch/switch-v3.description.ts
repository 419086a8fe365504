// Switch v3 parameters (n8n-nodes-base.switch 3–3.4): rules mode with one output per rule, or
// expression mode routing each item to a computed output index.
import type { NodeProperty } from '../../engine/index.ts';
import { conditionsProperty, ignoreCaseOption, looseTypeValidationProperties } from '../shared/filter-node.ts';
import { optionsCollection } from '../shared/properties.ts';

const loose = looseTypeValidationProperties(3.1);

/** The rules a new Switch node starts with (one rule comparing two empty strings). */
export const DEFAULT_RULES = {
  values: [
    {
      conditions: {
        options: { caseSensitive: true, leftValue: '', typeValidation: 'strict' },
        conditions: [{ leftValue: '', rightValue: '', operator: { type: 'string', operation: 'equals' } }],
        combinator: 'and',
      },
    },
  ],
};

const numberOutputs = (displayOptions: NodeProperty['displayOptions'], extra: Partial<NodeProperty> = {}): NodeProperty => ({
  displayName: 'Number of Outputs',
  name: 'numberOutputs',
  type: 'number',
  default: 4,
  description: 'How many outputs to create',
  displayOptions,
  ...extra,
});

export const switchV3Properties: NodeProperty[] = [
  {
    displayName: 'Mode',
    name: 'mode',
    type: 'options',
    noDataExpression: true,
    options: [
      { name: 'Rules', value: 'rules', description: 'Build a matching rule for each output' },
      { name: 'Expression', value: 'expression', description: 'Write an expression to return the output index' },
    ],
    default: 'rules',
    description: 'How data should be routed',
  },
  numberOutputs({ show: { mode: ['expression'], '@version': [{ _cnd: { gte: 3.3 } }] } }, { noDataExpression: true }),
  numberOutputs({ show: { mode: ['expression'], '@version': [{ _cnd: { lt: 3.3 } }] } }),
  {
    displayName: 'Output Index',
    name: 'output',
    type: 'number',
    displayOptions: { show: { mode: ['expression'] } },
    default: '={{}}',
    description:
      'The output index to send the input item to. Use an expression to calculate which input item should be routed to which output. The expression must return a number.',
    typeOptions: { validateType: 'number' },
  },
  {
    displayName: 'Routing Rules',
    name: 'rules',
    placeholder: 'Add Routing Rule',
    type: 'fixedCollection',
    typeOptions: { multipleValues: true, sortable: true },
    default: DEFAULT_RULES,
    displayOptions: { show: { mode: ['rules'] } },
    options: [
      {
        name: 'values',
        displayName: 'Values',
        values: [
          conditionsProperty(3.1, '={{ $nodeVersion >= 3.4 ? 3 : $nodeVersion >= 3.2 ? 2 : 1 }}', {
            typeOptions: {
              multipleValues: false,
              filter: {
                caseSensitive: '={{!$parameter.options.ignoreCase}}',
                typeValidation:
                  '={{ ($nodeVersion < 3.1 ? $parameter.options.looseTypeValidation :  $parameter.looseTypeValidation) ? "loose" : "strict" }}',
                version: '={{ $nodeVersion >= 3.4 ? 3 : $nodeVersion >= 3.2 ? 2 : 1 }}',
              },
            },
          }),
          { displayName: 'Rename Output', name: 'renameOutput', type: 'boolean', default: false },
          {
            displayName: 'Output Name',
            name: 'outputKey',
            type: 'string',
            default: '',
            description: 'The label of output to which to send data to if rule matches',
            displayOptions: { show: { renameOutput: [true] } },
          },
        ],
      },
    ],
  },
  loose.topLevel,
  optionsCollection([
    {
      displayName: 'Fallback Output',
      name: 'fallbackOutput',
      type: 'options',
      typeOptions: { loadOptionsDependsOn: ['rules.values', '/rules', '/rules.values'], loadOptionsMethod: 'getFallbackOutputOptions' },
      options: [
        { name: 'None (default)', value: 'none', description: 'Items will be ignored' },
        { name: 'Extra Output', value: 'extra', description: 'Items will be sent to the extra, separate, output' },
      ],
      default: 'none',
      description: 'If no rule matches the item will be sent to this output, by default they will be ignored',
    },
    ignoreCaseOption,
    loose.option,
    {
      displayName: 'Rename Fallback Output',
      name: 'renameFallbackOutput',
      type: 'string',
      placeholder: 'e.g. Fallback',
      default: '',
      displayOptions: { show: { fallbackOutput: ['extra'] } },
    },
    {
      displayName: 'Send data to all matching outputs',
      name: 'allMatchingOutputs',
      type: 'boolean',
      default: false,
      description: 'Whether to send data to all outputs meeting conditions (and not just the first one)',
    },
  ], { displayOptions: { show: { mode: ['rules'] } } }),
];
