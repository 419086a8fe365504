// The Evaluation Trigger's parameters with n8n's names and defaults (n8n-nodes-base.evaluationTrigger
// 4.6/4.7): the dataset comes from a data table (Google Sheets, n8n's other source, is not offered).
import type { NodeProperty } from '../../engine/index.ts';
import { dataTableConditionFields, dataTableLocatorModes } from '../shared/data-table-fields.ts';
import { DEFAULT_MAX_ROWS } from '../shared/evaluation-dataset.ts';

const DATA_TABLE = { source: ['dataTable'] };

export const evaluationTriggerProperties: NodeProperty[] = [
  {
    displayName: 'Source', name: 'source', type: 'options', default: 'dataTable', noDataExpression: true,
    description: 'Where to get the test dataset from',
    options: [{ name: 'Data Table', value: 'dataTable' }, { name: 'Google Sheets', value: 'googleSheets', description: 'Not supported in Weft: import the sheet as a data table (CSV)' }],
  },
  {
    displayName: 'Data Table', name: 'dataTableId', type: 'resourceLocator', required: true, default: { mode: 'list', value: '' }, displayOptions: { show: DATA_TABLE },
    modes: dataTableLocatorModes('e.g. My Dataset'),
  },
  { displayName: 'Limit Rows', name: 'limitRows', type: 'boolean', default: false, noDataExpression: true, description: 'Whether to limit the number of rows to process', displayOptions: { show: DATA_TABLE } },
  {
    displayName: 'Max Rows to Process', name: 'maxRows', type: 'number', default: DEFAULT_MAX_ROWS, typeOptions: { minValue: 1 },
    description: 'Maximum number of rows to read and process during the evaluation', displayOptions: { show: { ...DATA_TABLE, limitRows: [true] } },
  },
  { displayName: 'Filter Rows', name: 'filterRows', type: 'boolean', default: false, noDataExpression: true, description: 'Whether to filter the rows to process', displayOptions: { show: DATA_TABLE } },
  {
    displayName: 'Must Match', name: 'matchType', type: 'options', default: 'anyCondition', displayOptions: { show: { ...DATA_TABLE, filterRows: [true] } },
    options: [{ name: 'Any Condition', value: 'anyCondition' }, { name: 'All Conditions', value: 'allConditions' }],
  },
  {
    displayName: 'Conditions', name: 'filters', type: 'fixedCollection', default: {}, placeholder: 'Add Condition',
    typeOptions: { multipleValues: true }, displayOptions: { show: { ...DATA_TABLE, filterRows: [true] } },
    options: [{
      displayName: 'Conditions', name: 'conditions',
      values: dataTableConditionFields(),
    }],
  },
];
