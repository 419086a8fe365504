// The resume side of Send and Wait (what a link call answers and outputs) and the link signatures.
import { describe, expect, it } from 'vitest';
import { isResumeSignatureValid, resumeSignature } from '../../../engine/index.ts';
import { sendAndWaitProperties } from './send-and-wait.description.ts';
import { answerSendAndWaitCall, type SendAndWaitCall } from './send-and-wait-resume.ts';

const call = (over: Partial<SendAndWaitCall>): SendAndWaitCall => ({
  method: 'GET', headers: {}, query: {}, body: {}, nodeContext: undefined, parameters: { operation: 'sendAndWait' }, ...over,
});
const freeText = { sendAndWait: { responseType: 'freeText', formTitle: 'Notes <b>', formDescription: 'Say it', buttonLabel: 'Send' } };

describe('answerSendAndWaitCall', () => {
  it('approval: the approved query decides the output; the page says the answer is taken', () => {
    const yes = answerSendAndWaitCall(call({ query: { approved: 'true', signature: 'x' } }));
    expect(yes.items).toEqual([{ json: { data: { approved: true } } }]);
    expect(yes.html).toContain('Got it, thanks');
    expect(answerSendAndWaitCall(call({ query: { approved: 'false' } })).items).toEqual([{ json: { data: { approved: false } } }]);
    expect(answerSendAndWaitCall(call({ method: 'POST', query: {} })).items).toEqual([{ json: { data: { approved: false } } }]);
  });

  it('approval: a link preview bot gets an empty page and resumes nothing', () => {
    const preview = answerSendAndWaitCall(call({ query: { approved: 'true' }, headers: { 'user-agent': 'TelegramBot (like TwitterBot)' } }));
    expect(preview).toEqual({ status: 200, html: '' });
  });

  it('free text: GET shows the escaped form, POST takes field-0 (top level or under data), a post without it shows the form again', () => {
    const form = answerSendAndWaitCall(call({ nodeContext: freeText }));
    expect(form.items).toBeUndefined();
    expect(form.html).toContain('<h1>Notes &lt;b&gt;</h1>');
    expect(form.html).toContain('<button type="submit">Send</button>');
    expect(answerSendAndWaitCall(call({ method: 'POST', nodeContext: freeText, body: { 'field-0': 'fine' } })).items).toEqual([{ json: { data: { text: 'fine' } } }]);
    expect(answerSendAndWaitCall(call({ method: 'POST', nodeContext: freeText, body: { data: { 'field-0': 'ok' } } })).items).toEqual([{ json: { data: { text: 'ok' } } }]);
    const empty = answerSendAndWaitCall(call({ method: 'POST', nodeContext: freeText, body: {} }));
    expect(empty.status).toBe(400);
    expect(empty.items).toBeUndefined();
  });

  it('custom form: GET renders the recorded fields escaped; POST resumes with the answers under data; a missing required field shows the errors', () => {
    const custom = { sendAndWait: {
      responseType: 'customForm', formTitle: 'Review <i>', formDescription: 'Ship it?', buttonLabel: 'Send', customCss: ':root { --color-background: #123; }',
      formFields: [
        { fieldLabel: 'Verdict', fieldType: 'dropdown', requiredField: true, fieldOptions: { values: [{ option: 'yes' }, { option: 'no' }] } },
        { fieldLabel: 'Notes <b>', fieldType: 'textarea' },
        { fieldLabel: 'Count', fieldType: 'number' },
      ],
    } };
    const form = answerSendAndWaitCall(call({ nodeContext: custom }));
    expect(form.status).toBe(200);
    expect(form.items).toBeUndefined();
    expect(form.html).toContain('<h1>Review &lt;i&gt;</h1>');
    expect(form.html).toContain('Notes &lt;b&gt;');
    expect(form.html).toContain('name="field-0"');
    expect(form.html).toContain('--color-background: #123;');
    expect(form.html).toContain('Got it, thanks');
    expect(form.headers?.['content-security-policy']).toContain("script-src 'nonce-");
    const answered = answerSendAndWaitCall(call({ method: 'POST', nodeContext: custom, body: { 'field-0': 'yes', 'field-1': 'Fine', 'field-2': '3' } }));
    expect(answered.status).toBe(200);
    expect(answered.html).toContain('Got it, thanks');
    expect(answered.items).toEqual([{ json: { data: { Verdict: 'yes', 'Notes <b>': 'Fine', Count: 3 } } }]);
    const missing = answerSendAndWaitCall(call({ method: 'POST', nodeContext: custom, body: { 'field-1': 'x' } }));
    expect(missing.status).toBe(400);
    expect(missing.items).toBeUndefined();
    expect(missing.html).toContain('Verdict is required');
  });

  it('custom form: file elements come back as binary named after their label', () => {
    const custom = { sendAndWait: { responseType: 'customForm', formTitle: '', formDescription: '', buttonLabel: 'Submit', formFields: [{ fieldLabel: 'Proof file', fieldType: 'file', multipleFiles: false }] } };
    const file = { data: Buffer.from('hello').toString('base64'), mimeType: 'text/plain', fileName: 'proof.txt' };
    const answered = answerSendAndWaitCall(call({ method: 'POST', nodeContext: custom, body: {}, binary: { 'field-0': file } }));
    expect(answered.items?.[0].json).toEqual({ data: { 'Proof file': { filename: 'proof.txt', mimetype: 'text/plain', size: 5 } } });
    expect(answered.items?.[0].binary?.Proof_file).toEqual(file);
  });

  it('falls back to the literal response type of the parameters when no settings were recorded', () => {
    expect(answerSendAndWaitCall(call({ parameters: { responseType: 'freeText', message: 'Why?' } })).html).toContain('<p>Why?</p>');
  });
});

