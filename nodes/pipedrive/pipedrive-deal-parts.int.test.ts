// The Pipedrive node's deal activities and deal products (v1) on the real engine against the local
// stand-in for Pipedrive's API (pipedrive-stand-in.ts): paths under /deals/<id>, queries, bodies,
// outputs, the editor's deal and product lists; files uploaded as multipart.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { methodContext } from '../node-methods.ts';
import { PIPEDRIVE_TOKEN, startPipedriveStandIn, type PipedriveStandIn } from './pipedrive-stand-in.ts';
import { pipedriveNode } from './pipedrive.node.ts';

let pd: PipedriveStandIn;
beforeAll(async () => {
  pd = await startPipedriveStandIn();
  process.env.WEFT_PIPEDRIVE_API_URL = pd.url;
});
afterAll(async () => {
  delete process.env.WEFT_PIPEDRIVE_API_URL;
  await pd.close();
});
beforeEach(() => {
  pd.reset();
  pd.store.deals.push({ id: 7, title: 'Big deal' }, { id: 8, title: 'Another' });
  pd.store.products.push({ id: 30, name: 'Widget' }, { id: 31, name: 'Gadget' });
  pd.store.activities.push(
    { id: 1, subject: 'Call', deal_id: 7, done: true }, { id: 2, subject: 'Mail', deal_id: 7, done: false },
    { id: 3, subject: 'Demo', deal_id: 7, done: false }, { id: 4, subject: 'Other deal', deal_id: 8, done: false },
  );
});

const credentials = { pipedriveApi: { apiToken: PIPEDRIVE_TOKEN } };
const run = async (parameters: Record<string, unknown>) => outputOf(await runChain(
  [{ name: 'Pipedrive', type: 'n8n-nodes-base.pipedrive', typeVersion: 1, parameters }], { items: [{ json: {} }], credentials }), 'Pipedrive').map((item) => item.json);

describe('Pipedrive deal activities', () => {
  it('gets a deal\'s activities up to a limit (the default operation), with done as 0/1 and exclusions', async () => {
    expect(await run({ resource: 'dealActivity', dealId: 7, limit: 2 })).toEqual([
      { id: 1, subject: 'Call', deal_id: 7, done: true }, { id: 2, subject: 'Mail', deal_id: 7, done: false }]);
    expect(pd.seen[0]).toMatchObject({ method: 'GET', path: '/deals/7/activities', query: { limit: '2', api_token: PIPEDRIVE_TOKEN } });
    const open = await run({ resource: 'dealActivity', operation: 'getAll', dealId: 7, returnAll: true, additionalFields: { done: false, exclude: '3' } });
    expect(open.map((a) => a.id)).toEqual([2]);
    expect(pd.seen.at(-1)?.query).toMatchObject({ done: '0', exclude: '3', start: '0' });
  });
});

