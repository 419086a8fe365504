// What the send side and the resume side of Send and Wait share; no imports, so the server can
// load the resume side without any node folder.

export interface SendAndWaitButton {
  label: string;
  url: string;
  style: string;
}

/** What the resume page needs to know of the node, resolved when the message is sent. */
export interface SendAndWaitResumeSettings {
  responseType: string;
  formTitle: string;
  formDescription: string;
  buttonLabel: string;
  /** Custom Form: n8n's `responseFormCustomCss`. */
  customCss?: string;
  /** Custom Form: its elements (`formFields.values` shape), expressions resolved when sent. */
  formFields?: Record<string, unknown>[];
}

/** Where the node keeps its resume settings in its run context (recorded with the waiting step). */
export const RESUME_SETTINGS_KEY = 'sendAndWait';

/** n8n's default "Form Fields" JSON of "Define Form: Using JSON". */
export const DEFAULT_FORM_JSON = '[\n   {\n      "fieldLabel":"Name",\n      "placeholder":"enter you name",\n      "requiredField":true\n   },\n   {\n      "fieldLabel":"Age",\n      "fieldType":"number",\n      "placeholder":"enter your age"\n   },\n   {\n      "fieldLabel":"Email",\n      "fieldType":"email",\n      "requiredField":true\n   }\n]';

/** n8n's attribution line, naming this product (as the Send Email node does). */
export const ATTRIBUTION_TEXT = 'This message was sent automatically with Weft';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
