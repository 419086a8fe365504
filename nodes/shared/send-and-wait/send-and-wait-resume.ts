// n8n's sendAndWaitWebhook: what a call on a Send and Wait node's (signed) resume link answers, and
// with what output the parked run goes on. The server checks the signature before calling this.
import type { Item, JsonObject } from '../../../engine/index.ts';
import { RESUME_SETTINGS_KEY, type SendAndWaitResumeSettings } from './send-and-wait-basics.ts';
import { ACTION_RECORDED_PAGE, FREE_TEXT_FIELD, freeTextForm } from './send-and-wait-pages.ts';

export { NO_ACTION_REQUIRED_PAGE } from './send-and-wait-pages.ts';

export interface SendAndWaitCall {
  method: string;
  headers: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  /** The waiting node's run context, as recorded when it parked (its resume settings are there). */
  nodeContext: JsonObject | undefined;
  /** The node's stored parameters: the fallback when the context has no settings. */
  parameters: Record<string, unknown>;
}

export interface SendAndWaitAnswer {
  status: number;
  html: string;
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
  return { responseType: literal(call.parameters.responseType) || 'approval', formTitle: '', formDescription: literal(call.parameters.message), buttonLabel: 'Submit' };
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
