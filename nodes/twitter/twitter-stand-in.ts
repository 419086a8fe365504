// Test support: a local stand-in for X's API v2 and v1.1, written from X's developer docs
// (developer.x.com: POST /2/tweets, DELETE /2/tweets/:id, likes, retweets, search/recent with
// meta.next_token, users, list members, dm_conversations; v1.1 statuses/update, destroy, favorites,
// retweet, search/tweets, direct_messages/events/new). v2 takes a Bearer token; v1.1 checks an
// OAuth 1.0a HMAC-SHA1 signature computed here per RFC 5849 section 3.4 (independently of the node),
// with its timestamp window and nonce reuse. Errors use X's shapes (v2 problem objects, v1.1
// `{errors: [{code, message}]}`); a 429 with x-rate-limit-reset is sent when armed.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const BEARER = 'x-oauth2-access-token';
export const CONSUMER = { key: 'xvz1evFS4wEEPTGEFPHBog', secret: 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw' };
export const TOKEN = { key: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb', secret: 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE' };
export const ME = { id: '2244994945', name: 'Weft Dev', username: 'weftdev' };

export interface SeenRequest { method: string; path: string; query: Record<string, string>; headers: Record<string, string>; body?: Record<string, unknown>; form?: Record<string, string> }
export interface TwitterStandIn { url: string; seen: SeenRequest[]; rateLimit(resetInSeconds: number): void; close(): Promise<void> }

type Answer = { status: number; body: unknown; headers?: Record<string, string> };
const problem = (status: number, title: string, detail: string): Answer => ({ status, body: { title, detail, type: 'about:blank', status } });
const v1Error = (status: number, code: number, message: string): Answer => ({ status, body: { errors: [{ code, message }] } });

/** RFC 3986 percent-encoding as RFC 5849 3.6 requires (unreserved characters kept). */
const pct = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function parseOAuthHeader(header: string): Record<string, string> | undefined {
  if (!header.startsWith('OAuth ')) return undefined;
  const out: Record<string, string> = {};
  for (const part of header.slice(6).split(',')) {
    const m = /^\s*([^=]+)="([^"]*)"\s*$/.exec(part);
    if (m) out[decodeURIComponent(m[1])] = decodeURIComponent(m[2]);
  }
  return out;
}

