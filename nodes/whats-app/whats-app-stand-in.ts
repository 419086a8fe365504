// Test support: a local stand-in for Meta's Graph API (v13.0) as WhatsApp Business Cloud documents it
// (developers.facebook.com/docs/whatsapp/cloud-api): Bearer token, POST /<phone-number-id>/messages
// (answer `{messaging_product, contacts, messages}`), multipart POST /<phone-number-id>/media (`{id}`),
// GET and DELETE /<media-id>, the business account's phone_numbers and message_templates, Graph error
// bodies `{error: {message, type, code, fbtrace_id}}`, and a 429 with Retry-After when armed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TOKEN = 'EAAG-good-token';
export const WABA_ID = '102290129340398';
export const PHONE_ID = '106540352242922';

export interface Part { name: string; fileName?: string; contentType?: string; data: Buffer }
export interface SeenRequest { method: string; path: string; authorization: string; contentType: string; body?: Record<string, unknown>; parts?: Part[] }
export interface WhatsAppStandIn { url: string; seen: SeenRequest[]; rateLimit(seconds: number): void; close(): Promise<void> }

type Answer = { status: number; body: unknown; headers?: Record<string, string> };
const graphError = (status: number, code: number, message: string, type = 'OAuthException'): Answer =>
  ({ status, body: { error: { message, type, code, fbtrace_id: 'AbCdEfGhIjK' } } });

function parseMultipart(raw: Buffer, contentType: string): Part[] {
  const boundary = /boundary=(.+)$/.exec(contentType)?.[1];
  if (!boundary) return [];
  const text = raw.toString('latin1');
  return text.split(`--${boundary}`).slice(1, -1).map((chunk) => {
    const [head, ...rest] = chunk.replace(/^\r\n/, '').split('\r\n\r\n');
    const content = rest.join('\r\n\r\n').replace(/\r\n$/, '');
    return { name: /name="([^"]*)"/.exec(head)?.[1] ?? '', fileName: /filename="([^"]*)"/.exec(head)?.[1], contentType: /Content-Type: (.+)/i.exec(head)?.[1]?.trim(), data: Buffer.from(content, 'latin1') };
  });
}

export async function startWhatsAppStandIn(): Promise<WhatsAppStandIn> {
  const seen: SeenRequest[] = [];
  let limited: number | undefined;
  const mediaStore = new Map<string, { mime: string; size: number }>([['1037543291543636', { mime: 'image/jpeg', size: 303833 }]]);
  let counter = 0;

  function route(r: SeenRequest): Answer {
    if (r.authorization !== `Bearer ${TOKEN}`) return graphError(401, 190, 'Invalid OAuth access token - Cannot parse access token');
    const m = /^\/v13\.0\/([^/]+)(?:\/([a-z_]+))?$/.exec(r.path);
    if (!m) return graphError(400, 2500, 'Unknown path components', 'OAuthException');
    const [, id, edge] = m;
    if (id === WABA_ID && edge === 'phone_numbers' && r.method === 'GET') {
      return { status: 200, body: { data: [{ verified_name: 'Weft Support', display_phone_number: '+1 555-010-0199', id: PHONE_ID, quality_rating: 'GREEN' },
        { verified_name: 'Weft Alerts', display_phone_number: '+1 555-010-0100', id: '106540352242999', quality_rating: 'GREEN' }], paging: { cursors: { before: 'a', after: 'b' } } } };
    }
    if (id === WABA_ID && edge === 'message_templates' && r.method === 'GET') {
      return { status: 200, body: { data: [{ name: 'order_update', language: 'en_US', status: 'APPROVED', category: 'UTILITY', id: '594425479261596' },
        { name: 'hello_world', language: 'en_US', status: 'APPROVED', category: 'UTILITY', id: '594425479261597' }] } };
    }
    if (id === PHONE_ID && edge === 'messages' && r.method === 'POST') {
      const body = r.body ?? {};
      if (body.messaging_product !== 'whatsapp') return graphError(400, 100, '(#100) The parameter messaging_product is required.');
      if (!body.to || !/^\d{7,15}$/.test(String(body.to))) return graphError(400, 131009, '(#131009) Parameter value is not valid');
      const type = String(body.type ?? 'text');
      const payload = body[type] as Record<string, unknown> | undefined;
      if (!payload) return graphError(400, 100, `(#100) The parameter ${type} is required.`);
      if (['image', 'video', 'audio', 'document', 'sticker'].includes(type)) {
        if (payload.id !== undefined && !mediaStore.has(String(payload.id))) return graphError(400, 100, `(#100) Param ${type}['id'] is not a valid whatsapp business account media attachment ID`);
        if (payload.link !== undefined && !/^https?:\/\//.test(String(payload.link))) return graphError(400, 100, `(#100) Param ${type}['link'] is not a valid URI.`);
      }
      if (type === 'template' && !['order_update', 'hello_world'].includes(String((payload as { name?: string }).name))) {
        return graphError(404, 132001, '(#132001) Template name does not exist in the translation');
      }
      counter += 1;
      return { status: 200, body: { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: `wamid.HBgL${counter}` }] } };
    }
    if (id === PHONE_ID && edge === 'media' && r.method === 'POST') {
      const parts = r.parts ?? [];
      const file = parts.find((p) => p.name === 'file');
      if (!parts.some((p) => p.name === 'messaging_product' && p.data.toString() === 'whatsapp')) return graphError(400, 100, '(#100) The parameter messaging_product is required.');
      if (!file) return graphError(400, 100, '(#100) The parameter file is required.');
      const mediaId = String(4490709327384033 + ++counter);
      mediaStore.set(mediaId, { mime: file.contentType ?? 'application/octet-stream', size: file.data.length });
      return { status: 200, body: { id: mediaId } };
    }
    if (!edge && mediaStore.has(id)) {
      const stored = mediaStore.get(id)!;
      if (r.method === 'GET') return { status: 200, body: { messaging_product: 'whatsapp', url: `https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=${id}`,
        mime_type: stored.mime, sha256: 'e3b0c44298fc1c149afbf4c8996fb924', file_size: stored.size, id } };
      if (r.method === 'DELETE') { mediaStore.delete(id); return { status: 200, body: { success: true } }; }
    }
    return graphError(400, 100, `(#100) Unsupported ${r.method.toLowerCase()} request. Object with ID '${id}' does not exist`, 'GraphMethodException');
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const contentType = req.headers['content-type'] ?? '';
      const request: SeenRequest = { method: req.method ?? 'GET', path: new URL(req.url ?? '/', 'http://stand-in').pathname, authorization: req.headers.authorization ?? '', contentType,
        ...(contentType.startsWith('multipart/') ? { parts: parseMultipart(raw, contentType) } : raw.length ? { body: JSON.parse(raw.toString('utf8')) as Record<string, unknown> } : {}) };
      seen.push(request);
      let answer: Answer;
      if (limited !== undefined) {
        answer = { ...graphError(429, 130429, '(#130429) Rate limit hit'), headers: { 'retry-after': String(limited) } };
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
