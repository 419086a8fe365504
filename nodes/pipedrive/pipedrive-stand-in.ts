// Test support: a local stand-in for Pipedrive's API v1, written from Pipedrive's public reference
// (developers.pipedrive.com/docs/api/v1): `api_token` in the query (or a Bearer token), answers
// `{success: true, data, additional_data: {pagination: {start, limit, more_items_in_collection,
// next_start}}}`, `{success: false, error, error_info}` with 401/404/400, search answers
// `{data: {items: [{result_score, item}]}}`, field definitions with 40-character custom keys, and
// a 429 with Retry-After when armed. A deal's products (`/deals/{id}/products`, attachments with
// their own ids) and activities (`/deals/{id}/activities` with `done` 0/1 and `exclude`). Files are
// uploaded as multipart/form-data (`file` and the ids to attach it to).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type Obj = Record<string, any>;
export interface SeenPipedriveCall { method: string; path: string; query: Record<string, string>; body: Obj | undefined; authorization: string }
export interface PipedriveStandIn { url: string; seen: SeenPipedriveCall[]; store: Record<string, Obj[]>; reset(): void; rateLimitOnce(seconds: number): void; close(): Promise<void> }

export const PIPEDRIVE_TOKEN = 'pd-good-token';
export const TIER_KEY = 'a'.repeat(40);
export const REGION_KEY = 'b'.repeat(40);
export const DEAL_FIELDS = [
  { key: 'title', name: 'Title', field_type: 'varchar' },
  { key: TIER_KEY, name: 'Tier', field_type: 'enum', options: [{ id: 11, label: 'Gold' }, { id: 12, label: 'Silver' }] },
  { key: REGION_KEY, name: 'Region', field_type: 'varchar' },
  { key: 'label', name: 'Label', field_type: 'enum', options: [{ id: 1, label: 'Hot' }, { id: 2, label: 'Cold' }] },
];
const RESOURCES = ['activities', 'deals', 'dealProducts', 'files', 'leads', 'notes', 'organizations', 'persons', 'products'];
const fail = (error: string, error_info?: string) => ({ success: false, error, ...(error_info ? { error_info } : {}) });

