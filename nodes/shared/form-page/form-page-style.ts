// The hosted form's look: n8n's CSS variables (overridable by the node's Custom Form Styling), on a
// centred card with clear labels, required marks and error states.

/** The variables users override in "Custom Form Styling" (names as n8n's). */
export const FORM_CSS_VARIABLES = `:root {
  --font-family: 'Open Sans', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  --font-weight-normal: 400;
  --font-weight-bold: 600;
  --font-size-body: 12px;
  --font-size-label: 14px;
  --font-size-test-notice: 12px;
  --font-size-input: 14px;
  --font-size-header: 20px;
  --font-size-paragraph: 14px;
  --font-size-link: 12px;
  --font-size-error: 12px;
  --font-size-html-h1: 28px;
  --font-size-html-h2: 20px;
  --font-size-subheader: 14px;
  --font-size-button: 16px;
  --color-background: #fbfcfe;
  --color-test-notice-text: #e6a23d;
  --color-test-notice-bg: #fefaf6;
  --color-test-notice-border: #f6dcb7;
  --color-card-bg: #ffffff;
  --color-card-border: #dbdfe7;
  --color-card-shadow: rgba(99, 77, 255, 0.06);
  --color-link: #7e8186;
  --color-header: #525356;
  --color-label: #555555;
  --color-input-border: #dbdfe7;
  --color-input-text: #71747A;
  --color-focus-border: rgb(90, 76, 194);
  --color-submit-btn-bg: #ff6d5a;
  --color-submit-btn-text: #ffffff;
  --color-error: #ea1f30;
  --color-required: #ff6d5a;
  --color-clear-button-bg: #7e8186;
  --color-html-text: #555;
  --color-html-link: #ff6d5a;
  --color-header-subtext: #7e8186;
  --border-radius-card: 8px;
  --border-radius-input: 6px;
  --border-radius-button: 2px;
  --card-width: 448px;
  --submit-btn-height: 48px;
  --checkbox-size: 18px;
  --input-height: 48px;
  --container-width: 448px;
  --submit-btn-width: 100%;
}`;

export const FORM_BASE_CSS = `*{box-sizing:border-box}
body{margin:0;padding:24px 12px;background:var(--color-background);font-family:var(--font-family);font-size:var(--font-size-body);color:var(--color-html-text)}
.form-container{max-width:var(--container-width);margin:0 auto}
.card{background:var(--color-card-bg);border:1px solid var(--color-card-border);border-radius:var(--border-radius-card);box-shadow:0 4px 16px 0 var(--color-card-shadow);padding:24px;margin-bottom:16px}
.test-notice{background:var(--color-test-notice-bg);border:1px solid var(--color-test-notice-border);color:var(--color-test-notice-text);font-size:var(--font-size-test-notice);border-radius:var(--border-radius-card);padding:12px 16px;margin-bottom:16px}
.form-header{text-align:center}
.form-header h1{color:var(--color-header);font-size:var(--font-size-header);font-weight:var(--font-weight-normal);margin:0 0 8px}
.form-description{color:var(--color-header-subtext);font-size:var(--font-size-subheader);white-space:pre-line;margin:0 0 8px}
.form-group{margin-top:20px}
.form-group>label,.form-group legend{display:block;color:var(--color-label);font-size:var(--font-size-label);font-weight:var(--font-weight-bold);margin-bottom:8px;padding:0}
fieldset{border:0;margin:0;padding:0;min-width:0}
.required-mark{color:var(--color-required);margin-left:2px}
input[type=text],input[type=email],input[type=number],input[type=password],input[type=date],textarea,select{width:100%;min-height:var(--input-height);padding:10px 12px;border:1px solid var(--color-input-border);border-radius:var(--border-radius-input);color:var(--color-input-text);font:inherit;font-size:var(--font-size-input);background:#fff}
textarea{min-height:120px;resize:vertical}
select[multiple]{min-height:120px}
input[type=file]{width:100%;font-size:var(--font-size-input);color:var(--color-input-text)}
input:focus,textarea:focus,select:focus{outline:none;border-color:var(--color-focus-border)}
.form-group>label.choice{display:flex;align-items:center;gap:8px;margin:6px 0;font-size:var(--font-size-input);color:var(--color-label);font-weight:var(--font-weight-normal);cursor:pointer}
.choice input{width:var(--checkbox-size);height:var(--checkbox-size);margin:0}
.form-html{color:var(--color-html-text);font-size:var(--font-size-paragraph)}
.form-html h1{font-size:var(--font-size-html-h1)}.form-html h2{font-size:var(--font-size-html-h2)}
.form-html a{color:var(--color-html-link)}.form-html img,.form-html video,.form-html iframe{max-width:100%}
.field-error{color:var(--color-error);font-size:var(--font-size-error);margin-top:6px}
.form-errors{color:var(--color-error);font-size:var(--font-size-paragraph);border:1px solid var(--color-error);border-radius:var(--border-radius-input);padding:8px 12px;margin-top:16px}
.form-errors ul{margin:4px 0 0;padding-left:18px}
.has-error input,.has-error textarea,.has-error select{border-color:var(--color-error)}
.submit-btn{display:block;width:var(--submit-btn-width);height:var(--submit-btn-height);margin-top:28px;border:0;border-radius:var(--border-radius-button);background:var(--color-submit-btn-bg);color:var(--color-submit-btn-text);font-size:var(--font-size-button);font-weight:var(--font-weight-bold);cursor:pointer}
.submit-btn[disabled]{opacity:.6;cursor:progress}
.attribution{text-align:center;font-size:var(--font-size-link);color:var(--color-link)}
.attribution a{color:var(--color-link)}
.completion p{color:var(--color-header-subtext);font-size:var(--font-size-paragraph);white-space:pre-line}`;
