// Refresh-and-retry on 401 in the Google nodes that share nodes/gmail/google-call.ts: Gmail and
// Google Calendar on the real engine, each against its local stand-in (written from Google's API
// reference), which takes only its good token and answers any other with Google's documented 401
// (UNAUTHENTICATED / authError). A local token endpoint issues the good token for the RFC 6749
// refresh grant, and for a service account's JWT grant a token the stand-in refuses: that 401 must
// not renew anything, as a service account has no refresh token.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseWorkflowDefinition } from '../../domain/index.ts';
import { GMAIL_OAUTH_TOKEN, GMAIL_SERVICE_ACCOUNT, startGmailStandIn, type GmailStandIn } from '../gmail/gmail-stand-in.ts';
import { clearGoogleTokenCache } from '../google-shared/google-auth.ts';
import { CALENDAR_TOKEN, startCalendarStandIn, type CalendarStandIn } from '../google-calendar/calendar-stand-in.ts';
import { OAUTH_TOKEN as DRIVE_TOKEN, startDriveStandIn, type DriveStandIn } from '../google-drive/drive-stand-in.ts';
import { OAUTH_TOKEN as SHEETS_TOKEN, startSheetsStandIn, type SheetsStandIn } from '../google-sheets/sheets-stand-in.ts';
import { getNodeType } from '../index.ts';
import { createFixtureEngine } from '../testing/fixture-engine.ts';
import { startTokenVault, type TokenVault } from './oauth2-test-vault.ts';

const ENV = ['WEFT_GMAIL_API_URL', 'WEFT_GOOGLE_CALENDAR_API_URL', 'WEFT_GOOGLE_DRIVE_API_URL', 'WEFT_GOOGLE_SHEETS_API_URL', 'WEFT_GOOGLE_OAUTH2_API_URL'] as const;
const saved = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));
let gmail: GmailStandIn;
let calendar: CalendarStandIn;
let drive: DriveStandIn;
let sheets: SheetsStandIn;
let tokens: TokenVault;

beforeAll(async () => {
  [gmail, calendar, drive, sheets] = await Promise.all([startGmailStandIn(), startCalendarStandIn(), startDriveStandIn(), startSheetsStandIn()]);
  // A service account's JWT grant gets a token the stand-ins refuse: it must never be renewed.
  tokens = await startTokenVault((params) => (params.grant_type === 'urn:ietf:params:oauth:grant-type:jwt-bearer' && params.assertion
    ? { status: 200, body: { access_token: 'ya29.revoked-service-token', token_type: 'Bearer', expires_in: 3599 } } : undefined));
  const base = tokens.url;
  Object.assign(process.env, {
    WEFT_GMAIL_API_URL: gmail.url, WEFT_GOOGLE_CALENDAR_API_URL: calendar.url, WEFT_GOOGLE_DRIVE_API_URL: drive.url, WEFT_GOOGLE_SHEETS_API_URL: sheets.url, WEFT_GOOGLE_OAUTH2_API_URL: base,
  });
});
afterAll(async () => {
  for (const name of ENV) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  clearGoogleTokenCache();
  await Promise.all([gmail.close(), calendar.close(), drive.close(), sheets.close(), tokens.close()]);
});

beforeEach(() => {
  tokens.reset();
  gmail.seen.length = 0;
  gmail.messages.length = 0;
  calendar.seen.length = 0;
  for (const list of calendar.events.values()) list.length = 0;
  drive.reset();
  sheets.seen.length = 0;
  sheets.spreadsheets.clear();
  clearGoogleTokenCache();
});

