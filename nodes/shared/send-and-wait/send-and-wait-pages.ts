// The HTML of Send and Wait: the email body with its buttons (Gmail, Outlook), the page a click
// answers with, the Free Text form, and the page of a link whose question was already answered.
import { ATTRIBUTION_TEXT, escapeHtml, type SendAndWaitButton } from './send-and-wait-basics.ts';

const PRIMARY = 'display:inline-block;text-decoration:none;background-color:#ff6d5a;color:#fff;padding:12px 24px;font-family:Arial,sans-serif;font-size:14px;font-weight:600;border-radius:6px;min-width:120px;margin:12px 4px 0 4px;';
const SECONDARY = 'display:inline-block;text-decoration:none;background-color:#fff;color:#4a4a4a;padding:12px 24px;font-family:Arial,sans-serif;font-size:14px;font-weight:600;border:1px solid #d1d1d1;border-radius:6px;min-width:120px;margin:12px 4px 0 4px;';

/** n8n's createButton: a link styled as a button (labels come escaped from the config). */
export function emailButton(button: SendAndWaitButton): string {
  return `<a href="${escapeHtml(button.url)}" target="_blank" style="${button.style === 'secondary' ? SECONDARY : PRIMARY}">${button.label}</a>`;
}

/** The email of a Send and Wait message: the (escaped) message, the buttons, the attribution. */
export function emailBody(message: string, buttons: SendAndWaitButton[], appendAttribution: boolean): string {
  const footer = appendAttribution
    ? `<p style="text-align:center;color:#7e8186;font-family:Arial,sans-serif;font-size:12px;">${ATTRIBUTION_TEXT}</p>`
    : '';
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1.0"><title>Send and wait</title></head>
<body style="font-family:Arial,sans-serif;font-size:12px;background-color:#fbfcfe;margin:0;padding:24px 0;">
<table width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
<table width="448" cellpadding="0" cellspacing="0" style="max-width:448px;background-color:#fff;border:1px solid #dbdfe7;border-radius:8px;padding:24px;">
<tr><td style="text-align:center;font-size:14px;color:#7e8186;"><p style="white-space:pre-line;">${message}</p></td></tr>
<tr><td align="center" style="padding-top:12px;">${buttons.map(emailButton).join('\n')}</td></tr>
</table>
${footer}
</td></tr></table>
</body>
</html>`;
}

function page(title: string, inner: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1.0"><title>${escapeHtml(title)}</title>
<style>body{font-family:Arial,sans-serif;background:#fbfcfe;margin:0}.card{max-width:448px;margin:24px auto;padding:24px;background:#fff;border:1px solid #dbdfe7;border-radius:8px;text-align:center}
h1{color:#525356;font-size:20px;font-weight:400}p{color:#7e8186;font-size:14px;white-space:pre-line}textarea{width:100%;min-height:120px;box-sizing:border-box;margin:12px 0}
button{background:#ff6d5a;color:#fff;border:0;border-radius:6px;padding:12px 24px;font-size:14px;font-weight:600}</style></head>
<body><div class="card">${inner}</div></body>
</html>`;
}

/** n8n's "Action recorded" page, answered once the response is taken. */
export const ACTION_RECORDED_PAGE = page('Action recorded', '<h1>Got it, thanks</h1><p>This page can be closed now</p>');

/** A link of a question that no longer waits (answered, timed out or ended). */
export const NO_ACTION_REQUIRED_PAGE = page('No action required', '<h1>No action required</h1><p>This question was already answered, or no longer waits for an answer</p>');

/** The name of the Free Text answer field (n8n's first form field). */
export const FREE_TEXT_FIELD = 'field-0';

/** The Free Text form: one required "Response" text area, posted back to the same signed link. */
export function freeTextForm(settings: { formTitle: string; formDescription: string; buttonLabel: string }): string {
  const title = settings.formTitle ? `<h1>${escapeHtml(settings.formTitle)}</h1>` : '';
  const description = settings.formDescription ? `<p>${escapeHtml(settings.formDescription)}</p>` : '';
  // An empty action posts to the page's own URL, signature included.
  return page(settings.formTitle || 'Response', `${title}${description}<form method="POST" action="">
<label for="${FREE_TEXT_FIELD}">Response</label>
<textarea id="${FREE_TEXT_FIELD}" name="${FREE_TEXT_FIELD}" required></textarea>
<button type="submit">${escapeHtml(settings.buttonLabel)}</button>
</form>`);
}
