// The form's pure parts: sanitising user markup, reading a submission into n8n's item (values by
// label, types converted, files as binary), and refusing empty required elements.
import { describe, expect, it } from 'vitest';
import { readCompletion, readFormFields, readFormSubmission, renderFormPage, sanitizeFormHtml } from './index.ts';

const fields = readFormFields({
  values: [
    { fieldLabel: 'Name', fieldType: 'text', requiredField: true },
    { fieldLabel: 'Count', fieldType: 'number' },
    { fieldLabel: 'Tags', fieldType: 'checkbox', requiredField: true, fieldOptions: { values: [{ option: 'a' }, { option: 'b' }] } },
    { fieldLabel: 'Pick', fieldType: 'radio', fieldOptions: { values: [{ option: 'x' }, { option: 'y' }] } },
    { fieldLabel: 'Photos (any)', fieldType: 'file' },
    { fieldLabel: 'Born', fieldType: 'date', formatDate: 'dd/MM/yyyy' },
    { fieldType: 'hiddenField', fieldName: 'utm' },
  ],
});
const meta = { formMode: 'production' as const, timezone: 'UTC' };
const file = (name: string, text: string) => ({ data: Buffer.from(text).toString('base64'), mimeType: 'image/png', fileName: name });

describe('form page', () => {
  it('keeps allowed markup and drops scripts, handlers, styles and inputs', () => {
    const html = sanitizeFormHtml('<h2 style="x">Hi</h2><img src="javascript:alert(1)" onerror="x()"><script>bad()</script><input><a href="https://a.example/">ok</a><iframe src="https://v.example/"></iframe>');
    expect(html).toBe('<h2>Hi</h2><img /><a href="https://a.example/">ok</a><iframe src="https://v.example/" sandbox="" referrerpolicy="strict-origin-when-cross-origin"></iframe>');
  });

  it('reads a submission into the item, with several files numbered under the label', () => {
    const result = readFormSubmission(fields, {
      body: { 'field-0': ' Ada ', 'field-1': '3.5', 'field-2': '["a","b"]', 'field-3': 'y', 'field-5': '1815-12-10', 'field-6': 'news' },
      binary: { 'field-4': file('one.png', '1'), 'field-41': file('two.png', '22') },
    }, meta);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.item.json).toMatchObject({
      Name: 'Ada', Count: 3.5, Tags: ['a', 'b'], Pick: 'y', Born: '10/12/1815', utm: 'news', formMode: 'production',
      'Photos (any)': [{ filename: 'one.png', mimetype: 'image/png', size: 1 }, { filename: 'two.png', mimetype: 'image/png', size: 2 }],
    });
    expect(Object.keys(result.item.binary ?? {})).toEqual(['Photos__any__0', 'Photos__any__1']);
  });

  it('refuses empty required elements and shows the form again with the errors and values', () => {
    const result = readFormSubmission(fields, { body: { 'field-0': '', 'field-1': '2' }, binary: { 'field-4': { data: '', mimeType: 'application/octet-stream' } } }, meta);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({ 0: 'Name is required', 2: 'Tags is required' });
    const page = renderFormPage({ formTitle: 'T', formDescription: '', fields, buttonLabel: 'Go', appendAttribution: false, completion: readCompletion({}), testRun: false, values: result.values, errors: result.errors });
    expect(page.html).toContain('<div class="field-error" role="alert" id="field-0-error">Name is required</div>');
    expect(page.html).toContain('name="field-1" value="2"');
  });

  it('reads the completion: text by default, a redirect made absolute', () => {
    expect(readCompletion({})).toEqual({ text: 'Your response has been recorded' });
    expect(readCompletion({ respondWithOptions: { values: { respondWith: 'redirect', redirectUrl: 'example.com/thanks' } } })).toEqual({ text: '', redirectUrl: 'http://example.com/thanks' });
  });
});