describe('resume link signatures', () => {
  const signed = { approved: 'true', signature: resumeSignature('secret', 'exec-1', 'node-1', { approved: 'true' }) };
  it('hold for the run, node and parameters they were made for only', () => {
    expect(isResumeSignatureValid('secret', 'exec-1', 'node-1', signed)).toBe(true);
    expect(isResumeSignatureValid('secret', 'exec-2', 'node-1', signed)).toBe(false);
    expect(isResumeSignatureValid('secret', 'exec-1', 'node-2', signed)).toBe(false);
    expect(isResumeSignatureValid('other', 'exec-1', 'node-1', signed)).toBe(false);
    expect(isResumeSignatureValid('secret', 'exec-1', 'node-1', { ...signed, approved: 'false' })).toBe(false);
    expect(isResumeSignatureValid('secret', 'exec-1', 'node-1', { ...signed, extra: '1' })).toBe(false);
    expect(isResumeSignatureValid('secret', 'exec-1', 'node-1', { ...signed, approved: ['true', 'true'] })).toBe(false);
    expect(isResumeSignatureValid('secret', 'exec-1', 'node-1', { approved: 'true' })).toBe(false);
    expect(isResumeSignatureValid('secret', 'exec-1', 'node-1', { ...signed, signature: 'zz' })).toBe(false);
  });
});

describe('sendAndWaitProperties', () => {
  it('shows every parameter only for the resource’s sendAndWait, keeping its own conditions', () => {
    const properties = sendAndWaitProperties([], 'message', [], { noSubject: true });
    expect(properties.map((p) => p.name)).toEqual(['message', 'responseType', 'defineForm', 'jsonOutput', 'formFields', 'approvalOptions', 'options', 'options']);
    for (const p of properties) expect(p.displayOptions?.show).toMatchObject({ resource: ['message'], operation: ['sendAndWait'] });
    expect(properties[4].displayOptions?.show).toMatchObject({ responseType: ['customForm'], defineForm: ['fields'] });
    expect(properties[5].displayOptions?.show?.responseType).toEqual(['approval']);
    const formOptions = properties[7].options as { name: string }[];
    expect(formOptions.map((o) => o.name)).toContain('responseFormCustomCss');
  });
});