describe('Pipedrive deal products', () => {
  it('adds a product to a deal (the default operation) with its price, quantity and additional fields', async () => {
    const added = await run({ resource: 'dealProduct', dealId: 7, productId: 30, item_price: 9.5, quantity: 2, additionalFields: { comments: 'rush', discount_percentage: 10 } });
    expect(pd.seen[0]).toMatchObject({ method: 'POST', path: '/deals/7/products' });
    expect(pd.seen[0].body).toEqual({ product_id: 30, item_price: 9.5, quantity: 2, comments: 'rush', discount_percentage: 10 });
    expect(added[0]).toMatchObject({ deal_id: 7, product_id: 30, name: 'Widget', quantity: 2 });
  });

  it('lists, updates and removes a deal\'s product attachments', async () => {
    pd.store.dealProducts.push({ id: 50, deal_id: 7, product_id: 30, name: 'Widget', item_price: 9.5, quantity: 2 }, { id: 51, deal_id: 8, product_id: 31, name: 'Gadget', quantity: 1 });
    // n8n's v1 reads neither Return All nor Limit here: one request, no limit.
    expect(await run({ resource: 'dealProduct', operation: 'getAll', dealId: 7, returnAll: false, limit: 1 })).toEqual([
      { id: 50, deal_id: 7, product_id: 30, name: 'Widget', item_price: 9.5, quantity: 2 }]);
    expect(pd.seen[0]).toMatchObject({ method: 'GET', path: '/deals/7/products', query: { api_token: PIPEDRIVE_TOKEN } });
    expect(pd.seen[0].query.limit).toBeUndefined();
    const updated = await run({ resource: 'dealProduct', operation: 'update', dealId: 7, productAttachmentId: 50, updateFields: { quantity: 5, item_price: 8 } });
    expect(pd.seen.at(-1)).toMatchObject({ method: 'PUT', path: '/deals/7/products/50', body: { quantity: 5, item_price: 8 } });
    expect(updated[0]).toMatchObject({ id: 50, quantity: 5, item_price: 8 });
    expect(await run({ resource: 'dealProduct', operation: 'remove', dealId: 7, productAttachmentId: 50 })).toEqual([{ id: 50 }]);
    expect(pd.seen.at(-1)).toMatchObject({ method: 'DELETE', path: '/deals/7/products/50' });
    // An empty list answers `data: null`: no items.
    expect(await run({ resource: 'dealProduct', operation: 'getAll', dealId: 7 })).toEqual([]);
  });

  it('loads deals, products and a deal\'s products for the editor', async () => {
    pd.store.dealProducts.push({ id: 50, deal_id: 7, product_id: 31, name: 'Gadget' });
    const ctx = (method: string, parameters: Record<string, unknown>) => methodContext({
      nodeType: pipedriveNode, kind: 'loadOptions', method, currentNodeParameters: parameters, credentials: { pipedriveApi: { id: '1', name: 'P' } },
    }, { getCredentials: async () => ({ apiToken: PIPEDRIVE_TOKEN }), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
    const methods = pipedriveNode.methods!.loadOptions!;
    expect(await methods.getDeals(ctx('getDeals', {}))).toEqual([{ name: 'Another', value: 8 }, { name: 'Big deal', value: 7 }]);
    expect(await methods.getProducts(ctx('getProducts', {}))).toEqual([{ name: 'Gadget', value: 31 }, { name: 'Widget', value: 30 }]);
    expect(await methods.getProductsDeal(ctx('getProductsDeal', { resource: 'dealProduct', operation: 'update', dealId: 7 }))).toEqual([{ name: 'Gadget', value: 50 }]);
  });
});

describe('Pipedrive files', () => {
  it('uploads the item\'s binary field as multipart `file` with the ids to attach it to, then gets, renames and deletes it', async () => {
    const result = await runChain([{ name: 'Pipedrive', type: 'n8n-nodes-base.pipedrive', typeVersion: 1,
      parameters: { resource: 'file', binaryPropertyName: 'doc', additionalFields: { deal_id: 7, person_id: 3 } } }],
    { items: [{ json: {}, binary: { doc: { data: Buffer.from('quote text').toString('base64'), mimeType: 'text/plain', fileName: 'quote.txt' } } }] as never, credentials });
    const [created] = outputOf(result, 'Pipedrive').map((item) => item.json);
    expect(pd.seen[0]).toMatchObject({ method: 'POST', path: '/files', query: { api_token: PIPEDRIVE_TOKEN } });
    expect(created).toEqual({ id: 1, file_name: 'quote.txt', name: 'quote.txt', file_type: 'text/plain', file_size: 10, content: 'quote text', deal_id: 7, person_id: 3 });
    expect((await run({ resource: 'file', operation: 'get', fileId: 1 }))[0]).toMatchObject({ id: 1, file_name: 'quote.txt' });
    expect((await run({ resource: 'file', operation: 'update', fileId: 1, updateFields: { name: 'Quote', description: 'signed' } }))[0]).toMatchObject({ name: 'Quote', description: 'signed' });
    expect(pd.seen.at(-1)).toMatchObject({ method: 'PUT', path: '/files/1', body: { name: 'Quote', description: 'signed' } });
    expect(await run({ resource: 'file', operation: 'delete', fileId: 1 })).toEqual([{ id: 1 }]);
  });
});
