// The Call n8n Workflow Tool's parameters as n8n declares them: v1.x (extra fields, optional input
// schema, field to return before 1.3) and v2.x (workflow inputs mapped with $fromAI()).
import type { NodeProperty } from '../../engine/index.ts';
import { inputSchemaProperty, jsonSchemaExampleProperty, schemaTypeProperty } from '../ai-shared/tool-schema-properties.ts';

const descriptionProperty: NodeProperty = {
  displayName: 'Description', name: 'description', type: 'string', default: '', typeOptions: { rows: 3 },
  placeholder: 'Call this tool to get a random color. The input should be a string with comma separated names of colors to exclude.',
};
const sourceProperty: NodeProperty = {
  displayName: 'Source', name: 'source', type: 'options', default: 'database', description: 'Where to get the workflow to execute from',
  options: [
    { name: 'Database', value: 'database', description: 'Load the workflow from the database by ID' },
    { name: 'Define Below', value: 'parameter', description: 'Pass the JSON code of a workflow' },
  ],
};
const workflowSelector = (show: Record<string, unknown[]>): NodeProperty => ({
  displayName: 'Workflow', name: 'workflowId', type: 'resourceLocator', default: { __rl: true, value: '', mode: 'list' }, required: true, displayOptions: { show: { source: ['database'], ...show } },
});
const workflowJsonProperty: NodeProperty = {
  displayName: 'Workflow JSON', name: 'workflowJson', type: 'json', typeOptions: { rows: 10 }, default: '\n\n\n\n\n\n\n\n\n', required: true,
  description: 'The workflow JSON code to execute', displayOptions: { show: { source: ['parameter'] } },
};

const valueField = (name: string, type: NodeProperty['type'], fieldType: string, extra: Partial<NodeProperty> = {}): NodeProperty => ({
  displayName: 'Value', name, type, default: '', displayOptions: { show: { type: [fieldType] } }, ...extra,
});

export const v1Properties: NodeProperty[] = [
  { displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'My_Color_Tool', displayOptions: { show: { '@version': [1] } } },
  { displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. My_Color_Tool', description: 'The name of the function to be called, could contain letters, numbers, and underscores only', displayOptions: { show: { '@version': [{ _cnd: { between: { from: 1.1, to: 1.3 } } }] } } },
  descriptionProperty,
  sourceProperty,
  { displayName: 'Workflow ID', name: 'workflowId', type: 'string', default: '', required: true, description: 'The workflow to execute', displayOptions: { show: { source: ['database'], '@version': [{ _cnd: { lte: 1.1 } }] } } },
  workflowSelector({ '@version': [{ _cnd: { between: { from: 1.2, to: 1.3 } } }] }),
  workflowJsonProperty,
  {
    displayName: 'Field to Return', name: 'responsePropertyName', type: 'string', default: 'response', required: true,
    description: 'Where to find the data that this tool should return. n8n will look in the output of the last-executed node of the workflow for a field with this name, and return its value.',
    displayOptions: { show: { '@version': [{ _cnd: { lt: 1.3 } }] } },
  },
  {
    displayName: 'Extra Workflow Inputs', name: 'fields', placeholder: 'Add Value', type: 'fixedCollection', default: {},
    description: "These will be output by the 'execute workflow' trigger of the workflow being called", typeOptions: { multipleValues: true, sortable: true },
    options: [{
      name: 'values', displayName: 'Values',
      values: [
        { displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. fieldName', description: 'Name of the field to set the value of. Supports dot-notation. Example: data.person[0].name.' },
        {
          displayName: 'Type', name: 'type', type: 'options', default: 'stringValue', description: 'The field value type',
          options: [{ name: 'String', value: 'stringValue' }, { name: 'Number', value: 'numberValue' }, { name: 'Boolean', value: 'booleanValue' }, { name: 'Array', value: 'arrayValue' }, { name: 'Object', value: 'objectValue' }],
        },
        valueField('stringValue', 'string', 'stringValue'),
        valueField('numberValue', 'string', 'numberValue'),
        valueField('booleanValue', 'options', 'booleanValue', { default: 'true', options: [{ name: 'True', value: 'true' }, { name: 'False', value: 'false' }] }),
        valueField('arrayValue', 'string', 'arrayValue', { placeholder: 'e.g. [ arrayItem1, arrayItem2, arrayItem3 ]' }),
        valueField('objectValue', 'json', 'objectValue', { default: '={}', typeOptions: { rows: 2 } }),
      ],
    }],
  },
  { displayName: 'Specify Input Schema', name: 'specifyInputSchema', type: 'boolean', noDataExpression: true, default: false, description: 'Whether to specify the schema for the function. This would require the LLM to provide the input in the correct format and would validate it against the schema.' },
  schemaTypeProperty({ specifyInputSchema: [true] }),
  jsonSchemaExampleProperty({}),
  inputSchemaProperty({}),
];

export const v2Properties: NodeProperty[] = [
  { displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. My_Color_Tool', description: 'The name of the function to be called, could contain letters, numbers, and underscores only', displayOptions: { show: { '@version': [{ _cnd: { between: { from: 2, to: 2.1 } } }] } } },
  descriptionProperty,
  sourceProperty,
  workflowSelector({}),
  {
    displayName: 'Workflow Inputs', name: 'workflowInputs', type: 'resourceMapper', noDataExpression: true, default: { mappingMode: 'defineBelow', value: null }, required: true,
    typeOptions: { loadOptionsDependsOn: ['workflowId.value'], resourceMapper: { localResourceMapperMethod: 'loadSubWorkflowInputs', valuesLabel: 'Workflow Inputs', mode: 'map', fieldWords: { singular: 'workflow input', plural: 'workflow inputs' }, addAllFields: true, multiKeyMatch: false, supportAutoMap: false } },
    displayOptions: { show: { source: ['database'] }, hide: { workflowId: [''] } },
  },
  workflowJsonProperty,
];
