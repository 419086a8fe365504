// Gmail's message helpers without a server: n8n's address lists and list filters, simplified
// messages, and a composed message read back by the parser with Bcc and attachments intact.
import { describe, expect, it } from 'vitest';
import { addressList, encodeEmail, listQuery, parseRawMessage, simplifyMessages, unescapeSnippet } from './gmail-mime.ts';

describe('gmail-mime', () => {
  it('wraps bare addresses in <>, keeps named ones, and refuses an entry without @', () => {
    expect(addressList('Gmail', 'a@x.com, Bo <b@x.com>', 'To', 0)).toBe('<a@x.com>, Bo <b@x.com>,');
    expect(() => addressList('Gmail', 'a@x.com, nobody', 'CC', 0)).toThrow('Invalid email address');
  });

  it('joins sender, read status and dates (ISO, seconds or milliseconds) into q, dropping empty labels', () => {
    expect(listQuery('Gmail', { q: 'has:attachment', sender: 'ann', readStatus: 'read', receivedAfter: '2026-01-01T00:00:00Z', receivedBefore: '1767225600000', labelIds: [] }))
      .toEqual({ q: 'has:attachment from:ann is:read after:1767225600 before:1767225600' });
    expect(listQuery('Gmail', { readStatus: 'both', receivedAfter: 1767225600, labelIds: ['INBOX'] })).toEqual({ labelIds: ['INBOX'], q: 'after:1767225600' });
    expect(() => listQuery('Gmail', { receivedAfter: 'next tuesday' })).toThrow("Invalid date/time in 'Received After' field");
  });

  it('simplifies: label ids become named labels, payload headers become fields', () => {
    const [message] = simplifyMessages([{ id: '1', labelIds: ['L1'], payload: { mimeType: 'text/plain', headers: [{ name: 'Subject', value: 'Hi' }] } }], [{ id: 'L1', name: 'Work' }, { id: 'L2', name: 'Other' }]);
    expect(message).toEqual({ id: '1', labels: [{ id: 'L1', name: 'Work' }], payload: { mimeType: 'text/plain' }, Subject: 'Hi' });
    expect(unescapeSnippet({ json: { snippet: 'a &amp; b &lt;c&gt; &#39;d&#39; &quot;e&quot;' } }).json.snippet).toBe('a & b <c> \'d\' "e"');
  });

  it('composes base64url text that parses back with Bcc, HTML and the attachment', async () => {
    const raw = await encodeEmail({ from: 'Me <me@x.com>', to: '<a@x.com>, ', bcc: '<hidden@x.com>, ', subject: 'Grüße', html: '<p>ok</p>',
      attachments: [{ filename: 'a.txt', content: Buffer.from('abc'), contentType: 'text/plain' }] });
    expect(raw).not.toMatch(/[+/]/);
    const item = await parseRawMessage({ id: 'm1', threadId: 't1', labelIds: ['SENT'], raw }, 'attachment_', true);
    expect(item.json).toMatchObject({ id: 'm1', threadId: 't1', labelIds: ['SENT'], subject: 'Grüße', html: '<p>ok</p>' });
    expect(String((item.json.headers as Record<string, string>).bcc)).toContain('hidden@x.com');
    expect(item.binary?.attachment_0).toMatchObject({ fileName: 'a.txt', mimeType: 'text/plain', data: Buffer.from('abc').toString('base64') });
  });
});