export async function startPipedriveStandIn(): Promise<PipedriveStandIn> {
  const seen: SeenPipedriveCall[] = [];
  const store: Record<string, Obj[]> = {};
  let nextId = 1;
  let armed: number | undefined;
  const reset = () => { for (const r of RESOURCES) store[r] = []; nextId = 1; seen.length = 0; };
  reset();
  /** A deal's product attachments and activities; paged lists answer like the top-level ones. */
  function dealPart(call: SeenPipedriveCall, deal: Obj, sub: string, attachmentId: string | undefined): [number, unknown] {
    const page = (rows: Obj[]): [number, unknown] => {
      const start = Number(call.query.start ?? 0);
      const limit = Number(call.query.limit ?? 100);
      const more = start + limit < rows.length;
      return [200, { success: true, data: rows.length ? rows.slice(start, start + limit) : null,
        additional_data: { pagination: { start, limit, more_items_in_collection: more, ...(more ? { next_start: start + limit } : {}) } } }];
    };
    if (sub === 'activities') {
      if (call.method !== 'GET') return [405, fail('Method not allowed')];
      const excluded = String(call.query.exclude ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      return page(store.activities.filter((a) => a.deal_id === deal.id && !excluded.includes(String(a.id))
        && (call.query.done === undefined || String(Number(a.done === true || a.done === 1)) === call.query.done)));
    }
    const attachments = store.dealProducts;
    if (attachmentId === undefined) {
      if (call.method === 'GET') return page(attachments.filter((a) => a.deal_id === deal.id));
      if (call.method !== 'POST') return [405, fail('Method not allowed')];
      const product = store.products.find((p) => p.id === Number(call.body?.product_id));
      if (!product) return [400, fail('Product not found.')];
      const attachment = { id: nextId++, deal_id: deal.id, product_id: product.id, name: product.name, item_price: call.body?.item_price, quantity: call.body?.quantity, ...call.body };
      attachments.push(attachment);
      return [200, { success: true, data: attachment }];
    }
    const attachment = attachments.find((a) => a.deal_id === deal.id && String(a.id) === attachmentId);
    if (!attachment) return [404, fail('Deal product not found')];
    if (call.method === 'PUT') { Object.assign(attachment, call.body); return [200, { success: true, data: attachment }]; }
    if (call.method === 'DELETE') { attachments.splice(attachments.indexOf(attachment), 1); return [200, { success: true, data: { id: attachment.id } }]; }
    return [405, fail('Method not allowed')];
  }
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      const url = new URL(req.url ?? '/', 'http://x');
      let body: Obj | undefined;
      const type = String(req.headers['content-type'] ?? '');
      if (type.startsWith('multipart/form-data')) {
        // A file upload: the file's metadata as Pipedrive gives it, the other parts as fields.
        const form = await new Request('http://x', { method: 'POST', headers: { 'content-type': type }, body: Buffer.concat(chunks) }).formData().catch(() => undefined);
        const file = form?.get('file');
        if (!form || !(file instanceof Blob)) return reply(400, fail('No file given'));
        body = { file_name: (file as File).name, name: (file as File).name, file_type: file.type, file_size: file.size, content: await file.text() };
        for (const [key, value] of form.entries()) if (key !== 'file') body[key] = Number.isNaN(Number(value)) ? value : Number(value);
      } else {
        try { body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) as Obj : undefined; } catch { return reply(400, fail('Invalid JSON')); }
      }
      const call = { method: req.method ?? 'GET', path: url.pathname.replace(/^\/v1/, ''), query: Object.fromEntries(url.searchParams.entries()), body, authorization: String(req.headers.authorization ?? '') };
      seen.push(call);
      if (armed !== undefined) { const w = armed; armed = undefined; return reply(429, fail('Request over limit'), { 'retry-after': String(w) }); }
      if (call.query.api_token !== PIPEDRIVE_TOKEN && call.authorization !== `Bearer ${PIPEDRIVE_TOKEN}`) {
        return reply(401, fail('unauthorized access', 'Please check developers.pipedrive.com'));
      }
      const parts = call.path.split('/').filter(Boolean);
      const [collection, id, sub] = parts;
      if (collection === 'users' && id === 'me') return reply(200, { success: true, data: { id: 1, name: 'Ada', email: 'ada@example.com' } });
      if (collection === 'users') return reply(200, { success: true, data: [{ id: 2, name: 'Zed', active_flag: true }, { id: 1, name: 'Ada', active_flag: true }, { id: 3, name: 'Gone', active_flag: false }] });
      if (collection === 'stages') return reply(200, { success: true, data: [{ id: 5, name: 'Won', pipeline_name: 'Sales' }, { id: 4, name: 'Lead In', pipeline_name: 'Sales' }] });
      if (collection === 'dealFields') return reply(200, { success: true, data: DEAL_FIELDS });
      if (/Fields$/.test(collection ?? '')) return reply(200, { success: true, data: [] });
      const list = store[collection ?? ''];
      if (!list) return reply(404, fail('Unknown method .'));
      if (id === 'search' && call.method === 'GET') {
        const term = String(call.query.term ?? '');
        if (term.length < 2) return reply(400, fail('Validation failed: term: Must be at least 2 characters long'));
        const found = list.filter((o) => JSON.stringify(o).toLowerCase().includes(term.toLowerCase()));
        const start = Number(call.query.start ?? 0);
        const limit = Number(call.query.limit ?? 100);
        const slice = found.slice(start, start + limit);
        const more = start + limit < found.length;
        return reply(200, { success: true, data: { items: slice.map((item) => ({ result_score: 0.5, item: { id: item.id, type: collection.slice(0, -1), title: item.title, name: item.name } })) },
          additional_data: { pagination: { start, limit, more_items_in_collection: more, ...(more ? { next_start: start + limit } : {}) } } });
      }
      if (!id) {
        if (call.method === 'GET') {
          const start = Number(call.query.start ?? 0);
          const limit = Number(call.query.limit ?? 100);
          if (limit > 500) return reply(400, fail('Validation failed: limit: Must be at most 500'));
          const more = start + limit < list.length;
          return reply(200, { success: true, data: list.length ? list.slice(start, start + limit) : null,
            additional_data: { pagination: { start, limit, more_items_in_collection: more, ...(more ? { next_start: start + limit } : {}) } } });
        }
        if (call.method === 'POST') {
          if (collection === 'deals' && !body?.title) return reply(400, fail('Deal title must be given.'));
          const record = { id: collection === 'leads' ? `lead-${nextId++}` : nextId++, ...body };
          list.push(record);
          return reply(201, { success: true, data: record });
        }
      }
      const record = list.find((o) => String(o.id) === id);
      if (!record) return reply(404, fail(`${collection.slice(0, -1)} not found`));
      if (collection === 'deals' && (sub === 'products' || sub === 'activities')) return reply(...dealPart(call, record, sub, parts[3]));
      if (sub === 'duplicate' && call.method === 'POST') {
        const copy = { ...record, id: nextId++ };
        list.push(copy);
        return reply(201, { success: true, data: copy });
      }
      if (call.method === 'GET') return reply(200, { success: true, data: record });
      if (call.method === 'PUT' || call.method === 'PATCH') { Object.assign(record, body); return reply(200, { success: true, data: record }); }
      if (call.method === 'DELETE') { list.splice(list.indexOf(record), 1); return reply(200, { success: true, data: { id: record.id } }); }
      reply(405, fail('Method not allowed'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, seen, store, reset,
    rateLimitOnce: (s) => { armed = s; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
