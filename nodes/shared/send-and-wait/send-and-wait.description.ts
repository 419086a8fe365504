// The parameters of n8n's "Send and Wait for Response" operation (utils/sendAndWait): who gets the
// message (given by each node), subject, message, the response type with its approval buttons, and
// the options (wait limit, attribution, form labels), shown for resource X / operation sendAndWait.
import type { NodeProperty } from '../../../engine/index.ts';
import { formFieldsProperty } from '../form-page/form.description.ts';
import { FORM_CSS_VARIABLES } from '../form-page/form-page-style.ts';
import { DEFAULT_FORM_JSON } from './send-and-wait-basics.ts';

export const SEND_AND_WAIT_OPERATION = 'sendAndWait';

const buttonStyle = (name: string, displayName: string, fallback: string, show: string[]): NodeProperty => ({
  displayName, name, type: 'options', default: fallback,
  options: [{ name: 'Primary', value: 'primary' }, { name: 'Secondary', value: 'secondary' }],
  displayOptions: { show: { approvalType: show } },
});

const limitWaitTime: NodeProperty = {
  displayName: 'Limit Wait Time',
  name: 'limitWaitTime',
  type: 'fixedCollection',
  description: 'Whether the workflow will automatically resume execution after the specified limit type',
  default: { values: { limitType: 'afterTimeInterval', resumeAmount: 45, resumeUnit: 'minutes' } },
  options: [{
    displayName: 'Values',
    name: 'values',
    values: [
      {
        displayName: 'Limit Type', name: 'limitType', type: 'options', default: 'afterTimeInterval',
        description: 'Sets the condition for the execution to resume. Can be a specified date or after some time.',
        options: [
          { name: 'After Time Interval', value: 'afterTimeInterval', description: 'Waits for a certain amount of time' },
          { name: 'At Specified Time', value: 'atSpecifiedTime', description: 'Waits until the set date and time to continue' },
        ],
      },
      {
        displayName: 'Amount', name: 'resumeAmount', type: 'number', default: 1, description: 'The time to wait',
        typeOptions: { minValue: 0, numberPrecision: 2 }, displayOptions: { show: { limitType: ['afterTimeInterval'] } },
      },
      {
        displayName: 'Unit', name: 'resumeUnit', type: 'options', default: 'hours', description: 'Unit of the interval value',
        options: [{ name: 'Minutes', value: 'minutes' }, { name: 'Hours', value: 'hours' }, { name: 'Days', value: 'days' }],
        displayOptions: { show: { limitType: ['afterTimeInterval'] } },
      },
      {
        displayName: 'Max Date and Time', name: 'maxDateAndTime', type: 'dateTime', default: '',
        description: 'Continue execution after the specified date and time', displayOptions: { show: { limitType: ['atSpecifiedTime'] } },
      },
    ],
  }],
};

const appendAttribution: NodeProperty = {
  displayName: 'Append n8n Attribution',
  name: 'appendAttribution',
  type: 'boolean',
  default: true,
  description: 'Whether to include the phrase "This message was sent automatically with n8n" to the end of the message',
};

export interface SendAndWaitPropertyOptions {
  /** Discord and WhatsApp have no button styles. */
  noButtonStyle?: boolean;
  defaultApproveLabel?: string;
  defaultDisapproveLabel?: string;
  /** Discord, Telegram, Slack and other chats have no subject. */
  noSubject?: boolean;
}

