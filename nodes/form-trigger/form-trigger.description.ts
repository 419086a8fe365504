// Form Trigger parameters per typeVersion, as n8n declares them (Form/v1, Form/v2): the path moves
// into the options from 2.2, where "Respond to Webhook" is no longer a response mode.
import type { NodeProperty } from '../../engine/index.ts';
import {
  appendAttributionProperty, buttonLabelProperty, customCssProperty, formDescriptionProperty, formFieldsProperty, formPathProperty,
  formResponseModeProperty, formTitleProperty, respondWithOptionsProperty,
} from '../shared/form-page/index.ts';

const v = (cnd: Record<string, number>) => ({ show: { '@version': [{ _cnd: cnd }] } });

const useWorkflowTimezone = (defaultValue: boolean, displayOptions: NodeProperty['displayOptions']): NodeProperty => ({
  displayName: 'Use Workflow Timezone', name: 'useWorkflowTimezone', type: 'boolean', default: defaultValue,
  description: "Whether to use the workflow timezone in 'submittedAt' field or UTC", displayOptions,
});

export const formTriggerProperties: NodeProperty[] = [
  {
    displayName: 'Authentication', name: 'authentication', type: 'options', default: 'none', displayOptions: v({ gte: 2 }),
    options: [{ name: 'Basic Auth', value: 'basicAuth' }, { name: 'None', value: 'none' }],
  },
  { ...formPathProperty, displayOptions: v({ lte: 2.1 }) },
  formTitleProperty,
  formDescriptionProperty,
  formFieldsProperty,
  formResponseModeProperty(true, { displayOptions: v({ lte: 2.1 }) }),
  formResponseModeProperty(false, { displayOptions: v({ gte: 2.2 }) }),
  {
    displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {},
    options: [
      { ...appendAttributionProperty, displayOptions: v({ gte: 2 }) },
      { ...buttonLabelProperty, displayOptions: v({ gte: 2 }) },
      { ...formPathProperty, required: false, displayOptions: v({ gte: 2.2 }) },
      { ...respondWithOptionsProperty, displayOptions: { hide: { '/responseMode': ['responseNode'] }, ...v({ gte: 2 }) } },
      {
        displayName: 'Form Submitted Text', name: 'formSubmittedText', type: 'string', default: 'Your response has been recorded',
        description: 'The text displayed to users after they filled the form', displayOptions: v({ lt: 2 }),
      },
      {
        displayName: 'Ignore Bots', name: 'ignoreBots', type: 'boolean', default: false,
        description: 'Whether to ignore requests from bots like link previewers and web crawlers',
      },
      useWorkflowTimezone(false, { show: { '@version': [2] } }),
      useWorkflowTimezone(true, v({ gt: 2 })),
      { ...customCssProperty, displayOptions: v({ gt: 2 }) },
    ],
  },
];
