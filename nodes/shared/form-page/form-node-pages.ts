// The pages of a multi-page form (n8n's Form node) on `/form-waiting/<executionId>`: the page of the
// Form node the run is parked in, and the ending shown once the run is over. Both are read from
// what the node recorded in its run context when it ran, so expressions in its parameters were
// resolved against the run's data then, and any server can answer. (The node itself: nodes/form.)
import type { BinaryData, Item, JsonObject } from '../../../engine/index.ts';
import { escapeHtml } from '../send-and-wait/send-and-wait-basics.ts';
import { readCompletion, readFormFields } from './form-fields.ts';
import { sanitizeFormHtml } from './form-html.ts';
import { renderCompletionPage, renderFormPage, renderMessagePage, type FormPage } from './form-page.ts';
import { readFormSubmission } from './form-submission.ts';

export const FORM_NODE_TYPE = 'n8n-nodes-base.form';
/** Run-context keys (getContext('node')) the Form node records its page or ending under. */
export const FORM_PAGE_KEY = 'formPage';
export const FORM_ENDING_KEY = 'formEnding';

export interface FormPageSpec extends JsonObject {
  formTitle: string;
  formDescription: string;
  /** The elements as `formFields.values` holds them (JSON-defined ones already parsed). */
  fields: JsonObject[];
  buttonLabel: string;
  customCss: string;
}

export interface FormEndingSpec extends JsonObject {
  respondWith: string;
  title: string;
  completionTitle: string;
  completionMessage: string;
  redirectUrl: string;
  responseText: string;
  customCss: string;
  /** "Return Binary File": the file, taken from the node's input when it ran. */
  file: { data: string; mimeType: string; fileName: string } | null;
}

export interface FormNodeCall {
  method: string;
  query: Record<string, unknown>;
  body: unknown;
  binary?: Record<string, BinaryData>;
  /** The Form node's run context as recorded (undefined if it recorded none). */
  context: Record<string, unknown> | undefined;
  formMode: 'test' | 'production';
  timezone: string;
  /** The title when the page sets none: the Form Trigger's, as in n8n. */
  defaultTitle?: string;
}

/** What a run's Form Trigger lends its later pages: its title, and its completion text for a form with no Form Ending. */
export function formTriggerDefaults(definition: Pick<Graph, 'nodes'>): { title: string; text: string } {
  const trigger = definition.nodes.find((n) => n.type === 'n8n-nodes-base.formTrigger' && !n.disabled);
  const p = trigger?.parameters ?? {};
  // An expression would need the run's data; the plain title only.
  const title = typeof p.formTitle === 'string' && !p.formTitle.startsWith('=') ? p.formTitle : '';
  const options = (p.options && typeof p.options === 'object' ? p.options : {}) as Record<string, unknown>;
  return { title, text: readCompletion(options).text };
}

/** What to answer a call on a parked Form node's page: the page, its errors, or the item to resume with. */
export function answerFormNodeCall(call: FormNodeCall): { status: number; page: FormPage; items?: Item[] } {
  const spec = (call.context?.[FORM_PAGE_KEY] ?? {}) as Partial<FormPageSpec>;
  const settings = {
    formTitle: spec.formTitle || call.defaultTitle || '',
    formDescription: spec.formDescription ?? '',
    fields: readFormFields({ values: spec.fields ?? [] }),
    buttonLabel: spec.buttonLabel || 'Submit',
    appendAttribution: true,
    customCss: spec.customCss || undefined,
    completion: { text: '' },
    testRun: call.formMode === 'test',
  };
  if (call.method.toUpperCase() !== 'POST') return { status: 200, page: renderFormPage({ ...settings, query: call.query }) };
  const result = readFormSubmission(settings.fields, { body: call.body, binary: call.binary }, { formMode: call.formMode, timezone: call.timezone });
  if (!result.ok) return { status: 400, page: renderFormPage({ ...settings, values: result.values, errors: result.errors }) };
  return { status: 200, page: renderFormPage(settings), items: [result.item] };
}

export type FormEndingAnswer = { redirect: string } | { status: number; page: FormPage };

/**
 * The screen after the last page: the ending a Form node set to "Form Ending" recorded, else
 * n8n's default text (or a notice when the run failed before one was reached).
 */
export function formEndingAnswer(
  context: Record<string, unknown> | undefined, failed: boolean, trigger: { title: string; text: string } = { title: '', text: 'Your response has been recorded' },
): FormEndingAnswer {
  const ending = context?.[FORM_ENDING_KEY] as FormEndingSpec | undefined;
  if (!ending) {
    const text = failed ? 'There was a problem submitting your response' : trigger.text;
    return { status: 200, page: renderCompletionPage({ formTitle: trigger.title || 'Form submitted', completion: { text }, appendAttribution: true }) };
  }
  const customCss = ending.customCss || undefined;
  switch (ending.respondWith) {
    case 'redirect':
      return { redirect: ending.redirectUrl.includes('://') ? ending.redirectUrl : `http://${ending.redirectUrl}` };
    case 'showText':
      return { status: 200, page: renderMessagePage({ title: ending.title || trigger.title || 'Form', safeHtml: sanitizeFormHtml(ending.responseText), appendAttribution: true, customCss }) };
    case 'returnBinary': {
      const file = ending.file;
      const link = file
        ? `<p><a class="download" download="${escapeHtml(file.fileName)}" href="data:${escapeHtml(file.mimeType)};base64,${escapeHtml(file.data)}">${escapeHtml(file.fileName)}</a></p>`
        : '';
      const message = ending.completionMessage ? `<p>${sanitizeFormHtml(ending.completionMessage)}</p>` : '';
      return { status: 200, page: renderMessagePage({ title: ending.title || trigger.title || ending.completionTitle, heading: ending.completionTitle, safeHtml: message + link, appendAttribution: true, customCss }) };
    }
    default: {
      const message = ending.completionMessage ? `<p>${sanitizeFormHtml(ending.completionMessage)}</p>` : '';
      return { status: 200, page: renderMessagePage({ title: ending.title || trigger.title || ending.completionTitle, heading: ending.completionTitle, safeHtml: message, appendAttribution: true, customCss }) };
    }
  }
}

interface Graph {
  nodes: Array<{ name: string; type: string; disabled?: boolean; parameters?: Record<string, unknown> }>;
  connections: Record<string, Record<string, Array<Array<{ node: string }> | null> | undefined>>;
}

/**
 * Whether a Form Trigger has more pages after it: a Form node, or a Wait node resuming on a form,
 * anywhere downstream (n8n's isFormConnected over the trigger's child nodes). Then the browser is
 * sent on to `/form-waiting/<executionId>` instead of being shown the trigger's completion text.
 */
export function formPagesFollow(definition: Graph, nodeName: string): boolean {
  const byName = new Map(definition.nodes.map((n) => [n.name, n]));
  const seen = new Set<string>([nodeName]);
  const queue = [nodeName];
  while (queue.length) {
    const outputs = definition.connections[queue.shift()!]?.main ?? [];
    for (const target of outputs.flat()) {
      if (!target || seen.has(target.node)) continue;
      seen.add(target.node);
      const node = byName.get(target.node);
      if (node && !node.disabled && (node.type === FORM_NODE_TYPE || (node.type === 'n8n-nodes-base.wait' && node.parameters?.resume === 'form'))) return true;
      queue.push(target.node);
    }
  }
  return false;
}