/** n8n's getSendAndWaitProperties for one node. */
export function sendAndWaitProperties(target: NodeProperty[], resource = 'message', extra: NodeProperty[] = [], options: SendAndWaitPropertyOptions = {}): NodeProperty[] {
  const approvalValues: NodeProperty[] = [
    {
      displayName: 'Type of Approval', name: 'approvalType', type: 'options', placeholder: 'Add option', default: 'single',
      options: [{ name: 'Approve Only', value: 'single' }, { name: 'Approve and Disapprove', value: 'double' }],
    },
    { displayName: 'Approve Button Label', name: 'approveLabel', type: 'string', default: options.defaultApproveLabel || 'Approve', displayOptions: { show: { approvalType: ['single', 'double'] } } },
    ...(options.noButtonStyle ? [] : [buttonStyle('buttonApprovalStyle', 'Approve Button Style', 'primary', ['single', 'double'])]),
    { displayName: 'Disapprove Button Label', name: 'disapproveLabel', type: 'string', default: options.defaultDisapproveLabel || 'Decline', displayOptions: { show: { approvalType: ['double'] } } },
    ...(options.noButtonStyle ? [] : [buttonStyle('buttonDisapprovalStyle', 'Disapprove Button Style', 'secondary', ['double'])]),
  ];
  const properties: NodeProperty[] = [
    ...target,
    ...(options.noSubject ? [] : [{ displayName: 'Subject', name: 'subject', type: 'string', default: '', required: true, placeholder: 'e.g. Approval required' } satisfies NodeProperty]),
    { displayName: 'Message', name: 'message', type: 'string', default: '', required: true, typeOptions: { rows: 4 } },
    {
      displayName: 'Response Type', name: 'responseType', type: 'options', default: 'approval',
      options: [
        { name: 'Approval', value: 'approval', description: 'User can approve/disapprove from within the message' },
        { name: 'Free Text', value: 'freeText', description: 'User can submit a response via a form' },
        { name: 'Custom Form', value: 'customForm', description: 'User can submit a response via a custom form' },
      ],
    },
    // Custom Form: n8n's formFieldsProperties (Form node), shown for this response type.
    {
      displayName: 'Define Form', name: 'defineForm', type: 'options', noDataExpression: true, default: 'fields',
      options: [{ name: 'Using Fields Below', value: 'fields' }, { name: 'Using JSON', value: 'json' }],
      displayOptions: { show: { responseType: ['customForm'] } },
    },
    {
      displayName: 'Form Fields', name: 'jsonOutput', type: 'json', typeOptions: { rows: 5 }, default: DEFAULT_FORM_JSON,
      displayOptions: { show: { responseType: ['customForm'], defineForm: ['json'] } },
    },
    { ...formFieldsProperty, displayOptions: { show: { responseType: ['customForm'], defineForm: ['fields'] } } },
    {
      displayName: 'Approval Options', name: 'approvalOptions', type: 'fixedCollection', placeholder: 'Add option', default: {},
      options: [{ displayName: 'Values', name: 'values', values: approvalValues }],
      displayOptions: { show: { responseType: ['approval'] } },
    },
    {
      displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {},
      options: [limitWaitTime, appendAttribution],
      displayOptions: { show: { responseType: ['approval'] } },
    },
    {
      displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {},
      options: [
        { displayName: 'Message Button Label', name: 'messageButtonLabel', type: 'string', default: 'Respond' },
        { displayName: 'Response Form Title', name: 'responseFormTitle', type: 'string', default: '', description: 'Title of the form that the user can access to provide their response' },
        { displayName: 'Response Form Description', name: 'responseFormDescription', type: 'string', default: '', description: 'Description of the form that the user can access to provide their response' },
        { displayName: 'Response Form Button Label', name: 'responseFormButtonLabel', type: 'string', default: 'Submit' },
        {
          displayName: 'Response Form Custom Styling', name: 'responseFormCustomCss', type: 'string', typeOptions: { rows: 10, editor: 'cssEditor' },
          default: FORM_CSS_VARIABLES.trim(), description: 'Override default styling of the response form with CSS',
        },
        limitWaitTime,
        appendAttribution,
      ],
      displayOptions: { show: { responseType: ['freeText', 'customForm'] } },
    },
    ...extra,
  ];
  // Every property shows only for this resource's sendAndWait, on top of its own conditions.
  return properties.map((p) => ({
    ...p,
    displayOptions: { ...p.displayOptions, show: { ...p.displayOptions?.show, resource: [resource], operation: [SEND_AND_WAIT_OPERATION] } },
  }));
}
