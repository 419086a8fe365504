// The hosted n8n-style form shared by the Form Trigger, the Form node and the Wait node's form resume.
export * from './form-fields.ts';
export { FormFieldsJsonError, parseFormFieldsJson } from './form-fields-json.ts';
export * from './form.description.ts';
export { sanitizeFormHtml } from './form-html.ts';
export { renderCompletionPage, renderFormPage, renderMessagePage, type FormPage, type FormPageSettings } from './form-page.ts';
export { readFormSubmission, type FormSubmission, type SubmissionResult } from './form-submission.ts';
export { answerWaitingFormCall, waitsForForm, type WaitingFormAnswer, type WaitingFormCall } from './form-waiting.ts';
export * from './form-node-pages.ts';
