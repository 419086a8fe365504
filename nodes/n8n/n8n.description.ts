// Parameters of n8n's "n8n" node (the n8n public API, v1): resources workflow, execution,
// credential and audit, with n8n's parameter names, options and defaults.
import type { NodeProperty } from '../../engine/index.ts';

const on = (resource: string, operation?: string[]) => ({ show: { resource: [resource], ...(operation ? { operation } : {}) } });

const workflowId = (operations: string[]): NodeProperty => ({
  displayName: 'Workflow', name: 'workflowId', type: 'resourceLocator', required: true, default: { mode: 'list', value: '' },
  description: 'Workflow to filter the executions by',
  modes: [
    { displayName: 'From List', name: 'list', type: 'list', placeholder: 'Select a Workflow...', typeOptions: { searchListMethod: 'searchWorkflows', searchable: true } },
    { displayName: 'By URL', name: 'url', type: 'string', placeholder: 'https://myinstance.app.n8n.cloud/workflow/1' },
    { displayName: 'ID', name: 'id', type: 'string', placeholder: '1' },
  ],
  displayOptions: on('workflow', operations),
});

const returnAll = (resource: string): NodeProperty[] => [
  { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: true, displayOptions: on(resource, ['getAll']),
    description: 'Whether to return all results or only up to a given limit' },
  { displayName: 'Limit', name: 'limit', type: 'number', default: 100, typeOptions: { minValue: 1, maxValue: 250 },
    displayOptions: { show: { resource: [resource], operation: ['getAll'], returnAll: [false] } }, description: 'Max number of results to return' },
];

const WORKFLOW_PLACEHOLDER = '{\n  "name": "My workflow",\n  "nodes": [],\n  "connections": {},\n  "settings": {}\n}';

export const n8nProperties: NodeProperty[] = [
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'workflow',
    options: [
      { name: 'Audit', value: 'audit' },
      { name: 'Credential', value: 'credential' },
      { name: 'Execution', value: 'execution' },
      { name: 'Workflow', value: 'workflow' },
    ] },
  // audit
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'generate', displayOptions: on('audit'),
    options: [{ name: 'Generate', value: 'generate', description: 'Generate a security audit' }] },
  { displayName: 'Additional Options', name: 'additionalOptions', type: 'collection', placeholder: 'Add Filter', default: {}, displayOptions: on('audit', ['generate']),
    options: [
      { displayName: 'Categories', name: 'categories', type: 'multiOptions', default: [],
        options: ['credentials', 'database', 'nodes', 'filesystem', 'instance'].map((value) => ({ name: value[0].toUpperCase() + value.slice(1), value })) },
      { displayName: 'Days Abandoned Workflow', name: 'daysAbandonedWorkflow', type: 'number', default: 90,
        description: 'Days for a workflow to be considered abandoned if not executed' },
    ] },
  // credential
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'create', displayOptions: on('credential'),
    options: [
      { name: 'Create', value: 'create', description: 'Create a credential' },
      { name: 'Delete', value: 'delete', description: 'Delete a credential' },
      { name: 'Get Schema', value: 'getSchema', description: 'Get the data schema of a credential type' },
    ] },
  { displayName: 'Name', name: 'name', type: 'string', default: '', required: true, placeholder: 'e.g. n8n account', displayOptions: on('credential', ['create']),
    description: 'Name of the new credential' },
  { displayName: 'Credential Type', name: 'credentialTypeName', type: 'string', default: '', required: true, placeholder: 'e.g. n8nApi',
    displayOptions: on('credential', ['create', 'getSchema']), description: 'The available types depend on nodes installed on the instance' },
  { displayName: 'Data', name: 'data', type: 'json', default: '', required: true, placeholder: '{\n  "apiKey": "...",\n  "baseUrl": "..."\n}',
    typeOptions: { alwaysOpenEditWindow: true }, displayOptions: on('credential', ['create']),
    description: "A valid JSON object with properties required for this Credential Type. To see the expected format, you can use 'Get Schema' operation." },
  { displayName: 'Credential ID', name: 'credentialId', type: 'string', default: '', required: true, displayOptions: on('credential', ['delete']) },
  // execution
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'getAll', displayOptions: on('execution'),
    options: [
      { name: 'Delete', value: 'delete', description: 'Delete an execution' },
      { name: 'Get', value: 'get', description: 'Get an execution' },
      { name: 'Get Many', value: 'getAll', description: 'Get many executions' },
    ] },
  { displayName: 'Execution ID', name: 'executionId', type: 'string', default: '', required: true, displayOptions: on('execution', ['get', 'delete']) },
  ...returnAll('execution'),
  { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, displayOptions: on('execution', ['getAll']),
    options: [
      { displayName: 'Workflow', name: 'workflowId', type: 'string', default: '', description: 'Workflow to filter the executions by' },
      { displayName: 'Status', name: 'status', type: 'options', default: 'success', description: 'Status to filter the executions by',
        options: [{ name: 'Error', value: 'error' }, { name: 'Success', value: 'success' }, { name: 'Waiting', value: 'waiting' }] },
    ] },
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('execution', ['get', 'getAll']),
    options: [{ displayName: 'Include Execution Details', name: 'activeWorkflows', type: 'boolean', default: false,
      description: 'Whether to include the detailed execution data' }] },
  // workflow
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'getAll', displayOptions: on('workflow'),
    options: [
      { name: 'Activate', value: 'activate' },
      { name: 'Create', value: 'create' },
      { name: 'Deactivate', value: 'deactivate' },
      { name: 'Delete', value: 'delete' },
      { name: 'Get', value: 'get' },
      { name: 'Get Many', value: 'getAll' },
      { name: 'Update', value: 'update' },
    ] },
  workflowId(['activate', 'deactivate', 'delete', 'get', 'update']),
  { displayName: 'Workflow Object', name: 'workflowObject', type: 'json', default: '{ "name": "My workflow", "nodes": [], "connections": {}, "settings": {} }',
    placeholder: WORKFLOW_PLACEHOLDER, required: true, typeOptions: { alwaysOpenEditWindow: true }, displayOptions: on('workflow', ['create']),
    description: "A valid JSON object with required fields: 'name', 'nodes', 'connections' and 'settings'" },
  { displayName: 'Workflow Object', name: 'workflowObject', type: 'json', default: '', placeholder: WORKFLOW_PLACEHOLDER, required: true,
    typeOptions: { alwaysOpenEditWindow: true }, displayOptions: on('workflow', ['update']),
    description: "A valid JSON object with required fields: 'name', 'nodes', 'connections' and 'settings'" },
  ...returnAll('workflow'),
  { displayName: 'Filters', name: 'filters', type: 'collection', default: {}, displayOptions: on('workflow', ['getAll']),
    options: [
      { displayName: 'Return Only Active Workflows', name: 'activeWorkflows', type: 'boolean', default: true },
      { displayName: 'Tags', name: 'tags', type: 'string', default: '', description: 'Include only workflows with these tags (comma separated)' },
    ] },
];
