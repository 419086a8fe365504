// What a Send and Wait message carries (n8n's getSendAndWaitConfig): the escaped subject and message,
// one signed resume link per button, and whether to append the attribution; and parking the run
// until someone answers or the wait limit passes (configureWaitTillDate).
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject } from '../../../engine/index.ts';
import { collection, param, rawParam } from '../params.ts';
import { getResolvables, evaluateExpression, resolveRawData } from '../expression.ts';
import { FormFieldsJsonError, parseFormFieldsJson } from '../form-page/form-fields-json.ts';
import { parseDateTime, WAIT_INDEFINITELY } from '../../wait/wait-time.ts';
import { DEFAULT_FORM_JSON, escapeHtml, RESUME_SETTINGS_KEY, type SendAndWaitButton, type SendAndWaitResumeSettings } from './send-and-wait-basics.ts';

export { ATTRIBUTION_TEXT, escapeHtml, type SendAndWaitButton } from './send-and-wait-basics.ts';

export interface SendAndWaitConfig {
  title: string;
  message: string;
  options: SendAndWaitButton[];
  /** As the node's options say it; undefined when not set (nodes differ on what that means). */
  appendAttribution?: boolean;
}

function signedUrl(ctx: ExecuteContext, approved: 'true' | 'false'): string {
  if (!ctx.getSignedResumeUrl) throw new NodeOperationError(ctx.node.name, 'Send and Wait needs a run that can be resumed', { description: 'Run the workflow on a Weft server' });
  return ctx.getSignedResumeUrl({ approved });
}

export interface LabelDefaults {
  approve?: string;
  disapprove?: string;
}

export function sendAndWaitConfig(ctx: ExecuteContext, defaults: LabelDefaults = {}): SendAndWaitConfig {
  const message = escapeHtml(String(param<unknown>(ctx, 'message', 0, '') ?? '').trim()).replace(/\\n/g, '\n').replace(/<br>/g, '\n');
  const subject = escapeHtml(String(param<unknown>(ctx, 'subject', 0, '') ?? ''));
  const approval = (collection(ctx, 'approvalOptions', 0).values ?? {}) as JsonObject;
  const options = collection(ctx, 'options', 0);
  const config: SendAndWaitConfig = { title: subject, message, options: [], appendAttribution: options.appendAttribution as boolean | undefined };
  const responseType = param(ctx, 'responseType', 0, 'approval');
  const approveUrl = signedUrl(ctx, 'true');
  const text = (value: unknown, fallback: string) => escapeHtml(String(value || fallback));
  if (responseType === 'freeText' || responseType === 'customForm') {
    config.options.push({ label: String(options.messageButtonLabel ?? 'Respond'), url: approveUrl, style: 'primary' });
  } else if (approval.approvalType === 'double') {
    // Disapprove first, as n8n lays the buttons out.
    config.options.push({ label: text(approval.disapproveLabel, defaults.disapprove ?? 'Decline'), url: signedUrl(ctx, 'false'), style: String(approval.buttonDisapprovalStyle || 'secondary') });
    config.options.push({ label: text(approval.approveLabel, defaults.approve ?? 'Approve'), url: approveUrl, style: String(approval.buttonApprovalStyle || 'primary') });
  } else {
    config.options.push({ label: text(approval.approveLabel, defaults.approve ?? 'Approve'), url: approveUrl, style: String(approval.buttonApprovalStyle || 'primary') });
  }
  return config;
}

const UNIT_SECONDS: Record<string, number> = { minutes: 60, hours: 3600, days: 86400 };

/** n8n's configureWaitTillDate: the `options.limitWaitTime` limit, else "until answered". */
export function waitTillDate(ctx: ExecuteContext, now = Date.now()): Date {
  const limit = (collection(ctx, 'options', 0).limitWaitTime as JsonObject | undefined)?.values as JsonObject | undefined;
  if (!limit || Object.keys(limit).length === 0) return WAIT_INDEFINITELY;
  let until: Date | undefined;
  if ((limit.limitType ?? 'afterTimeInterval') === 'afterTimeInterval') {
    const seconds = Number(limit.resumeAmount ?? 1) * (UNIT_SECONDS[String(limit.resumeUnit ?? 'hours')] ?? 1);
    until = new Date(now + seconds * 1000);
  } else {
    until = parseDateTime(limit.maxDateAndTime, ctx.timezone);
  }
  if (!until || Number.isNaN(until.getTime())) {
    throw new NodeOperationError(ctx.node.name, 'Could not configure Limit Wait Time', { description: 'Invalid date format' });
  }
  return until;
}

/**
 * The Custom Form's elements, resolved for the first item now: the form is shown later, when the
 * data its expressions read may be gone, so a definition that cannot be built fails before sending
 * (as n8n's validateCustomFormFields does).
 */
export function customFormFields(ctx: ExecuteContext): Record<string, unknown>[] {
  if (param(ctx, 'defineForm', 0, 'fields') === 'json') {
    const stored = rawParam(ctx, 'jsonOutput') ?? DEFAULT_FORM_JSON;
    // Like n8n's rawExpressions + resolveRawData: `{{ }}` parts are filled in, objects as JSON.
    const text = typeof stored === 'string' ? resolveRawData(ctx, stored.replace(/^=+/, ''), 0) : stored;
    try {
      return parseFormFieldsJson(text);
    } catch (error) {
      if (!(error instanceof FormFieldsJsonError)) throw error;
      throw new NodeOperationError(ctx.node.name, error.message, { description: error.message });
    }
  }
  const values = collection(ctx, 'formFields', 0).values;
  const fields = Array.isArray(values) ? (values as Record<string, unknown>[]) : [];
  // Custom HTML takes no expression as a whole; its `{{ }}` parts are filled in (n8n's parseFormFields).
  return fields.map((field) => {
    if (field.fieldType !== 'html' || typeof field.html !== 'string') return field;
    let html = field.html;
    for (const part of getResolvables(html)) html = html.replace(part, String(evaluateExpression(ctx, part, 0)));
    return { ...field, html };
  });
}

function resumeSettings(ctx: ExecuteContext): SendAndWaitResumeSettings {
  const options = collection(ctx, 'options', 0);
  const description = String(options.responseFormDescription || param<unknown>(ctx, 'message', 0, '') || '');
  const responseType = param(ctx, 'responseType', 0, 'approval');
  const settings: SendAndWaitResumeSettings = {
    responseType,
    formTitle: String(options.responseFormTitle || ''),
    formDescription: description.replace(/\\n/g, '\n').replace(/<br>/g, '\n'),
    buttonLabel: String(options.responseFormButtonLabel || 'Submit'),
  };
  if (responseType === 'customForm') {
    settings.formFields = customFormFields(ctx);
    if (typeof options.responseFormCustomCss === 'string') settings.customCss = options.responseFormCustomCss;
  }
  return settings;
}

/** Checks what must hold before anything is sent: a Custom Form that can be built. */
export function checkResponseType(ctx: ExecuteContext): void {
  if (param(ctx, 'responseType', 0, 'approval') === 'customForm') customFormFields(ctx);
}

/**
 * After the message went out: keeps what the resume page needs, parks the run until the answer or
 * the limit, and passes the input on (a time-out resumes with it, as in n8n).
 */
export function waitForResponse(ctx: ExecuteContext): Item[][] {
  const until = waitTillDate(ctx);
  ctx.getContext('node')[RESUME_SETTINGS_KEY] = { ...resumeSettings(ctx) };
  ctx.putExecutionToWait(until);
  return [ctx.getInputData()];
}
