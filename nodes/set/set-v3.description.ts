// Edit Fields (Set) v3–3.4 parameters, after n8n's Set/v2 description: manual fields (a
// fixedCollection until 3.2, an assignment collection from 3.3) or a JSON template.
import type { NodeProperty } from '../../engine/index.ts';
import { option, optionsCollection } from '../shared/properties.ts';

const OLD = [3, 3.1, 3.2];
const manual = { mode: ['manual'] };

const fieldValue = (name: string, type: NodeProperty['type'], def: unknown, extra: Partial<NodeProperty> = {}): NodeProperty => ({
  displayName: 'Value',
  name,
  type,
  default: def,
  displayOptions: { show: { type: [name] } },
  ...extra,
});

const includeFields = (show: Record<string, unknown[]>, hide?: Record<string, unknown[]>): NodeProperty => ({
  displayName: 'Fields to Include',
  name: 'includeFields',
  type: 'string',
  default: '',
  placeholder: 'e.g. fieldToInclude1,fieldToInclude2',
  description: 'Comma-separated list of the field names you want to include in the output. You can drag the selected fields from the input panel.',
  displayOptions: { show: { include: ['selected'], ...show }, ...(hide ? { hide } : {}) },
});

const excludeFields = (show: Record<string, unknown[]>, hide?: Record<string, unknown[]>): NodeProperty => ({
  displayName: 'Fields to Exclude',
  name: 'excludeFields',
  type: 'string',
  default: '',
  placeholder: 'e.g. fieldToExclude1,fieldToExclude2',
  description: 'Comma-separated list of the field names you want to exclude from the output. You can drag the selected fields from the input panel.',
  displayOptions: { show: { include: ['except'], ...show }, ...(hide ? { hide } : {}) },
});

export const setV3Properties: NodeProperty[] = [
  {
    displayName: 'Mode',
    name: 'mode',
    type: 'options',
    noDataExpression: true,
    options: [option('Manual Mapping', 'manual', 'Edit item fields one by one'), option('JSON', 'raw', 'Customize item output with JSON')],
    default: 'manual',
  },
  { displayName: 'Duplicate Item', name: 'duplicateItem', type: 'boolean', default: false },
  {
    displayName: 'Duplicate Item Count',
    name: 'duplicateCount',
    type: 'number',
    default: 0,
    typeOptions: { minValue: 0 },
    description: 'How many times the item should be duplicated, mainly used for testing and debugging',
    displayOptions: { show: { duplicateItem: [true] } },
  },
  {
    displayName: 'Item duplication is set in the node settings. This option will be ignored when the workflow runs automatically.',
    name: 'duplicateWarning',
    type: 'notice',
    default: '',
    displayOptions: { show: { duplicateItem: [true] } },
  },
  {
    displayName: 'JSON',
    name: 'jsonOutput',
    type: 'json',
    typeOptions: { rows: 5 },
    default: '{\n  "my_field_1": "value",\n  "my_field_2": 1\n}\n',
    displayOptions: { show: { mode: ['raw'] } },
  },
  {
    displayName: 'Fields to Set',
    name: 'fields',
    placeholder: 'Add Field',
    type: 'fixedCollection',
    description: 'Edit existing fields or add new ones to modify the output data',
    displayOptions: { show: { '@version': OLD, ...manual } },
    typeOptions: { multipleValues: true, sortable: true },
    default: {},
    options: [
      {
        name: 'values',
        displayName: 'Values',
        values: [
          { displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. fieldName', description: 'Name of the field to set the value of. Supports dot-notation. Example: data.person[0].name.' },
          {
            displayName: 'Type',
            name: 'type',
            type: 'options',
            description: 'The field value type',
            options: [
              option('String', 'stringValue'),
              option('Number', 'numberValue'),
              option('Boolean', 'booleanValue'),
              option('Array', 'arrayValue'),
              option('Object', 'objectValue'),
            ],
            default: 'stringValue',
          },
          fieldValue('stringValue', 'string', ''),
          fieldValue('numberValue', 'string', ''),
          fieldValue('booleanValue', 'options', 'true', { options: [option('True', 'true'), option('False', 'false')] }),
          fieldValue('arrayValue', 'string', '', { placeholder: 'e.g. [ arrayItem1, arrayItem2, arrayItem3 ]' }),
          fieldValue('objectValue', 'json', '={}', { typeOptions: { rows: 2 } }),
        ],
      },
    ],
  },
  {
    displayName: 'Fields to Set',
    name: 'assignments',
    type: 'assignmentCollection',
    displayOptions: { show: manual, hide: { '@version': OLD } },
    default: {},
  },
  {
    displayName: 'Include in Output',
    name: 'include',
    type: 'options',
    description: 'How to select the fields you want to include in your output items',
    default: 'all',
    displayOptions: { show: { '@version': OLD } },
    options: [
      option('All Input Fields', 'all', 'Also include all unchanged fields from the input'),
      option('No Input Fields', 'none', 'Include only the fields specified above'),
      option('Selected Input Fields', 'selected', 'Also include the fields listed in the parameter “Fields to Include”'),
      option('All Input Fields Except', 'except', 'Exclude the fields listed in the parameter “Fields to Exclude”'),
    ],
  },
  {
    displayName: 'Include Other Input Fields',
    name: 'includeOtherFields',
    type: 'boolean',
    default: false,
    description: "Whether to pass to the output all the input fields (along with the fields set in 'Fields to Set')",
    displayOptions: { hide: { '@version': OLD } },
  },
  {
    displayName: 'Input Fields to Include',
    name: 'include',
    type: 'options',
    description: 'How to select the fields you want to include in your output items',
    default: 'all',
    displayOptions: { hide: { '@version': OLD, '/includeOtherFields': [false] } },
    options: [
      option('All', 'all', 'Also include all unchanged fields from the input'),
      option('Selected', 'selected', 'Also include the fields listed in the parameter “Fields to Include”'),
      option('All Except', 'except', 'Exclude the fields listed in the parameter “Fields to Exclude”'),
    ],
  },
  includeFields({ '@version': OLD }),
  excludeFields({ '@version': OLD }),
  includeFields({ '/includeOtherFields': [true] }, { '@version': OLD }),
  excludeFields({ '/includeOtherFields': [true] }, { '@version': OLD }),
  optionsCollection([
    { displayName: 'Include Binary File', name: 'includeBinary', type: 'boolean', default: true, displayOptions: { hide: { '@version': [{ _cnd: { gte: 3.4 } }] } }, description: 'Whether binary data should be included if present in the input item' },
    {
      displayName: 'Strip Binary Data',
      name: 'stripBinary',
      type: 'boolean',
      default: true,
      description: 'Whether binary data should be stripped from the input item. Only applies when "Include Other Input Fields" is enabled.',
      displayOptions: { show: { '@version': [{ _cnd: { gte: 3.4 } }], '/includeOtherFields': [true] } },
    },
    { displayName: 'Ignore Type Conversion Errors', name: 'ignoreConversionErrors', type: 'boolean', default: false, description: 'Whether to ignore field type errors and apply a less strict type conversion', displayOptions: { show: { '/mode': ['manual'] } } },
    {
      displayName: 'Support Dot Notation',
      name: 'dotNotation',
      type: 'boolean',
      default: true,
      description: 'By default, dot-notation is used in property names. This means that "a.b" will set the property "b" underneath "a" so { "a": { "b": value} }. If that is not intended this can be deactivated, it will then set { "a.b": value } instead.',
    },
  ]),
];
