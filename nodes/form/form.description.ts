// n8n Form node parameters (Form.node.ts, versions 1 and 2.3): "Next Form Page" (fields as in the
// Form Trigger, or JSON) and "Form Ending" (completion screen, redirect, text/HTML, a binary file),
// each with n8n's optional wait limit at the node's root.
import type { NodeProperty } from '../../engine/index.ts';
import { customCssProperty, formDescriptionProperty, formFieldsProperty, formTitleProperty } from '../shared/form-page/index.ts';
import { DEFAULT_FORM_JSON } from '../shared/send-and-wait/send-and-wait-basics.ts';

type Show = Record<string, unknown[]>;
const shown = (show: Show, properties: NodeProperty[]): NodeProperty[] =>
  properties.map((p) => ({ ...p, displayOptions: { ...p.displayOptions, show: { ...show, ...p.displayOptions?.show } } }));

const units = [{ name: 'Minutes', value: 'minutes' }, { name: 'Hours', value: 'hours' }, { name: 'Days', value: 'days' }];
const limited = (type: string) => ({ show: { limitWaitTime: [true], limitType: [type] } });

/** n8n's waitTimeProperties: the same names and defaults as the Wait node's limit. */
const waitTimeProperties: NodeProperty[] = [
  {
    displayName: 'Limit Wait Time', name: 'limitWaitTime', type: 'boolean', default: false,
    description: 'Whether to limit the time this node should wait for a user response before execution resumes',
  },
  {
    displayName: 'Limit Type', name: 'limitType', type: 'options', default: 'afterTimeInterval', displayOptions: { show: { limitWaitTime: [true] } },
    description: 'Sets the condition for the execution to resume. Can be a specified date or after some time.',
    options: [
      { name: 'After Time Interval', value: 'afterTimeInterval', description: 'Waits for a certain amount of time' },
      { name: 'At Specified Time', value: 'atSpecifiedTime', description: 'Waits until the set date and time to continue' },
    ],
  },
  { displayName: 'Amount', name: 'resumeAmount', type: 'number', default: 1, typeOptions: { minValue: 0, numberPrecision: 2 }, description: 'The time to wait', displayOptions: limited('afterTimeInterval') },
  { displayName: 'Unit', name: 'resumeUnit', type: 'options', options: units, default: 'hours', description: 'Unit of the interval value', displayOptions: limited('afterTimeInterval') },
  { displayName: 'Max Date and Time', name: 'maxDateAndTime', type: 'dateTime', default: '', description: 'Continue execution after the specified date and time', displayOptions: limited('atSpecifiedTime') },
];

const pageProperties = shown({ operation: ['page'] }, [
  {
    displayName: 'Define Form', name: 'defineForm', type: 'options', noDataExpression: true, default: 'fields',
    options: [{ name: 'Using Fields Below', value: 'fields' }, { name: 'Using JSON', value: 'json' }],
  },
  { displayName: 'Form Fields', name: 'jsonOutput', type: 'json', typeOptions: { rows: 5 }, default: DEFAULT_FORM_JSON, displayOptions: { show: { defineForm: ['json'] } } },
  { ...formFieldsProperty, displayOptions: { show: { defineForm: ['fields'] } } },
  ...waitTimeProperties,
  {
    displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {},
    options: [
      { ...formTitleProperty, required: false },
      formDescriptionProperty,
      { displayName: 'Button Label', name: 'buttonLabel', type: 'string', default: 'Submit' },
      customCssProperty,
    ],
  },
]);

const completionProperties = shown({ operation: ['completion'] }, [
  {
    displayName: 'On n8n Form Submission', name: 'respondWith', type: 'options', default: 'text',
    options: [
      { name: 'Show Completion Screen', value: 'text', description: 'Show a response text to the user' },
      { name: 'Redirect to URL', value: 'redirect', description: 'Redirect the user to a URL' },
      { name: 'Show Text', value: 'showText', description: 'Display simple text or HTML' },
      { name: 'Return Binary File', value: 'returnBinary', description: 'Return incoming binary file' },
    ],
  },
  { displayName: 'URL', name: 'redirectUrl', type: 'string', default: '', required: true, displayOptions: { show: { respondWith: ['redirect'] } } },
  { displayName: 'Completion Title', name: 'completionTitle', type: 'string', default: '', required: true, displayOptions: { show: { respondWith: ['text', 'returnBinary'] } } },
  { displayName: 'Completion Message', name: 'completionMessage', type: 'string', default: '', typeOptions: { rows: 2 }, displayOptions: { show: { respondWith: ['text', 'returnBinary'] } } },
  {
    displayName: 'Text', name: 'responseText', type: 'string', default: '', typeOptions: { rows: 2 }, placeholder: 'e.g. Thanks for filling the form',
    description: 'The text to display on the page. Use HTML to show a customized web page.', displayOptions: { show: { respondWith: ['showText'] } },
  },
  {
    displayName: 'Input Data Field Name', name: 'inputDataFieldName', type: 'string', default: 'data', placeholder: 'e.g. data',
    description: 'Find the name of input field containing the binary data to return in the Input panel on the left, in the Binary tab',
    displayOptions: { show: { respondWith: ['returnBinary'] } },
  },
  ...waitTimeProperties,
  {
    displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {},
    displayOptions: { show: { respondWith: ['text', 'returnBinary', 'redirect'] } },
    options: [{ ...formTitleProperty, required: false, displayName: 'Completion Page Title' }, customCssProperty],
  },
]);

export const formProperties: NodeProperty[] = [
  { displayName: 'An n8n Form Trigger node must be set up before this node', name: 'triggerNotice', type: 'notice', default: '' },
  {
    displayName: 'Page Type', name: 'operation', type: 'options', default: 'page', noDataExpression: true,
    options: [{ name: 'Next Form Page', value: 'page' }, { name: 'Form Ending', value: 'completion' }],
  },
  ...pageProperties,
  ...completionProperties,
];
