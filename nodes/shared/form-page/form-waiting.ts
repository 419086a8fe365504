// A run parked in a Wait node set to "On Form Submitted": its form on `/form-waiting/<executionId>`.
// GET shows the page from the node's parameters; a valid POST gives the item the run resumes with
// (the Wait node's output), an invalid one the page again with its errors.
import type { BinaryData, Item } from '../../../engine/index.ts';
import { readCompletion, readFormFields } from './form-fields.ts';
import { renderCompletionPage, renderFormPage, type FormPage } from './form-page.ts';
import { readFormSubmission } from './form-submission.ts';

export interface WaitingFormCall {
  method: string;
  query: Record<string, unknown>;
  body: unknown;
  binary?: Record<string, BinaryData>;
  /** The waiting node's parameters as stored. */
  parameters: Record<string, unknown>;
  formMode: 'test' | 'production';
  timezone: string;
}

export interface WaitingFormAnswer {
  status: number;
  page: FormPage;
  /** Present when the run resumes: the node's output. */
  items?: Item[];
}

function settingsOf(parameters: Record<string, unknown>, formMode: 'test' | 'production') {
  const options = (parameters.options && typeof parameters.options === 'object' ? parameters.options : {}) as Record<string, unknown>;
  return {
    formTitle: typeof parameters.formTitle === 'string' ? parameters.formTitle : '',
    formDescription: typeof parameters.formDescription === 'string' ? parameters.formDescription.replace(/\\n/g, '\n') : '',
    fields: readFormFields(parameters.formFields),
    buttonLabel: typeof options.buttonLabel === 'string' && options.buttonLabel ? options.buttonLabel : 'Submit',
    appendAttribution: options.appendAttribution !== false,
    completion: readCompletion(options),
    testRun: formMode === 'test',
  };
}

/** The answer to a call on a waiting run's form; the completion page once the item is taken. */
export function answerWaitingFormCall(call: WaitingFormCall): WaitingFormAnswer {
  const settings = settingsOf(call.parameters, call.formMode);
  if (call.method.toUpperCase() !== 'POST') return { status: 200, page: renderFormPage({ ...settings, query: call.query }) };
  const result = readFormSubmission(settings.fields, { body: call.body, binary: call.binary }, { formMode: call.formMode, timezone: call.timezone });
  if (!result.ok) return { status: 400, page: renderFormPage({ ...settings, values: result.values, errors: result.errors }) };
  return { status: 200, page: renderCompletionPage(settings), items: [result.item] };
}

/** Whether a waiting node waits for a form (the Wait node's "On Form Submitted"). */
export function waitsForForm(node: { type: string; parameters?: Record<string, unknown> }): boolean {
  return node.type === 'n8n-nodes-base.wait' && node.parameters?.resume === 'form';
}
