// n8n's sendAndWaitWebhook: what a call on a Send and Wait node's (signed) resume link answers, and
// with what output the parked run goes on. The server checks the signature before calling this.
import type { BinaryData, Item, JsonObject } from '../../../engine/index.ts';
import { readFormFields } from '../form-page/form-fields.ts';
import { renderFormPage, type FormPageSettings } from '../form-page/form-page.ts';
import { readFormSubmission } from '../form-page/form-submission.ts';
import { RESUME_SETTINGS_KEY, type SendAndWaitResumeSettings } from './send-and-wait-basics.ts';
import { ACTION_RECORDED_PAGE, FREE_TEXT_FIELD, freeTextForm } from './send-and-wait-pages.ts';

export { NO_ACTION_REQUIRED_PAGE } from './send-and-wait-pages.ts';

export interface SendAndWaitCall {
  method: string;
  headers: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  /** Files of a multipart post (a Custom Form's file elements), named as the body reader names them. */
  binary?: Record<string, BinaryData>;
  /** The waiting node's run context, as recorded when it parked (its resume settings are there). */
  nodeContext: JsonObject | undefined;
  /** The node's stored parameters: the fallback when the context has no settings. */
  parameters: Record<string, unknown>;
}

export interface SendAndWaitAnswer {
  status: number;
  html: string;
  /** Headers the page needs (the Custom Form's content security policy). */
  headers?: Record<string, string>;
  /** The waiting node's output: present when the run goes on. */
  items?: Item[];
}

// Link previews (chat apps unfurl links) must not answer for the person: isbot's usual suspects.
const PREVIEW_AGENTS = /bot\b|bot\/|crawler|spider|preview|facebookexternalhit|slack|telegram|discord|whatsapp|skypeuripreview/i;

/** Whether a node waits as n8n's send-and-wait operation does (the server checks its links' signatures). */
export function isSendAndWaitNode(parameters: Record<string, unknown> | undefined): boolean {
  return parameters?.operation === 'sendAndWait';
}

function settingsOf(call: SendAndWaitCall): SendAndWaitResumeSettings {
  const saved = call.nodeContext?.[RESUME_SETTINGS_KEY] as SendAndWaitResumeSettings | undefined;
  if (saved) return saved;
  const literal = (v: unknown) => (typeof v === 'string' && !v.startsWith('=') ? v : '');
  const stored = (call.parameters.formFields as { values?: unknown } | undefined)?.values;
  return {
    responseType: literal(call.parameters.responseType) || 'approval', formTitle: '', formDescription: literal(call.parameters.message), buttonLabel: 'Submit',
    formFields: Array.isArray(stored) ? (stored as Record<string, unknown>[]) : [],
  };
}

/**
 * n8n's Custom Form: GET shows the hosted form (fields, escaping and sanitising of form-page),
 * a valid POST resumes with the answers under `data` (without submittedAt and formMode), an
 * invalid one shows the form again with its errors.
 */
function customFormAnswer(call: SendAndWaitCall, settings: SendAndWaitResumeSettings): SendAndWaitAnswer {
  const fields = readFormFields({ values: settings.formFields ?? [] });
  const page: FormPageSettings = {
    formTitle: settings.formTitle, formDescription: settings.formDescription, fields, buttonLabel: settings.buttonLabel,
    appendAttribution: true, customCss: settings.customCss, testRun: false,
    completion: { text: 'This page can be closed now' }, completionTitle: 'Got it, thanks',
  };
  if (call.method.toUpperCase() !== 'POST') {
    const form = renderFormPage(page);
    return { status: 200, html: form.html, headers: form.headers };
  }
  const result = readFormSubmission(fields, { body: call.body, binary: call.binary }, { formMode: 'production', timezone: 'UTC' });
  if (!result.ok) {
    const form = renderFormPage({ ...page, values: result.values, errors: result.errors });
    return { status: 400, html: form.html, headers: form.headers };
  }
  const answers: JsonObject = { ...result.item.json };
  delete answers.submittedAt;
  delete answers.formMode;
  return { status: 200, html: ACTION_RECORDED_PAGE, items: [{ ...result.item, json: { data: answers } }] };
}

function freeTextAnswer(body: unknown): unknown {
  if (!body || typeof body !== 'object') return undefined;
  const fields = body as JsonObject;
  // A form post has the field at the top; n8n's own form sends it under `data`.
  return fields[FREE_TEXT_FIELD] ?? (fields.data as JsonObject | undefined)?.[FREE_TEXT_FIELD];
}

export function answerSendAndWaitCall(call: SendAndWaitCall): SendAndWaitAnswer {
  const settings = settingsOf(call);
  const method = call.method.toUpperCase();
  if (settings.responseType === 'customForm') return customFormAnswer(call, settings);
  if (settings.responseType === 'freeText') {
    if (method === 'POST') {
      const text = freeTextAnswer(call.body);
      if (typeof text !== 'string') return { status: 400, html: freeTextForm(settings) };
      return { status: 200, html: ACTION_RECORDED_PAGE, items: [{ json: { data: { text } } }] };
    }
    return { status: 200, html: freeTextForm(settings) };
  }
  if (PREVIEW_AGENTS.test(String(call.headers['user-agent'] ?? ''))) return { status: 200, html: '' };
  return { status: 200, html: ACTION_RECORDED_PAGE, items: [{ json: { data: { approved: call.query.approved === 'true' } } }] };
}
