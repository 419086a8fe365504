// The hosted form page and its completion page, rendered on the server from the node's parameters:
// every text is HTML-escaped, the description and Custom HTML elements are sanitised
// (form-html.ts), and the page works without its script for all but the checkbox-group rules.
import { randomBytes } from 'node:crypto';
import { jsonForScript } from '../../ai-chat-trigger/chat-page.ts';
import { escapeHtml } from '../send-and-wait/send-and-wait-basics.ts';
import { fieldKey, isMultiValue, type FormCompletion, type FormField } from './form-fields.ts';
import { sanitizeFormCss, sanitizeFormHtml } from './form-html.ts';
import { FORM_PAGE_SCRIPT } from './form-page-script.ts';
import { FORM_BASE_CSS, FORM_CSS_VARIABLES } from './form-page-style.ts';

export interface FormPageSettings {
  formTitle: string;
  /** Markup allowed (sanitised here). */
  formDescription: string;
  fields: FormField[];
  buttonLabel: string;
  appendAttribution: boolean;
  customCss?: string;
  completion: FormCompletion;
  /** The heading shown once submitted; the form title (or 'Form submitted') when unset. */
  completionTitle?: string;
  /** A test form (the editor is listening): a notice says so. */
  testRun: boolean;
  /** "Using 'Respond to Webhook' Node": the answer's text is what the page shows once submitted. */
  useResponseData?: boolean;
  /** The page's query, which fills fields by their label (hidden fields by their name). */
  query?: Record<string, unknown>;
  /** A submission being shown again with what was wrong with it. */
  values?: Record<string, unknown>;
  errors?: Record<number, string>;
}

export interface FormPage {
  html: string;
  headers: Record<string, string>;
}

const ATTRIBUTION = 'Form automated with Weft';

function pageHeaders(nonce: string): Record<string, string> {
  const csp = [
    "default-src 'none'", `script-src 'nonce-${nonce}'`, `style-src 'nonce-${nonce}'`, "connect-src 'self'",
    'img-src https: http: data:', 'media-src https: http:', 'frame-src https: http:', "form-action 'self'", "base-uri 'none'",
  ].join('; ');
  return {
    'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp, 'x-content-type-options': 'nosniff',
    'cache-control': 'no-store', 'referrer-policy': 'same-origin',
  };
}

const first = (value: unknown): string => {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
};
const many = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value === undefined || value === null || value === '' ? [] : [String(value)]);

function attrs(list: Record<string, string | boolean | undefined>): string {
  return Object.entries(list)
    .filter(([, v]) => v !== undefined && v !== false && v !== '')
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${escapeHtml(String(v))}"`))
    .join('');
}

function labelText(field: FormField): string {
  const mark = field.requiredField ? '<span class="required-mark" aria-hidden="true">*</span>' : '';
  return `${escapeHtml(field.fieldLabel)}${mark}`;
}

function choices(field: FormField, key: string, type: 'checkbox' | 'radio', selected: string[]): string {
  return field.options.map((option, i) => {
    const id = `${key}-option-${i}`;
    const input = `<input${attrs({ type, id, name: key, value: option, checked: selected.includes(option), required: type === 'radio' && field.requiredField })}>`;
    return `<label class="choice" for="${id}">${input}<span>${escapeHtml(option)}</span></label>`;
  }).join('\n');
}

/** One element's markup; `value` is what was submitted before, or the query's prefill. */
function renderField(field: FormField, index: number, value: unknown, error: string | undefined): string {
  const key = fieldKey(index);
  const errorHtml = error ? `<div class="field-error" role="alert" id="${key}-error">${escapeHtml(error)}</div>` : '';
  const describedBy = error ? `${key}-error` : undefined;
  const group = (inner: string) => `<div class="form-group${error ? ' has-error' : ''}">${inner}${errorHtml}</div>`;
  switch (field.fieldType) {
    case 'html':
      return `<div class="form-group form-html">${sanitizeFormHtml(field.html)}</div>`;
    case 'hiddenField':
      return `<input${attrs({ type: 'hidden', name: key, value: first(value) || field.fieldValue })}>`;
    case 'textarea':
      return group(`<label for="${key}">${labelText(field)}</label><textarea${attrs({ id: key, name: key, placeholder: field.placeholder, required: field.requiredField, 'aria-describedby': describedBy })}>${escapeHtml(first(value))}</textarea>`);
    case 'dropdown': {
      const selected = many(value);
      const multiple = field.multiselect;
      const empty = multiple ? '' : `<option value=""${selected.length ? '' : ' selected'}>${escapeHtml(field.placeholder || 'Select an option …')}</option>`;
      const options = field.options.map((o) => `<option${attrs({ value: o, selected: selected.includes(o) })}>${escapeHtml(o)}</option>`).join('');
      return group(`<label for="${key}">${labelText(field)}</label><select${attrs({ id: key, name: key, multiple, required: field.requiredField, 'aria-describedby': describedBy })}>${empty}${options}</select>`);
    }
    case 'radio':
    case 'checkbox': {
      const type = field.fieldType;
      const limits = type === 'checkbox'
        ? {
            'data-checkbox-group': 'true', 'data-required': field.requiredField ? 'true' : undefined,
            'data-exact': field.limitSelection === 'exact' ? String(field.numberOfSelections) : undefined,
            'data-min': field.limitSelection === 'range' ? String(field.minSelections) : undefined,
            'data-max': field.limitSelection === 'range' ? String(field.maxSelections) : undefined,
          }
        : {};
      return `<fieldset class="form-group${error ? ' has-error' : ''}"${attrs(limits)}><legend>${labelText(field)}</legend>${choices(field, key, type, many(value))}${errorHtml}</fieldset>`;
    }
    case 'file': {
      const accept = field.acceptFileTypes.split(',').map((t) => t.trim()).filter(Boolean).join(',');
      return group(`<label for="${key}">${labelText(field)}</label><input${attrs({ type: 'file', id: key, name: key, accept, multiple: field.multipleFiles, required: field.requiredField, 'aria-describedby': describedBy })}>`);
    }
    default: {
      const type = ['text', 'email', 'number', 'password', 'date'].includes(field.fieldType) ? field.fieldType : 'text';
      return group(`<label for="${key}">${labelText(field)}</label><input${attrs({
        type, id: key, name: key, value: type === 'password' ? '' : first(value), placeholder: field.placeholder,
        required: field.requiredField, step: type === 'number' ? 'any' : undefined, 'aria-describedby': describedBy,
        autocomplete: type === 'email' ? 'email' : undefined,
      })}>`);
    }
  }
}

