// Execute Workflow Trigger (n8n-nodes-base.executeWorkflowTrigger v1, v1.1): a sub-workflow
// starts here with the caller's items. From 1.1 an input schema (fields, or a JSON example) trims
// each item to the declared fields, missing ones set to null; "passthrough" accepts everything.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeProperty, type NodeType } from '../../engine/index.ts';
import { param } from '../shared/params.ts';

const JSON_EXAMPLE_DEFAULT = JSON.stringify({ aField: 'a string', aNumber: 123, thisFieldAcceptsAnyType: null, anArray: [] }, null, 2);
const SINCE_1_1 = { '@version': [{ _cnd: { gte: 1.1 } }] };
const TYPE_OPTIONS = ['any', 'string', 'number', 'boolean', 'array', 'object'].map((value) => ({
  name: value === 'any' ? 'Allow Any Type' : value.charAt(0).toUpperCase() + value.slice(1),
  value,
}));

const properties: NodeProperty[] = [
  {
    displayName: 'Events',
    name: 'events',
    type: 'hidden',
    noDataExpression: true,
    options: [{ name: 'Workflow Call', value: 'worklfow_call', description: 'When executed by another workflow using Execute Workflow Trigger' }],
    default: 'worklfow_call',
  },
  {
    displayName:
      "When an ‘execute workflow’ node calls this workflow, the execution starts here. Any data passed into the 'execute workflow' node will be output by this node.",
    name: 'notice',
    type: 'notice',
    default: '',
    displayOptions: { show: { '@version': [{ _cnd: { eq: 1 } }] } },
  },
  {
    displayName: 'Input data mode',
    name: 'inputSource',
    type: 'options',
    options: [
      { name: 'Define using fields below', value: 'workflowInputs', description: 'Provide input fields via UI' },
      { name: 'Define using JSON example', value: 'jsonExample', description: 'Generate a schema from an example JSON object' },
      { name: 'Accept all data', value: 'passthrough', description: 'Use all incoming data from the parent workflow' },
    ],
    default: 'workflowInputs',
    noDataExpression: true,
    displayOptions: { show: SINCE_1_1 },
  },
  {
    displayName: 'JSON Example',
    name: 'jsonExample',
    type: 'json',
    default: JSON_EXAMPLE_DEFAULT,
    noDataExpression: true,
    displayOptions: { show: { ...SINCE_1_1, inputSource: ['jsonExample'] } },
  },
  {
    displayName: 'Workflow Input Schema',
    name: 'workflowInputs',
    placeholder: 'Add field',
    type: 'fixedCollection',
    description: 'Define expected input fields. If no inputs are provided, all data from the calling workflow will be passed through.',
    typeOptions: { multipleValues: true, sortable: true, minRequiredFields: 1 },
    displayOptions: { show: { ...SINCE_1_1, inputSource: ['workflowInputs'] } },
    default: {},
    options: [
      {
        name: 'values',
        displayName: 'Values',
        values: [
          { displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. fieldName', required: true, noDataExpression: true },
          { displayName: 'Type', name: 'type', type: 'options', options: TYPE_OPTIONS, required: true, default: 'string', noDataExpression: true },
        ],
      },
    ],
  },
];

/** The declared input field names, from the field list or the JSON example's keys. */
function schemaFields(ctx: ExecuteContext, inputSource: string): string[] {
  if (inputSource === 'workflowInputs') {
    const values = (param<JsonObject>(ctx, 'workflowInputs', 0, {})?.values as JsonObject[] | undefined) ?? [];
    return values.map((field) => String(field.name ?? ''));
  }
  const example = param<unknown>(ctx, 'jsonExample', 0, JSON_EXAMPLE_DEFAULT);
  let parsed: unknown;
  try {
    parsed = typeof example === 'string' ? JSON.parse(example) : example;
  } catch (error) {
    throw new NodeOperationError(ctx.node.name, (error as Error).message);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new NodeOperationError(ctx.node.name, 'Invalid JSON schema. Missing key `properties` in schema');
  }
  return Object.keys(parsed);
}

export const executeWorkflowTriggerNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.executeWorkflowTrigger',
    displayName: 'Execute Workflow Trigger',
    group: ['trigger'],
    version: [1, 1.1],
    description: 'Helpers for calling other n8n workflows. Used for designing modular, microservice-like workflows.',
    icon: 'fa:sign-out-alt',
    defaults: { name: 'When Executed by Another Workflow', color: '#ff6d5a' },
    inputs: [],
    outputs: ['main'],
    properties,
  },
  async execute(ctx: ExecuteContext) {
    const items = ctx.getInputData();
    const inputSource = ctx.node.typeVersion < 1.1 ? 'passthrough' : param(ctx, 'inputSource', 0, 'workflowInputs');
    if (inputSource === 'passthrough') return [items];
    const fields = schemaFields(ctx, inputSource);
    const keep = new Set(fields);
    const trimmed: Item[] = items.map(({ json, binary }, index) => ({
      json: {
        ...Object.fromEntries(fields.map((name) => [name, null])),
        ...Object.fromEntries(Object.entries(json).filter(([key]) => keep.has(key))),
      },
      pairedItem: { item: index },
      ...(binary ? { binary } : {}),
    }));
    return [trimmed];
  },
};
