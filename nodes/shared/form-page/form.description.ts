// The form parameters n8n's Form Trigger, Form node and Wait node ("On Form Submitted") share:
// names, types and defaults as n8n declares them (Form/common.descriptions.ts).
import type { NodeProperty } from '../../../engine/index.ts';
import { FORM_CSS_VARIABLES } from './form-page-style.ts';

export const formPathProperty: NodeProperty = {
  displayName: 'Form Path', name: 'path', type: 'string', default: '', placeholder: 'webhook', required: true,
  description: "The final segment of the form's URL, both for test and production",
};

export const formTitleProperty: NodeProperty = {
  displayName: 'Form Title', name: 'formTitle', type: 'string', default: '', placeholder: 'e.g. Contact us', required: true,
  description: 'Shown at the top of the form',
};

export const formDescriptionProperty: NodeProperty = {
  displayName: 'Form Description', name: 'formDescription', type: 'string', default: '', placeholder: "e.g. We'll get back to you soon",
  description: 'Shown underneath the Form Title. Can be used to prompt the user on how to complete the form. Accepts HTML.',
  typeOptions: { rows: 2 },
};

const optionList = (displayName: string, placeholder: string, optionName: string, fieldType: string): NodeProperty => ({
  displayName, name: 'fieldOptions', placeholder, type: 'fixedCollection', default: { values: [{ option: '' }] }, required: true,
  displayOptions: { show: { fieldType: [fieldType] } }, typeOptions: { multipleValues: true, sortable: true },
  options: [{ displayName: 'Values', name: 'values', values: [{ displayName: optionName, name: 'option', type: 'string', default: '' }] }],
});

const checkboxOnly = (extra: Record<string, unknown[]> = {}) => ({ show: { fieldType: ['checkbox'], ...extra } });

export const formFieldsProperty: NodeProperty = {
  displayName: 'Form Elements', name: 'formFields', placeholder: 'Add Form Element', type: 'fixedCollection', default: {},
  typeOptions: { multipleValues: true, sortable: true },
  options: [{
    displayName: 'Values', name: 'values',
    values: [
      {
        displayName: 'Field Name', name: 'fieldLabel', type: 'string', default: '', placeholder: 'e.g. What is your name?',
        description: 'Label that appears above the input field', required: true, displayOptions: { hide: { fieldType: ['hiddenField', 'html'] } },
      },
      {
        displayName: 'Field Name', name: 'fieldName', type: 'string', default: '',
        description: 'The name of the field, used in input attributes and referenced by the workflow', displayOptions: { show: { fieldType: ['hiddenField'] } },
      },
      {
        displayName: 'Element Type', name: 'fieldType', type: 'options', default: 'text', required: true, description: 'The type of field to add to the form',
        options: [
          { name: 'Checkboxes', value: 'checkbox' }, { name: 'Custom HTML', value: 'html' }, { name: 'Date', value: 'date' },
          { name: 'Dropdown', value: 'dropdown' }, { name: 'Email', value: 'email' }, { name: 'File', value: 'file' },
          { name: 'Hidden Field', value: 'hiddenField' }, { name: 'Number', value: 'number' }, { name: 'Password', value: 'password' },
          { name: 'Radio Buttons', value: 'radio' }, { name: 'Text', value: 'text' }, { name: 'Textarea', value: 'textarea' },
        ],
      },
      {
        displayName: 'Element Name', name: 'elementName', type: 'string', default: '', placeholder: 'e.g. content-section',
        description: 'Optional field. It can be used to include the html in the output.', displayOptions: { show: { fieldType: ['html'] } },
      },
      {
        displayName: 'Placeholder', name: 'placeholder', type: 'string', default: '', description: 'Sample text to display inside the field',
        displayOptions: { hide: { fieldType: ['dropdown', 'date', 'file', 'html', 'hiddenField', 'radio', 'checkbox'] } },
      },
      {
        displayName: 'Field Value', name: 'fieldValue', type: 'string', default: '',
        description: 'Input value can be set here or will be passed as a query parameter via Field Name if no value is set',
        displayOptions: { show: { fieldType: ['hiddenField'] } },
      },
      optionList('Field Options', 'Add Field Option', 'Option', 'dropdown'),
      optionList('Checkboxes', 'Add Checkbox', 'Checkbox Label', 'checkbox'),
      optionList('Radio Buttons', 'Add Radio Button', 'Radio Button Label', 'radio'),
      {
        displayName: 'Multiple Choice', name: 'multiselect', type: 'boolean', default: false,
        description: 'Whether to allow the user to select multiple options from the dropdown list',
        displayOptions: { show: { fieldType: ['dropdown'], '@version': [{ _cnd: { lt: 2.3 } }] } },
      },
      {
        displayName: 'Limit Selection', name: 'limitSelection', type: 'options', default: 'unlimited',
        options: [{ name: 'Exact Number', value: 'exact' }, { name: 'Range', value: 'range' }, { name: 'Unlimited', value: 'unlimited' }],
        displayOptions: checkboxOnly(),
      },
      { displayName: 'Number of Selections', name: 'numberOfSelections', type: 'number', default: 1, typeOptions: { numberPrecision: 0, minValue: 1 }, displayOptions: checkboxOnly({ limitSelection: ['exact'] }) },
      { displayName: 'Minimum Selections', name: 'minSelections', type: 'number', default: 0, typeOptions: { numberPrecision: 0, minValue: 0 }, displayOptions: checkboxOnly({ limitSelection: ['range'] }) },
      { displayName: 'Maximum Selections', name: 'maxSelections', type: 'number', default: 1, typeOptions: { numberPrecision: 0, minValue: 1 }, displayOptions: checkboxOnly({ limitSelection: ['range'] }) },
      {
        displayName: 'HTML', name: 'html', type: 'string', default: '<!-- Your custom HTML here --->\n\n\n', noDataExpression: true,
        typeOptions: { editor: 'htmlEditor' },
        description: 'HTML elements to display on the form page. Does not accept <code>&lt;script&gt;</code>, <code>&lt;style&gt;</code> or <code>&lt;input&gt;</code> tags',
        displayOptions: { show: { fieldType: ['html'] } },
      },
      {
        displayName: 'Multiple Files', name: 'multipleFiles', type: 'boolean', default: true,
        description: 'Whether to allow the user to select multiple files from the file input or just one', displayOptions: { show: { fieldType: ['file'] } },
      },
      {
        displayName: 'Accepted File Types', name: 'acceptFileTypes', type: 'string', default: '', placeholder: 'e.g. .jpg, .png',
        description: 'Comma-separated list of allowed file extensions. Leave empty to allow all file types', displayOptions: { show: { fieldType: ['file'] } },
      },
      {
        displayName: "The displayed date is formatted based on the locale of the user's browser", name: 'formatDate', type: 'notice', default: '',
        displayOptions: { show: { fieldType: ['date'] } },
      },
      {
        displayName: 'Required Field', name: 'requiredField', type: 'boolean', default: false,
        description: 'Whether to require the user to enter a value for this field before submitting the form',
        displayOptions: { hide: { fieldType: ['html', 'hiddenField'] } },
      },
    ],
  }],
};

