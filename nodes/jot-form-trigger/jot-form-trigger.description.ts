// JotForm Trigger's parameters (n8n-nodes-base.jotFormTrigger v1): n8n's names, types and defaults;
// the descriptions are our own words.
import type { NodeProperty } from '../../engine/index.ts';

export const jotFormTriggerProperties: NodeProperty[] = [
  {
    displayName: 'Form Name or ID', name: 'form', type: 'options', required: true, typeOptions: { loadOptionsMethod: 'getForms' }, default: '',
    description: 'The form whose submissions start the workflow. Choose from the list, or give an ID with an expression.',
  },
  {
    displayName: 'Resolve Data', name: 'resolveData', type: 'boolean', default: true,
    description: "Whether answers are keyed by the questions' texts instead of JotForm's internal keys (q3_name, …)",
  },
  {
    displayName: 'Only Answers', name: 'onlyAnswers', type: 'boolean', default: true,
    description: 'Whether only the answers are returned, without the rest of the submission',
  },
];
