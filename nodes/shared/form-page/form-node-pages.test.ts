// The Form node's pages without a server: which triggers have pages after them, a recorded page
// answering GET and POST, and each kind of ending.
import { describe, expect, it } from 'vitest';
import { answerFormNodeCall, formEndingAnswer, formPagesFollow, formTriggerDefaults, FORM_ENDING_KEY, FORM_PAGE_KEY } from './form-node-pages.ts';

const node = (name: string, type: string, parameters: Record<string, unknown> = {}) => ({ name, type, parameters });
const link = (to: string) => ({ main: [[{ node: to }]] });

describe('formPagesFollow', () => {
  it('finds a Form node or a form-resuming Wait anywhere downstream, ignoring disabled ones', () => {
    const nodes = [node('T', 'n8n-nodes-base.formTrigger'), node('Code', 'n8n-nodes-base.code'), node('Page', 'n8n-nodes-base.form')];
    expect(formPagesFollow({ nodes, connections: { T: link('Code'), Code: link('Page') } }, 'T')).toBe(true);
    expect(formPagesFollow({ nodes, connections: { T: link('Code') } }, 'T')).toBe(false);
    const disabled = [nodes[0], { ...nodes[2], disabled: true }];
    expect(formPagesFollow({ nodes: disabled, connections: { T: link('Page') } }, 'T')).toBe(false);
    const wait = [nodes[0], node('W', 'n8n-nodes-base.wait', { resume: 'form' })];
    expect(formPagesFollow({ nodes: wait, connections: { T: link('W') } }, 'T')).toBe(true);
  });
});

describe('answerFormNodeCall', () => {
  const context = { [FORM_PAGE_KEY]: { formTitle: 'Page <2>', formDescription: '', fields: [{ fieldLabel: 'Age', fieldType: 'number', requiredField: true }], buttonLabel: 'Next', customCss: '' } };
  const call = { query: {}, body: {}, context, formMode: 'production' as const, timezone: 'UTC' };

  it('shows the recorded page, refuses a missing answer, and takes a valid one as the item', () => {
    const page = answerFormNodeCall({ ...call, method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.page.html).toContain('<h1>Page &lt;2&gt;</h1>');
    expect(page.page.html).toContain('>Next</button>');
    const refused = answerFormNodeCall({ ...call, method: 'POST' });
    expect(refused.status).toBe(400);
    expect(refused.items).toBeUndefined();
    const taken = answerFormNodeCall({ ...call, method: 'POST', body: { 'field-0': '42' } });
    expect(taken.items?.[0].json).toMatchObject({ Age: 42, formMode: 'production' });
  });
});

describe('formEndingAnswer', () => {
  const ending = (spec: Record<string, unknown>) => ({
    [FORM_ENDING_KEY]: { respondWith: 'text', title: '', completionTitle: '', completionMessage: '', redirectUrl: '', responseText: '', customCss: '', file: null, ...spec },
  });

  it('renders each kind of ending, sanitising the markup it is given', () => {
    const text = formEndingAnswer(ending({ completionTitle: 'Done', completionMessage: 'Bye <b>now</b><script>x()</script>' }), false);
    expect('page' in text && text.page.html).toContain('<h1>Done</h1>');
    expect('page' in text && text.page.html).toContain('Bye <b>now</b>');
    expect('page' in text && text.page.html).not.toContain('x()');
    expect(formEndingAnswer(ending({ respondWith: 'redirect', redirectUrl: 'example.com/next' }), false)).toEqual({ redirect: 'http://example.com/next' });
    const shown = formEndingAnswer(ending({ respondWith: 'showText', responseText: '<p onclick="x()">Hi</p>' }), false);
    expect('page' in shown && shown.page.html).toContain('<p>Hi</p>');
    const file = formEndingAnswer(ending({ respondWith: 'returnBinary', completionTitle: 'Your file', file: { data: 'aGk=', mimeType: 'text/plain', fileName: 'hi.txt' } }), false);
    expect('page' in file && file.page.html).toContain('download="hi.txt" href="data:text/plain;base64,aGk="');
  });

  it("falls back to n8n's default text, or a notice when the run failed", () => {
    const done = formEndingAnswer(undefined, false);
    expect('page' in done && done.page.html).toContain('Your response has been recorded');
    const trigger = formTriggerDefaults({ nodes: [node('T', 'n8n-nodes-base.formTrigger', { formTitle: 'Sign up', options: { respondWithOptions: { values: { respondWith: 'text', formSubmittedText: 'See you' } } } })] });
    expect(trigger).toEqual({ title: 'Sign up', text: 'See you' });
    const own = formEndingAnswer(undefined, false, trigger);
    expect('page' in own && own.page.html).toContain('<h1>Sign up</h1>');
    expect('page' in own && own.page.html).toContain('See you');
    const failed = formEndingAnswer(undefined, true);
    expect('page' in failed && failed.page.html).toContain('There was a problem submitting your response');
  });
});