/** Section 3.4.1: method, base string URI, normalized parameters (query, form body, oauth_* but the signature). */
export function signatureBaseString(method: string, baseUri: string, params: Array<[string, string]>): string {
  const normalized = params.map(([k, v]) => [pct(k), pct(v)]).sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`).join('&');
  return [method.toUpperCase(), pct(baseUri), pct(normalized)].join('&');
}

export async function startTwitterStandIn(): Promise<TwitterStandIn> {
  const seen: SeenRequest[] = [];
  const nonces = new Set<string>();
  let resetIn: number | undefined;
  const tweets = new Map<string, Record<string, unknown>>(Array.from({ length: 25 }, (_, i) => {
    const id = String(1700000000000000000n + BigInt(i));
    return [id, { id, text: `automation tip #${i + 1}`, edit_history_tweet_ids: [id] }];
  }));
  let next = 1800000000000000000n;

  function checkOAuth1(r: SeenRequest, host: string): Answer | undefined {
    const oauth = parseOAuthHeader(r.headers.authorization ?? '');
    if (!oauth) return v1Error(400, 215, 'Bad Authentication data.');
    if (oauth.oauth_consumer_key !== CONSUMER.key || oauth.oauth_token !== TOKEN.key) return v1Error(401, 32, 'Could not authenticate you.');
    if (oauth.oauth_signature_method !== 'HMAC-SHA1') return v1Error(401, 32, 'Could not authenticate you.');
    if (Math.abs(Number(oauth.oauth_timestamp) - Date.now() / 1000) > 300) return v1Error(401, 135, 'Timestamp out of bounds.');
    if (!oauth.oauth_nonce || nonces.has(oauth.oauth_nonce)) return v1Error(401, 32, 'Could not authenticate you.');
    nonces.add(oauth.oauth_nonce);
    const params: Array<[string, string]> = [
      ...Object.entries(oauth).filter(([k]) => k !== 'oauth_signature' && k !== 'realm'),
      ...Object.entries(r.query), ...Object.entries(r.form ?? {}),
    ];
    const base = signatureBaseString(r.method, `http://${host.toLowerCase()}${r.path}`, params);
    const expected = createHmac('sha1', `${pct(CONSUMER.secret)}&${pct(TOKEN.secret)}`).update(base).digest('base64');
    return expected === oauth.oauth_signature ? undefined : v1Error(401, 32, 'Could not authenticate you.');
  }

  const uploads = new Map<string, { type: string; total: number; chunks: string[] }>();

  /** POST media/upload.json: a simple upload (media_data) or the chunked INIT / APPEND / FINALIZE commands. */
  function routeUpload(form: Record<string, string>): Answer {
    const id = () => String(++next);
    if (!form.command) {
      if (!form.media_data) return v1Error(400, 38, 'media parameter is missing.');
      const mediaId = id();
      return { status: 200, body: { media_id: Number(mediaId), media_id_string: mediaId, size: Buffer.from(form.media_data, 'base64').length, expires_after_secs: 86400, image: { image_type: 'image/png', w: 1, h: 1 } } };
    }
    if (form.command === 'INIT') {
      if (!form.total_bytes || !form.media_type) return v1Error(400, 38, 'total_bytes parameter is missing.');
      const mediaId = id();
      uploads.set(mediaId, { type: form.media_type, total: Number(form.total_bytes), chunks: [] });
      return { status: 202, body: { media_id: Number(mediaId), media_id_string: mediaId, expires_after_secs: 86400 } };
    }
    const upload = uploads.get(form.media_id ?? '');
    if (!upload) return v1Error(400, 324, 'Invalid media id.');
    if (form.command === 'APPEND') {
      upload.chunks[Number(form.segment_index)] = form.media_data ?? '';
      return { status: 204, body: undefined };
    }
    if (form.command === 'FINALIZE') {
      const size = upload.chunks.reduce((sum, chunk) => sum + Buffer.from(chunk, 'base64').length, 0);
      if (size !== upload.total) return v1Error(400, 324, `File size mismatch: got ${size}, expected ${upload.total}.`);
      return { status: 201, body: { media_id: Number(form.media_id), media_id_string: form.media_id, size, expires_after_secs: 86400 } };
    }
    return v1Error(400, 38, 'command parameter is invalid.');
  }

  function routeV1(r: SeenRequest): Answer {
    const p = r.path.slice('/1.1'.length);
    if (p === '/media/upload.json' && r.method === 'POST') return routeUpload(r.form ?? {});
    if (p === '/statuses/update.json' && r.method === 'POST') {
      const status = r.query.status ?? r.form?.status;
      if (!status) return v1Error(400, 170, 'Missing required parameter: status.');
      if ([...tweets.values()].some((t) => t.text === status)) return v1Error(403, 187, 'Status is a duplicate.');
      const id = String(++next);
      const tweet = { id, id_str: id, text: status, ...(r.query.media_ids ? { entities: { media: r.query.media_ids.split(',').map((m) => ({ id_str: m })) } } : {}), in_reply_to_status_id_str: r.query.in_reply_to_status_id ?? null, user: { id_str: ME.id, screen_name: ME.username } };
      tweets.set(id, { id, text: status });
      return { status: 200, body: tweet };
    }
    let m = /^\/statuses\/(destroy|retweet)\/(\d+)\.json$/.exec(p);
    if (m && r.method === 'POST') {
      const tweet = tweets.get(m[2]);
      if (!tweet) return v1Error(404, 144, 'No status found with that ID.');
      if (m[1] === 'destroy') { tweets.delete(m[2]); return { status: 200, body: { id_str: m[2], text: tweet.text } }; }
      return { status: 200, body: { id_str: String(++next), retweeted_status: { id_str: m[2] }, retweeted: true } };
    }
    if (p === '/favorites/create.json' && r.method === 'POST') {
      const tweet = tweets.get(r.query.id ?? '');
      return tweet ? { status: 200, body: { id_str: tweet.id, text: tweet.text, favorited: true } } : v1Error(404, 144, 'No status found with that ID.');
    }
    if (p === '/search/tweets.json' && r.method === 'GET') {
      const matching = [...tweets.values()].filter((t) => String(t.text).includes(r.query.q ?? '')).map((t) => ({ id_str: t.id, text: t.text }));
      const count = Number(r.query.count ?? 15);
      const since = r.query.since_id ? BigInt(r.query.since_id) : 0n;
      const page = matching.filter((t) => BigInt(String(t.id_str)) > since).slice(0, count);
      const maxId = page.length ? String(page.at(-1)!.id_str) : r.query.since_id ?? '0';
      const more = matching.filter((t) => BigInt(String(t.id_str)) > BigInt(maxId)).length > 0;
      return { status: 200, body: { statuses: page, search_metadata: { max_id: maxId, max_id_str: maxId, count, ...(more ? { next_results: `?max_id=${maxId}&q=${r.query.q}` } : {}) } } };
    }
    if (p === '/direct_messages/events/new.json' && r.method === 'POST') {
      const event = (r.body?.event ?? {}) as { type?: string; message_create?: { target?: { recipient_id?: string }; message_data?: { text?: string } } };
      if (event.type !== 'message_create' || !event.message_create?.target?.recipient_id) return v1Error(400, 214, 'event.type: field is required.');
      return { status: 200, body: { event: { type: 'message_create', id: String(++next), created_timestamp: '1700000000000', message_create: { ...event.message_create, sender_id: ME.id } } } };
    }
    return v1Error(404, 34, 'Sorry, that page does not exist.');
  }

  function routeV2(r: SeenRequest): Answer {
    if (r.headers.authorization !== `Bearer ${BEARER}`) return problem(401, 'Unauthorized', 'Unauthorized');
    const p = r.path.slice('/2'.length);
    const body = r.body ?? {};
    if (p === '/users/me' && r.method === 'GET') return { status: 200, body: { data: ME } };
    let m = /^\/users\/by\/username\/([^/]+)$/.exec(p);
    if (m && r.method === 'GET') {
      if (m[1] === 'n8n_io') return { status: 200, body: { data: { id: '1068479892537384960', name: 'n8n.io', username: 'n8n_io' } } };
      return { status: 200, body: { errors: [{ value: m[1], detail: `Could not find user with username: [${m[1]}].`, title: 'Not Found Error', type: 'https://api.twitter.com/2/problems/resource-not-found' }] } };
    }
    m = /^\/users\/(\d+)$/.exec(p);
    if (m && r.method === 'GET') return { status: 200, body: { data: { id: m[1], name: 'n8n.io', username: 'n8n_io' } } };
    if (p === '/tweets' && r.method === 'POST') {
      if (typeof body.text !== 'string' || !body.text) return { status: 400, body: { errors: [{ message: 'text must be a non-empty string' }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request' } };
      if ([...tweets.values()].some((t) => t.text === body.text)) return problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.');
      const id = String(++next);
      tweets.set(id, { id, text: body.text });
      return { status: 201, body: { data: { id, text: body.text, edit_history_tweet_ids: [id] } } };
    }
    m = /^\/tweets\/(\d+)$/.exec(p);
    if (m && r.method === 'DELETE') return { status: 200, body: { data: { deleted: tweets.delete(m[1]) } } };
    m = /^\/users\/(\d+)\/(likes|retweets)$/.exec(p);
    if (m && r.method === 'POST') {
      if (m[1] !== ME.id) return problem(403, 'Forbidden', 'You are not permitted to perform this action.');
      if (!tweets.has(String(body.tweet_id))) return { status: 400, body: { errors: [{ message: 'The `tweet_id` query parameter value [x] is not valid' }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request' } };
      return { status: 200, body: { data: m[2] === 'likes' ? { liked: true } : { retweeted: true } } };
    }
    if (p === '/tweets/search/recent' && r.method === 'GET') {
      const max = Number(r.query.max_results ?? 10);
      if (!(max >= 10 && max <= 100)) return { status: 400, body: { errors: [{ parameters: { max_results: [String(max)] }, message: `The \`max_results\` query parameter value [${max}] is not between 10 and 100` }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request' } };
      const matching = [...tweets.values()].filter((t) => String(t.text).includes(r.query.query ?? ''));
      const start = Number(r.query.next_token ?? 0);
      const page = matching.slice(start, start + max);
      const nextToken = start + max < matching.length ? String(start + max) : undefined;
      return { status: 200, body: { data: page, meta: { result_count: page.length, ...(nextToken ? { next_token: nextToken } : {}) } } };
    }
    m = /^\/lists\/(\d+)\/members$/.exec(p);
    if (m && r.method === 'POST') return body.user_id ? { status: 200, body: { data: { is_member: true } } } : problem(400, 'Invalid Request', 'user_id is required');
    m = /^\/dm_conversations\/with\/(\d+)\/messages$/.exec(p);
    if (m && r.method === 'POST') {
      if (!body.text && !body.attachments) return problem(400, 'Invalid Request', 'text or attachments is required');
      return { status: 201, body: { data: { dm_conversation_id: `${ME.id}-${m[1]}`, dm_event_id: String(++next) } } };
    }
    return problem(404, 'Not Found Error', `Could not find ${r.path}`);
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const parsed = new URL(req.url ?? '/', 'http://stand-in');
      const raw = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v ?? '')]));
      const contentType = headers['content-type'] ?? '';
      const request: SeenRequest = { method: req.method ?? 'GET', path: parsed.pathname, query: Object.fromEntries(parsed.searchParams.entries()), headers,
        ...(raw && contentType.startsWith('application/json') ? { body: JSON.parse(raw) as Record<string, unknown> } : {}),
        ...(raw && contentType.startsWith('application/x-www-form-urlencoded') ? { form: Object.fromEntries(new URLSearchParams(raw).entries()) } : {}) };
      seen.push(request);
      let answer: Answer;
      if (resetIn !== undefined) {
        const reset = Math.ceil(Date.now() / 1000) + resetIn;
        answer = { ...problem(429, 'Too Many Requests', 'Too Many Requests'), headers: { 'x-rate-limit-limit': '50', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) } };
        resetIn = undefined;
      } else if (request.path.startsWith('/1.1/')) {
        answer = checkOAuth1(request, headers.host ?? '') ?? routeV1(request);
      } else if (request.path.startsWith('/2/')) {
        answer = routeV2(request);
      } else answer = problem(404, 'Not Found Error', 'Not found');
      res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen,
    rateLimit: (seconds) => { resetIn = seconds; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
