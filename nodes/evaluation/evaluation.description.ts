// The Evaluation node's parameters with n8n's names, values and defaults (n8n-nodes-base.evaluation
// 4.6–4.8). Set Outputs writes to a data table (4.8's default source); Google Sheets is not offered.
import type { NodeProperty } from '../../engine/index.ts';
import { dataTableLocatorModes } from '../shared/data-table-fields.ts';
import { CORRECTNESS_INPUT_PROMPT, CORRECTNESS_PROMPT, HELPFULNESS_INPUT_PROMPT, HELPFULNESS_PROMPT } from './judge-prompts.ts';

const op = (...operation: string[]) => ({ show: { operation } });
const forMetric = (...metric: string[]) => ({ show: { operation: ['setMetrics'], metric } });
const nameValueList = (name: string, label: string, key: string): NodeProperty => ({
  displayName: `${label}s`, name, type: 'fixedCollection', placeholder: `Add ${label}`, default: {},
  typeOptions: { multipleValues: true, multipleValueButtonText: `Add ${label}` },
  options: [{
    displayName: 'Filter', name: 'values',
    values: [
      { displayName: 'Name', name: `${key}Name`, type: 'string', default: '' },
      { displayName: 'Value', name: `${key}Value`, type: 'string', default: '' },
    ],
  }],
});

const judgeFields = (metric: string, prompt: string, inputPrompt: string): NodeProperty[] => [
  { displayName: 'Prompt', name: 'prompt', type: 'string', default: prompt, typeOptions: { rows: 4 }, displayOptions: forMetric(metric) },
  {
    displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option', displayOptions: forMetric(metric),
    options: [
      { displayName: 'Input Prompt', name: 'inputPrompt', type: 'string', default: inputPrompt, typeOptions: { rows: 4 } },
      { displayName: 'Metric Name', name: 'metricName', type: 'string', default: metric === 'correctness' ? 'Correctness' : 'Helpfulness' },
    ],
  },
];

const metricNameOption = (metric: string, name: string): NodeProperty => ({
  displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option', displayOptions: forMetric(metric),
  options: [{ displayName: 'Metric Name', name: 'metricName', type: 'string', default: name }],
});

export const evaluationProperties: NodeProperty[] = [
  {
    displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'setOutputs',
    options: [
      { name: 'Set Inputs', value: 'setInputs' },
      { name: 'Set Outputs', value: 'setOutputs' },
      { name: 'Set Metrics', value: 'setMetrics' },
      { name: 'Check If Evaluating', value: 'checkIfEvaluating' },
    ],
  },
  {
    displayName: 'Source', name: 'source', type: 'options', default: 'dataTable', description: 'Where to write the outputs',
    displayOptions: { show: { '@version': [{ _cnd: { gte: 4.8 } }], operation: ['setOutputs'] } },
    options: [{ name: 'Data Table', value: 'dataTable' }, { name: 'Google Sheets', value: 'googleSheets', description: 'Not supported in Weft: outputs are only recorded on the evaluation run' }],
  },
  {
    displayName: 'Source', name: 'source', type: 'options', default: 'googleSheets', description: 'Where to write the outputs',
    displayOptions: { show: { '@version': [{ _cnd: { lte: 4.7 } }], operation: ['setOutputs'] } },
    options: [{ name: 'Data Table', value: 'dataTable' }, { name: 'Google Sheets', value: 'googleSheets', description: 'Not supported in Weft: outputs are only recorded on the evaluation run' }],
  },
  {
    displayName: 'Data Table', name: 'dataTableId', type: 'resourceLocator', default: { mode: 'list', value: '' },
    description: 'Usually the data table the Evaluation Trigger reads', displayOptions: { show: { operation: ['setOutputs'], source: ['dataTable'] } },
    modes: dataTableLocatorModes('e.g. My Dataset'),
  },
  { ...nameValueList('inputs', 'Input', 'input'), displayOptions: op('setInputs') },
  { ...nameValueList('outputs', 'Output', 'output'), displayOptions: op('setOutputs') },
  {
    displayName: 'Metric', name: 'metric', type: 'options', noDataExpression: true, default: 'correctness', displayOptions: op('setMetrics'),
    options: [
      { name: 'Correctness', value: 'correctness', description: 'Whether the answer means the same as the expected one (AI-judged, 1–5)' },
      { name: 'Helpfulness', value: 'helpfulness', description: 'Whether the response answers the query (AI-judged, 1–5)' },
      { name: 'String Similarity', value: 'stringSimilarity', description: 'How close the answer is to the expected one, character by character (0–1)' },
      { name: 'Categorization', value: 'categorization', description: 'Whether the answer is exactly the expected one (1 or 0)' },
      { name: 'Accuracy', value: 'accuracy', description: 'Same as Categorization (its newer name)' },
      { name: 'Tools Used', value: 'toolsUsed', description: 'The share of the expected tools the agent called (0–1)' },
      { name: 'Custom Metrics', value: 'customMetrics', description: 'Numbers you calculate yourself' },
    ],
  },
  { displayName: 'Expected Answer', name: 'expectedAnswer', type: 'string', default: '', displayOptions: forMetric('correctness', 'stringSimilarity', 'categorization', 'accuracy') },
  { displayName: 'Actual Answer', name: 'actualAnswer', type: 'string', default: '', displayOptions: forMetric('correctness', 'stringSimilarity', 'categorization', 'accuracy') },
  { displayName: 'User Query', name: 'userQuery', type: 'string', default: '', displayOptions: forMetric('helpfulness') },
  { displayName: 'Response', name: 'actualAnswer', type: 'string', default: '', displayOptions: forMetric('helpfulness') },
  { displayName: 'Expected Tools', name: 'expectedTools', type: 'string', default: '', placeholder: 'e.g. Calculator, Wikipedia', description: 'Tool names, comma-separated', displayOptions: forMetric('toolsUsed') },
  { displayName: 'Intermediate Steps', name: 'intermediateSteps', type: 'string', default: '', description: "Turn on returning intermediate steps in the agent's options, then map them in here", displayOptions: forMetric('toolsUsed') },
  {
    displayName: 'Metrics to Return', name: 'metrics', type: 'assignmentCollection', default: { assignments: [{ name: '', value: '', type: 'number' }] },
    typeOptions: { assignment: { disableType: true, defaultType: 'number' } }, displayOptions: forMetric('customMetrics'),
  },
  ...judgeFields('correctness', CORRECTNESS_PROMPT, CORRECTNESS_INPUT_PROMPT),
  ...judgeFields('helpfulness', HELPFULNESS_PROMPT, HELPFULNESS_INPUT_PROMPT),
  metricNameOption('stringSimilarity', 'String similarity'),
  metricNameOption('categorization', 'Categorization'),
  metricNameOption('accuracy', 'Accuracy'),
  metricNameOption('toolsUsed', 'Tools Used'),
  {
    displayName: 'Routes to the ‘Evaluation’ branch when the run is an evaluation, otherwise to the ‘Normal’ branch.',
    name: 'notice', type: 'notice', default: '', displayOptions: op('checkIfEvaluating'),
  },
];