/** What a field shows: the value submitted before, else the query parameter named after it. */
function shownValue(settings: FormPageSettings, field: FormField, index: number): unknown {
  const submitted = settings.values?.[fieldKey(index)];
  if (submitted !== undefined) return submitted;
  const fromQuery = settings.query?.[field.fieldType === 'hiddenField' ? field.fieldName : field.fieldLabel];
  if (fromQuery === undefined) return undefined;
  return isMultiValue(field) && typeof fromQuery === 'string' ? fromQuery.split(',') : fromQuery;
}

function document(title: string, nonce: string, customCss: string | undefined, body: string): string {
  const custom = customCss ? `<style nonce="${nonce}">${sanitizeFormCss(customCss)}</style>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">${FORM_CSS_VARIABLES}\n${FORM_BASE_CSS}</style>
${custom}
</head>
<body>
<div class="form-container">
${body}
</div>
</body>
</html>
`;
}

export function renderFormPage(settings: FormPageSettings): FormPage {
  const nonce = randomBytes(16).toString('base64');
  const title = settings.formTitle || 'Form';
  const errors = settings.errors ?? {};
  const errorList = Object.values(errors);
  const summary = errorList.length
    ? `<div class="form-errors" role="alert">Please correct the following:<ul>${errorList.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul></div>`
    : '';
  const fields = settings.fields.map((field, index) => renderField(field, index, shownValue(settings, field, index), errors[index])).join('\n');
  const notice = settings.testRun
    ? '<div class="test-notice">This is a test version of your form. Submitting it runs the workflow in the editor.</div>'
    : '';
  const description = settings.formDescription ? `<div class="form-description">${sanitizeFormHtml(settings.formDescription)}</div>` : '';
  const completionText = settings.completion.text ? `<p>${escapeHtml(settings.completion.text)}</p>` : '';
  const attribution = settings.appendAttribution ? `<p class="attribution">${ATTRIBUTION}</p>` : '';
  const config = { redirectUrl: settings.completion.redirectUrl ?? null, useResponseData: settings.useResponseData === true };
  const body = `${notice}
<div class="card" id="form-card">
<header class="form-header"><h1>${escapeHtml(title)}</h1>${description}</header>
${summary}
<form class="form" method="POST" action="" enctype="multipart/form-data">
${fields}
<button type="submit" class="submit-btn">${escapeHtml(settings.buttonLabel || 'Submit')}</button>
</form>
</div>
<div class="card completion" id="completion" hidden>
<header class="form-header"><h1>${escapeHtml(settings.completionTitle ?? (settings.formTitle || 'Form submitted'))}</h1></header>
${completionText}
</div>
${attribution}
<script type="application/json" id="form-config">${jsonForScript(config)}</script>
<script nonce="${nonce}">${FORM_PAGE_SCRIPT}</script>`;
  return { html: document(title, nonce, settings.customCss, body), headers: pageHeaders(nonce) };
}

/** The page after a submission: the completion text, or a redirect (a page, so the run is recorded first). */
export function renderCompletionPage(settings: { formTitle: string; completion: FormCompletion; appendAttribution: boolean; customCss?: string }): FormPage {
  const nonce = randomBytes(16).toString('base64');
  const { redirectUrl, text } = settings.completion;
  const title = settings.formTitle || 'Form submitted';
  const refresh = redirectUrl ? `<meta http-equiv="refresh" content="0;url=${escapeHtml(redirectUrl)}">` : '';
  const inner = redirectUrl
    ? `<p>Redirecting to <a href="${escapeHtml(redirectUrl)}">${escapeHtml(redirectUrl)}</a> …</p>`
    : text ? `<p>${escapeHtml(text)}</p>` : '';
  const attribution = settings.appendAttribution ? `<p class="attribution">${ATTRIBUTION}</p>` : '';
  const body = `${refresh}<div class="card completion"><header class="form-header"><h1>${escapeHtml(title)}</h1></header>${inner}</div>${attribution}`;
  return { html: document(title, nonce, settings.customCss, body), headers: pageHeaders(nonce) };
}

/**
 * A page with a heading and markup the caller made safe (escaped or sanitised): the Form node's
 * endings ("Show Text", a returned file, the completion screen with an HTML message).
 */
export function renderMessagePage(settings: { title: string; heading?: string; safeHtml: string; appendAttribution: boolean; customCss?: string }): FormPage {
  const nonce = randomBytes(16).toString('base64');
  const heading = settings.heading ? `<header class="form-header"><h1>${escapeHtml(settings.heading)}</h1></header>` : '';
  const attribution = settings.appendAttribution ? `<p class="attribution">${ATTRIBUTION}</p>` : '';
  const body = `<div class="card completion">${heading}${settings.safeHtml}</div>${attribution}`;
  return { html: document(settings.title || 'Form', nonce, settings.customCss, body), headers: pageHeaders(nonce) };
}
