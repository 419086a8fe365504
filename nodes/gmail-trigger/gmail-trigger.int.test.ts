// The Gmail Trigger against the Gmail stand-in (../gmail/gmail-stand-in.ts): each poll asks for mail
// after the last message time kept in static data, delivers new messages once (simplified, or
// parsed with attachments), skips drafts (1.2+) and sent-only mail (1.3); a manual run shows one.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JsonObject, TriggerContext } from '../../engine/index.ts';
import { methodContext } from '../node-methods.ts';
import { GMAIL_OAUTH_TOKEN, ME, startGmailStandIn, type GmailStandIn } from '../gmail/gmail-stand-in.ts';
import { gmailTriggerNode } from './gmail-trigger.node.ts';

let google: GmailStandIn;
beforeAll(async () => {
  google = await startGmailStandIn();
  process.env.WEFT_GMAIL_API_URL = google.url;
});
afterAll(async () => {
  delete process.env.WEFT_GMAIL_API_URL;
  await google.close();
});
beforeEach(() => {
  google.seen.length = 0;
  google.messages.length = 0;
});
afterEach(() => vi.useRealTimers());

function pollContext(typeVersion: number, parameters: Record<string, unknown>, staticData: JsonObject): TriggerContext {
  const ctx = methodContext({
    nodeType: gmailTriggerNode, kind: 'loadOptions', method: 'getLabels', typeVersion, currentNodeParameters: parameters,
    credentials: { gmailOAuth2: { id: '1', name: 'Gmail' } },
  }, { getCredentials: async () => ({ oauthTokenData: { access_token: GMAIL_OAUTH_TOKEN } }), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
  return { ...ctx, mode: 'trigger', activation: 'activate', getWorkflowStaticData: () => staticData, emit: () => {}, emitError: () => {}, webhookUrl: () => '' };
}

const mail = (subject: string) => `From: Ann <ann@example.com>\r\nTo: ${ME}\r\nSubject: ${subject}\r\n\r\nbody of ${subject}`;
const seconds = (iso: string) => Date.parse(iso) / 1000;

describe('Gmail Trigger polls', () => {
  it('delivers mail received since the last poll once, keeping the cursor per node name from 1.1', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-07T10:00:00Z'));
    google.addMessage(mail('old'), { internalDate: String(Date.parse('2026-12-07T09:00:00Z')) });
    const state: JsonObject = {};
    const ctx = pollContext(1.3, {}, state);
    expect(await gmailTriggerNode.triggers!.poll!(ctx)).toBeNull();
    expect(google.seen[0].query.get('q')).toBe(`after:${seconds('2026-12-07T10:00:00Z')}`);
    expect(state['Gmail Trigger']).toEqual({ lastTimeChecked: seconds('2026-12-07T10:00:00Z') });

    const fresh = google.addMessage(mail('new'), { internalDate: String(Date.parse('2026-12-07T10:01:00Z')), labelIds: ['INBOX', 'UNREAD', 'Label_1'] });
    vi.setSystemTime(new Date('2026-12-07T10:02:00Z'));
    const out = await gmailTriggerNode.triggers!.poll!(ctx);
    expect(out![0].map((i) => [i.json.id, i.json.Subject, i.json.labels])).toEqual([[fresh.id, 'new', [
      { id: 'INBOX', name: 'INBOX' }, { id: 'UNREAD', name: 'UNREAD' }, { id: 'Label_1', name: 'Receipts' }]]]);
    expect(state['Gmail Trigger']).toEqual({ lastTimeChecked: seconds('2026-12-07T10:01:00Z'), possibleDuplicates: [fresh.id] });

    // Gmail's after: works in seconds, so the same message can come back: it is not delivered twice.
    google.messages.find((m) => m.id === fresh.id)!.internalDate = String(Date.parse('2026-12-07T10:01:00.500Z'));
    expect(await gmailTriggerNode.triggers!.poll!(ctx)).toBeNull();
  });

  it('applies the filters, skips drafts (1.2) and sent-only mail (1.3) but not in 1.1', async () => {
    const state: JsonObject = { 'Gmail Trigger': { lastTimeChecked: seconds('2026-12-07T08:00:00Z') } };
    google.addMessage(mail('draft'), { labelIds: ['DRAFT'], internalDate: String(Date.parse('2026-12-07T09:00:00Z')) });
    google.addMessage(mail('sent'), { labelIds: ['SENT'], internalDate: String(Date.parse('2026-12-07T09:01:00Z')) });
    google.addMessage(mail('inbox'), { labelIds: ['INBOX'], internalDate: String(Date.parse('2026-12-07T09:02:00Z')) });
    const filters = { sender: 'ann@example.com', includeSpamTrash: false };
    const v13 = await gmailTriggerNode.triggers!.poll!(pollContext(1.3, { filters }, structuredClone(state)));
    expect(v13![0].map((i) => i.json.Subject)).toEqual(['inbox']);
    expect(google.seen[0].query.get('q')).toBe(`from:ann@example.com after:${seconds('2026-12-07T08:00:00Z')}`);
    const v12 = await gmailTriggerNode.triggers!.poll!(pollContext(1.2, { filters }, structuredClone(state)));
    expect(v12![0].map((i) => i.json.Subject)).toEqual(['inbox', 'sent']);
    const v11 = await gmailTriggerNode.triggers!.poll!(pollContext(1.1, { filters }, structuredClone(state)));
    expect(v11![0].map((i) => i.json.Subject)).toEqual(['inbox', 'sent', 'draft']);
  });

  it('v1 keeps the cursor in the node data itself and delivers parsed messages with attachments', async () => {
    const raw = `From: ann@example.com\r\nTo: ${ME}\r\nSubject: Files\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="x"\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nsee file\r\n--x\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename="a.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\nAAEC\r\n--x--\r\n`;
    google.addMessage(raw, { internalDate: String(Date.parse('2026-12-07T09:00:00Z')) });
    const state: JsonObject = { lastTimeChecked: seconds('2026-12-07T08:00:00Z') };
    const out = await gmailTriggerNode.triggers!.poll!(pollContext(1, { simple: false, options: { downloadAttachments: true } }, state));
    expect(google.seen.at(-1)!.query.get('format')).toBe('raw');
    expect(out![0][0].json).toMatchObject({ subject: 'Files', text: 'see file' });
    expect(out![0][0].binary?.attachment_0).toMatchObject({ fileName: 'a.bin', data: 'AAEC' });
    expect(state.lastTimeChecked).toBe(seconds('2026-12-07T09:00:00Z'));
  });

  it('a manual run shows the newest message without a time filter', async () => {
    google.addMessage(mail('one'), { internalDate: String(Date.parse('2026-12-07T09:00:00Z')) });
    google.addMessage(mail('two'), { internalDate: String(Date.parse('2026-12-07T09:05:00Z')) });
    const ctx = pollContext(1.3, { filters: { readStatus: 'unread' } }, {});
    const [items] = (await gmailTriggerNode.execute!({ ...ctx, mode: 'manual' }))!;
    expect(items.map((i) => i.json.Subject)).toEqual(['two']);
    expect(google.seen[0].query.get('maxResults')).toBe('1');
    expect(google.seen[0].query.get('q')).toBe('is:unread');
  });

  it('an armed trigger keeps quiet on a failed poll (its cursor is set before the call, as in n8n)', async () => {
    process.env.WEFT_GMAIL_API_URL = 'http://127.0.0.1:9';
    try {
      const state: JsonObject = { 'Gmail Trigger': { lastTimeChecked: 1 } };
      expect(await gmailTriggerNode.triggers!.poll!(pollContext(1.3, {}, state))).toBeNull();
      expect(state['Gmail Trigger']).toEqual({ lastTimeChecked: 1 });
      await expect(gmailTriggerNode.triggers!.poll!(pollContext(1, {}, {}))).resolves.toBeNull();
    } finally {
      process.env.WEFT_GMAIL_API_URL = google.url;
    }
  });
});