const onReceived = { name: 'Form Is Submitted', value: 'onReceived', description: 'As soon as this node receives the form submission' };
const lastNode = { name: 'Workflow Finishes', value: 'lastNode', description: 'When the last node of the workflow is executed' };
const responseNode = { name: "Using 'Respond to Webhook' Node", value: 'responseNode', description: "When the 'Respond to Webhook' node is executed" };

export function formResponseModeProperty(withResponseNode: boolean, extra: Partial<NodeProperty> = {}): NodeProperty {
  return {
    displayName: 'Respond When', name: 'responseMode', type: 'options', default: 'onReceived', description: 'When to respond to the form submission',
    options: withResponseNode ? [onReceived, lastNode, responseNode] : [onReceived, lastNode], ...extra,
  };
}

export const respondWithOptionsProperty: NodeProperty = {
  displayName: 'Form Response', name: 'respondWithOptions', type: 'fixedCollection', placeholder: 'Add option', default: { values: { respondWith: 'text' } },
  options: [{
    displayName: 'Values', name: 'values',
    values: [
      {
        displayName: 'Respond With', name: 'respondWith', type: 'options', default: 'text',
        options: [
          { name: 'Form Submitted Text', value: 'text', description: 'Show a response text to the user' },
          { name: 'Redirect URL', value: 'redirect', description: 'Redirect the user to a URL' },
        ],
      },
      {
        displayName: 'Text to Show', name: 'formSubmittedText', type: 'string', default: 'Your response has been recorded',
        description: "The text displayed to users after they fill the form. Leave it empty if don't want to show any additional text.",
        displayOptions: { show: { respondWith: ['text'] } },
      },
      {
        displayName: 'URL to Redirect to', name: 'redirectUrl', type: 'string', default: '', placeholder: 'e.g. http://www.n8n.io',
        description: 'The URL to redirect users to after they fill the form. Must be a valid URL.', displayOptions: { show: { respondWith: ['redirect'] } },
      },
    ],
  }],
};

export const appendAttributionProperty: NodeProperty = {
  displayName: 'Append Weft Attribution', name: 'appendAttribution', type: 'boolean', default: true,
  description: 'Whether to include the link “Form automated with Weft” at the bottom of the form',
};

export const buttonLabelProperty: NodeProperty = {
  displayName: 'Button Label', name: 'buttonLabel', type: 'string', default: 'Submit', description: 'The label of the submit button in the form',
};

export const customCssProperty: NodeProperty = {
  displayName: 'Custom Form Styling', name: 'customCss', type: 'string', default: FORM_CSS_VARIABLES, typeOptions: { rows: 10, editor: 'cssEditor' },
  description: 'Override default styling of the public form interface with CSS',
};
