// Test support: a local stand-in for JotForm's REST API, written from its documentation
// (api.jotform.com/docs): the key in the APIKEY header (or apiKey query), form-encoded POST bodies,
// answers in the envelope `{responseCode, message, content, duration, limit-left}`, errors in the same
// envelope with the HTTP status (401 for a wrong key, 404 for an unknown form), webhooks listed as
// `{id: url}`, questions as `{qid: {name, text, type, …}}`, and a 429 with Retry-After when armed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const JOTFORM_KEY = 'b1946ac92492d2347c6235b4d2611184';
export const FORM_ID = '241234567890123';

export interface JotFormSeen { method: string; path: string; query: Record<string, string>; apiKey: string; contentType: string; form: Record<string, string> }

export interface JotFormStandIn {
  url: string;
  seen: JotFormSeen[];
  /** The form's webhooks by id (JotForm numbers them 0, 1, …). */
  hooks: Map<string, string>;
  rateLimitOnce(seconds: number): void;
  close(): Promise<void>;
}

export const FORMS = [
  { id: FORM_ID, username: 'ada', title: 'Contact Us', status: 'ENABLED', created_at: '2024-03-01 10:00:00', url: `https://form.jotform.com/${FORM_ID}` },
  { id: '241234567890999', username: 'ada', title: 'Order Form', status: 'ENABLED', created_at: '2024-03-02 10:00:00', url: 'https://form.jotform.com/241234567890999' },
];

export const QUESTIONS = {
  1: { name: 'heading', order: '1', qid: '1', text: 'Contact Us', type: 'control_head' },
  3: { name: 'fullName', order: '2', qid: '3', text: 'Full Name', type: 'control_fullname' },
  4: { name: 'email', order: '3', qid: '4', text: 'E-mail', type: 'control_email' },
  5: { name: 'typeA', order: '4', qid: '5', text: 'Your message', type: 'control_textarea' },
};

export async function startJotFormStandIn(): Promise<JotFormStandIn> {
  const seen: JotFormSeen[] = [];
  const hooks = new Map<string, string>();
  let armed: number | undefined;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const contentType = req.headers['content-type'] ?? '';
      const form = contentType.startsWith('application/x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) : {};
      const apiKey = String(req.headers.apikey ?? url.searchParams.get('apiKey') ?? '');
      seen.push({ method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), apiKey, contentType, form });
      const reply = (status: number, message: string, content: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify({ responseCode: status, message, content, duration: '12.34ms', 'limit-left': 9990 }));
      };
      if (armed !== undefined) {
        const wait = armed;
        armed = undefined;
        return reply(429, 'You have exceeded your daily API usage limit.', '', { 'retry-after': String(wait) });
      }
      if (apiKey !== JOTFORM_KEY) return reply(401, `You're not authorized to use (${url.pathname}) `, '');
      const route = `${req.method} ${url.pathname}`;
      if (route === 'GET /user') return reply(200, 'success', { username: 'ada', name: 'Ada Lovelace', email: 'ada@example.com', account_type: 'https://api.jotform.com/system/plan/FREE' });
      if (route === 'GET /user/forms') {
        const limit = Number(url.searchParams.get('limit') ?? 20);
        return reply(200, 'success', FORMS.slice(0, limit));
      }
      const match = /^\/form\/([^/]+)\/(webhooks|questions)(?:\/([^/]+))?$/.exec(url.pathname);
      if (!match) return reply(404, 'Requested URL not found', '');
      const [, formId, what, hookId] = match;
      if (formId !== FORM_ID) return reply(404, 'Form not found', '');
      const list = () => Object.fromEntries(hooks);
      if (what === 'questions' && req.method === 'GET') return reply(200, 'success', QUESTIONS);
      if (what === 'webhooks' && req.method === 'GET' && !hookId) return reply(200, 'success', list());
      if (what === 'webhooks' && req.method === 'POST' && !hookId) {
        if (!form.webhookURL) return reply(400, 'webhookURL is missing', '');
        if (![...hooks.values()].includes(form.webhookURL)) hooks.set(String(Math.max(-1, ...[...hooks.keys()].map(Number)) + 1), form.webhookURL);
        return reply(200, 'success', list());
      }
      if (what === 'webhooks' && req.method === 'DELETE' && hookId) {
        if (!hooks.delete(hookId)) return reply(404, 'Webhook not found', '');
        return reply(200, 'success', list());
      }
      reply(405, 'Method not allowed', '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen, hooks,
    rateLimitOnce: (seconds) => { armed = seconds; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