async function run(node: { type: string; typeVersion: number; credentials: Record<string, { id: string; name: string }>; parameters: Record<string, unknown> }) {
  const definition = parseWorkflowDefinition({
    name: 'OAuth2 retry (Google)', settings: { executionOrder: 'v1' },
    nodes: [
      { id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      { id: 's', name: 'Service', position: [200, 0], ...node },
    ],
    connections: { Start: { main: [[{ node: 'Service', type: 'main', index: 0 }]] } },
  });
  const engine = createFixtureEngine();
  try {
    const result = await engine.run({ name: 'OAuth2 retry (Google)', file: '', workflow: definition }, getNodeType, { credentials: (_node, type, options) => tokens.credentials(type, options) });
    const error = result.data.resultData.error as (Error & { description?: string }) | undefined;
    return { error, output: result.data.resultData.runData.Service?.[0]?.data?.main[0]?.map((item) => item.json) };
  } finally {
    engine.dispose();
  }
}

const gmailNode = (parameters: Record<string, unknown>, authentication = 'oAuth2') => ({
  type: 'n8n-nodes-base.gmail', typeVersion: 2.1, parameters: { authentication, ...parameters },
  credentials: { gmailOAuth2: { id: '1', name: 'Gmail' }, googleApi: { id: '2', name: 'Service account' } },
});
const mail = 'From: Ann <ann@example.com>\r\nTo: me@example.com\r\nSubject: Renewed\r\nMessage-ID: <m-1@example.com>\r\n\r\nHello';

describe('Google nodes: a 401 to an OAuth2 token renews it once and resends', () => {
  it('Gmail: the message is read with the renewed token after Google\'s UNAUTHENTICATED 401', async () => {
    tokens.holding('gmailOAuth2');
    tokens.next = GMAIL_OAUTH_TOKEN;
    const message = gmail.addMessage(mail);
    const { error, output } = await run(gmailNode({ resource: 'message', operation: 'get', messageId: message.id, simple: false, options: {} }));
    expect(error).toBeUndefined();
    expect(output?.[0]).toMatchObject({ id: message.id, subject: 'Renewed' });
    expect(gmail.seen.map((r) => [r.path, r.query.get('format'), r.authorization])).toEqual([
      [`/gmail/v1/users/me/messages/${message.id}`, 'raw', 'Bearer old-token'],
      [`/gmail/v1/users/me/messages/${message.id}`, 'raw', `Bearer ${GMAIL_OAUTH_TOKEN}`]]);
    expect(tokens.renewals).toEqual(['gmailOAuth2']);
    expect(tokens.grants).toEqual([{ grant_type: 'refresh_token', refresh_token: 'rt-1' }]);
  });

  it('Google Calendar: events are listed with the renewed token after Google\'s authError 401', async () => {
    tokens.holding('googleCalendarOAuth2Api');
    tokens.next = CALENDAR_TOKEN;
    calendar.events.get('primary@example.com')!.push({ id: 'e1', summary: 'Standup', start: { dateTime: '2026-12-08T10:00:00Z' }, end: { dateTime: '2026-12-08T10:15:00Z' } });
    const { error, output } = await run({
      type: 'n8n-nodes-base.googleCalendar', typeVersion: 1.2, credentials: { googleCalendarOAuth2Api: { id: '1', name: 'Calendar' } },
      parameters: { operation: 'getAll', calendar: { __rl: true, mode: 'id', value: 'primary@example.com' }, returnAll: true, options: {} },
    });
    expect(error).toBeUndefined();
    expect(output).toEqual([expect.objectContaining({ id: 'e1', summary: 'Standup' })]);
    const events = '/calendar/v3/calendars/primary%40example.com/events';
    expect(calendar.seen.map((r) => [r.method, r.path, r.authorization])).toEqual([
      ['GET', events, 'Bearer old-token'], ['GET', events, `Bearer ${CALENDAR_TOKEN}`]]);
    expect(tokens.renewals).toEqual(['googleCalendarOAuth2Api']);
    expect(tokens.grants).toEqual([{ grant_type: 'refresh_token', refresh_token: 'rt-1' }]);
  });

  it('Gmail: a renewed token that is refused too ends in Google\'s 401, after one renewal', async () => {
    tokens.holding('gmailOAuth2');
    tokens.next = 'ya29.also-refused';
    const message = gmail.addMessage(mail);
    const { error } = await run(gmailNode({ resource: 'message', operation: 'get', messageId: message.id, simple: false, options: {} }));
    expect(error?.description).toBe('Request had invalid authentication credentials.');
    expect(gmail.seen.map((r) => r.authorization)).toEqual(['Bearer old-token', 'Bearer ya29.also-refused']);
    expect(tokens.renewals).toEqual(['gmailOAuth2']);
  });

  it('Gmail with a service account: a refused token is not renewed (no refresh token), even with an OAuth2 credential on the node', async () => {
    tokens.holding('gmailOAuth2', {}, { googleApi: { ...GMAIL_SERVICE_ACCOUNT } });
    tokens.next = GMAIL_OAUTH_TOKEN;
    const message = gmail.addMessage(mail);
    const { error } = await run(gmailNode({ resource: 'message', operation: 'get', messageId: message.id, simple: false, options: {} }, 'serviceAccount'));
    expect(error?.description).toBe('Request had invalid authentication credentials.');
    expect(gmail.seen.map((r) => r.authorization)).toEqual(['Bearer ya29.revoked-service-token']);
    expect(tokens.renewals).toEqual([]);
    expect(tokens.grants.map((grant) => grant.grant_type)).toEqual(['urn:ietf:params:oauth:grant-type:jwt-bearer']);
  });

  it('Google Drive (and Docs and the Drive and Sheets triggers, sharing its client): a shared drive is created with the renewed token', async () => {
    tokens.holding('googleDriveOAuth2Api');
    tokens.next = DRIVE_TOKEN;
    const { error, output } = await run({ type: 'n8n-nodes-base.googleDrive', typeVersion: 3, credentials: { googleDriveOAuth2Api: { id: '1', name: 'Drive' } },
      parameters: { resource: 'drive', operation: 'create', name: 'Team', options: {} } });
    expect(error).toBeUndefined();
    expect(output?.[0]).toMatchObject({ kind: 'drive#drive', name: 'Team' });
    expect(drive.seen.map((r) => [r.method, r.path, r.authorization])).toEqual([
      ['POST', '/drive/v3/drives', 'Bearer old-token'], ['POST', '/drive/v3/drives', `Bearer ${DRIVE_TOKEN}`]]);
    expect(tokens.renewals).toEqual(['googleDriveOAuth2Api']);
  });

  it('Google Sheets: the rows are read with the renewed token, every later call of the run too', async () => {
    tokens.holding('googleSheetsOAuth2Api');
    tokens.next = SHEETS_TOKEN;
    sheets.spreadsheets.set('DOC1', [{ sheetId: 0, title: 'Sheet1', rows: [['name'], ['Ann']] }]);
    const { error, output } = await run({ type: 'n8n-nodes-base.googleSheets', typeVersion: 4.5, credentials: { googleSheetsOAuth2Api: { id: '1', name: 'Sheets' } },
      parameters: { operation: 'read', documentId: { __rl: true, mode: 'id', value: 'DOC1' }, sheetName: { __rl: true, mode: 'id', value: '0' } } });
    expect(error).toBeUndefined();
    expect(output).toEqual([{ row_number: 2, name: 'Ann' }]);
    const sent = sheets.seen.map((r) => r.authorization);
    expect(sent.slice(0, 2)).toEqual(['Bearer old-token', `Bearer ${SHEETS_TOKEN}`]);
    expect(new Set(sent.slice(1))).toEqual(new Set([`Bearer ${SHEETS_TOKEN}`]));
    expect(tokens.renewals).toEqual(['googleSheetsOAuth2Api']);
  });
});
