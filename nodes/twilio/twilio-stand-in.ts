// Test support: a local stand-in for Twilio's REST API 2010-04-01, written from Twilio's API reference
// (twilio.com/docs/messaging/api/message-resource, /docs/voice/api/call-resource): form-encoded POSTs
// to /Accounts/{AccountSid}/Messages.json and Calls.json with HTTP Basic auth (SID:token or API key),
// 201 answers with the created resource, error bodies `{code, message, more_info, status}`, and a 429
// (code 20429) with Retry-After when armed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const ACCOUNT_SID = 'AC00000000000000000000000000000001';
export const AUTH_TOKEN = 'auth-token-1';
export const API_KEY_SID = 'SK00000000000000000000000000000001';
export const API_KEY_SECRET = 'api-key-secret-1';

export interface SeenRequest { method: string; path: string; authorization: string; contentType: string; form: Record<string, string> }
export interface TwilioStandIn { url: string; seen: SeenRequest[]; rateLimit(seconds: number): void; close(): Promise<void> }

type Answer = { status: number; body: unknown; headers?: Record<string, string> };
const twilioError = (status: number, code: number, message: string): Answer =>
  ({ status, body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status } });
const E164 = /^(whatsapp:)?\+[1-9]\d{6,14}$/;

export async function startTwilioStandIn(): Promise<TwilioStandIn> {
  const seen: SeenRequest[] = [];
  let limited: number | undefined;
  let counter = 0;
  const allowed = new Set([`${ACCOUNT_SID}:${AUTH_TOKEN}`, `${API_KEY_SID}:${API_KEY_SECRET}`].map((p) => `Basic ${Buffer.from(p).toString('base64')}`));

  function route(r: SeenRequest): Answer {
    const m = /^\/2010-04-01\/Accounts\/([^/]+?)(\/Messages|\/Calls)?\.json$/.exec(r.path);
    if (!allowed.has(r.authorization)) return { status: 401, body: { code: 20003, detail: 'Your AccountSid or AuthToken was incorrect.', message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 } };
    if (!m || m[1] !== ACCOUNT_SID) return twilioError(404, 20404, `The requested resource ${r.path} was not found`);
    if (!m[2] && r.method === 'GET') return { status: 200, body: { sid: ACCOUNT_SID, friendly_name: 'Test account', status: 'active', type: 'Full' } };
    if (r.method !== 'POST') return twilioError(405, 20004, 'Method not allowed');
    if (!r.contentType.startsWith('application/x-www-form-urlencoded')) return twilioError(400, 21609, 'Invalid request content type');
    const { To: to, From: from } = r.form;
    if (!to) return twilioError(400, 21604, "A 'To' phone number is required.");
    if (!E164.test(to)) return twilioError(400, 21211, `Invalid 'To' Phone Number: ${to}`);
    if (!from || !E164.test(from)) return twilioError(400, 21212, `Invalid From Number (caller ID): ${from ?? ''}`);
    if (r.form.StatusCallback && !/^https?:\/\//.test(r.form.StatusCallback)) return twilioError(400, 21609, 'Invalid StatusCallback URL');
    counter += 1;
    const common = { account_sid: ACCOUNT_SID, api_version: '2010-04-01', date_created: 'Mon, 07 Dec 2026 10:00:00 +0000', to, from, status: 'queued' };
    if (m[2] === '/Messages') {
      if (!r.form.Body && !r.form.MediaUrl) return twilioError(400, 21602, 'Message body is required.');
      const sid = `SM${String(counter).padStart(32, '0')}`;
      return { status: 201, body: { ...common, sid, body: r.form.Body, num_segments: '1', direction: 'outbound-api', uri: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${sid}.json` } };
    }
    if (!r.form.Twiml && !r.form.Url) return twilioError(400, 21205, 'Url parameter is required.');
    const sid = `CA${String(counter).padStart(32, '0')}`;
    return { status: 201, body: { ...common, sid, direction: 'outbound-api', uri: `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls/${sid}.json` } };
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const request: SeenRequest = { method: req.method ?? 'GET', path: url.pathname, authorization: req.headers.authorization ?? '',
        contentType: req.headers['content-type'] ?? '', form: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')).entries()) };
      seen.push(request);
      let answer: Answer;
      if (limited !== undefined) {
        answer = { ...twilioError(429, 20429, 'Too Many Requests'), headers: { 'retry-after': String(limited) } };
        limited = undefined;
      } else answer = route(request);
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen,
    rateLimit: (seconds) => { limited = seconds; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
