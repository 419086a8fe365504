// The Stripe node against the local stand-in for Stripe's API (../stripe-trigger/stripe-stand-in.ts):
// each resource's operations as workflows, asserting method, path, form body and Bearer key; list
// paging with has_more/starting_after and limit; Stripe's error bodies; continueOnFail; a 429; and
// the editor's currency list.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { methodContext } from '../node-methods.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { STRIPE_KEY, parseStripeForm, startStripeStandIn, type StripeStandIn } from '../stripe-trigger/stripe-stand-in.ts';
import { stripeNode } from './stripe.node.ts';

let stripe: StripeStandIn;
beforeAll(async () => {
  stripe = await startStripeStandIn();
  process.env.WEFT_STRIPE_API_URL = stripe.url;
});
afterAll(async () => {
  delete process.env.WEFT_STRIPE_API_URL;
  await stripe.close();
});
beforeEach(() => {
  stripe.seen.length = 0;
});

const credentials = { stripeApi: { secretKey: STRIPE_KEY } };
const node = (parameters: Record<string, unknown>, continueOnFail = false) => ({
  name: 'Stripe', type: 'n8n-nodes-base.stripe', typeVersion: 1, parameters, continueOnFail,
  credentials: { stripeApi: { id: '1', name: 'Stripe account' } },
});
const run = async (parameters: Record<string, unknown>, continueOnFail = false) =>
  outputOf(await runChain([node(parameters, continueOnFail)], { items: [{ json: {} }], credentials }), 'Stripe').map((item) => item.json);
const last = () => stripe.seen.at(-1)!;
const body = () => parseStripeForm(last().form);

describe('Stripe node', () => {
  it('customer create/get/update/getAll/delete with n8n’s reshaped address, metadata and shipping', async () => {
    const [created] = await run({
      resource: 'customer', operation: 'create', name: 'Ada Lovelace',
      additionalFields: {
        email: 'ada@example.com', phone: '+44 1',
        address: { details: { line1: '1 Analytical St', city: 'London', country: 'GB' } },
        metadata: { metadataProperties: [{ key: 'plan', value: 'pro' }] },
        shipping: { shippingProperties: [{ name: 'Ada', address: { details: { line1: 'Dock 4', city: 'Leeds' } } }] },
      },
    });
    expect(last()).toMatchObject({ method: 'POST', path: '/v1/customers', authorization: `Bearer ${STRIPE_KEY}`, contentType: 'application/x-www-form-urlencoded' });
    expect(body()).toEqual({
      // the address rows carry every field of the collection, as n8n's saved parameters do
      name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 1',
      address: { line1: '1 Analytical St', line2: '', city: 'London', state: '', country: 'GB', postal_code: '' },
      metadata: { plan: 'pro' },
      shipping: { name: 'Ada', phone: '', address: { line1: 'Dock 4', line2: '', city: 'Leeds', state: '', country: '', postal_code: '' } },
    });
    expect(created).toMatchObject({ object: 'customer', name: 'Ada Lovelace', email: 'ada@example.com' });
    const customerId = String(created.id);

    expect(await run({ resource: 'customer', operation: 'get', customerId })).toEqual([created]);
    expect(last()).toMatchObject({ method: 'GET', path: `/v1/customers/${customerId}` });

    const [updated] = await run({ resource: 'customer', operation: 'update', customerId, updateFields: { description: 'VIP' } });
    expect(last()).toMatchObject({ method: 'POST', path: `/v1/customers/${customerId}` });
    expect(body()).toEqual({ description: 'VIP' });
    expect(updated.description).toBe('VIP');

    await expect(runChain([node({ resource: 'customer', operation: 'update', customerId, updateFields: {} })], { items: [{ json: {} }], credentials }))
      .resolves.toMatchObject({ status: 'error' });

    const found = await run({ resource: 'customer', operation: 'getAll', returnAll: true, filters: { email: 'ada@example.com' } });
    expect(found.map((c) => c.id)).toEqual([customerId]);
    expect(last().query).toMatchObject({ email: 'ada@example.com' });

    expect(await run({ resource: 'customer', operation: 'delete', customerId })).toEqual([{ id: customerId, object: 'customer', deleted: true }]);
    expect(last()).toMatchObject({ method: 'DELETE', path: `/v1/customers/${customerId}` });
  });

  it('pages getAll with starting_after and stops at the limit', async () => {
    for (let i = 0; i < 7; i++) await run({ resource: 'coupon', operation: 'create', duration: 'once', type: 'percent', percentOff: 10 + i });
    expect(body()).toEqual({ duration: 'once', percent_off: '16' });
    stripe.seen.length = 0;
    const three = await run({ resource: 'coupon', operation: 'getAll', returnAll: false, limit: 3 });
    expect(three.map((c) => c.percent_off)).toEqual([10, 11, 12]);
    expect(stripe.seen.map((r) => r.query)).toEqual([{ limit: '3' }]);
    stripe.seen.length = 0;
    const total = (await run({ resource: 'coupon', operation: 'getAll', returnAll: true })).length;
    expect(total).toBe(stripe.store.get('/v1/coupons')!.size);
    expect(stripe.seen.every((r) => r.path === '/v1/coupons')).toBe(true);
  });

  it('charge create/get/update/getAll, and the fixed-amount coupon', async () => {
    const [customer] = await run({ resource: 'customer', operation: 'create', name: 'Bob', additionalFields: {} });
    const [charge] = await run({
      resource: 'charge', operation: 'create', customerId: customer.id, amount: 2500, currency: 'USD', source: 'tok_visa',
      additionalFields: { description: 'Order 7', receipt_email: 'bob@example.com' },
    });
    expect(body()).toEqual({ customer: customer.id, currency: 'usd', amount: '2500', source: 'tok_visa', description: 'Order 7', receipt_email: 'bob@example.com' });
    expect(charge).toMatchObject({ object: 'charge', amount: 2500, status: 'succeeded' });
    expect(await run({ resource: 'charge', operation: 'get', chargeId: charge.id })).toEqual([charge]);
    const [updated] = await run({ resource: 'charge', operation: 'update', chargeId: charge.id, updateFields: { metadata: { metadataProperties: [{ key: 'k', value: 'v' }] } } });
    expect(body()).toEqual({ metadata: { k: 'v' } });
    expect(updated.metadata).toEqual({ k: 'v' });
    expect((await run({ resource: 'charge', operation: 'getAll', returnAll: true })).map((c) => c.id)).toContain(charge.id);

    await run({ resource: 'coupon', operation: 'create', duration: 'forever', type: 'fixedAmount', amountOff: 500, currency: 'eur' });
    expect(body()).toEqual({ duration: 'forever', amount_off: '500', currency: 'eur' });
  });

  it('token create, customer card add/get/remove, source create/get/delete, balance get', async () => {
    const [customer] = await run({ resource: 'customer', operation: 'create', name: 'Cy', additionalFields: {} });
    const [token] = await run({ resource: 'token', operation: 'create', type: 'cardToken', number: '4242424242424242', cvc: '314', expirationMonth: '10', expirationYear: '2030' });
    expect(last()).toMatchObject({ method: 'POST', path: '/v1/tokens' });
    expect(body()).toEqual({ card: { number: '4242424242424242', exp_month: '10', exp_year: '2030', cvc: '314' } });
    const [card] = await run({ resource: 'customerCard', operation: 'add', customerId: customer.id, token: token.id });
    expect(last()).toMatchObject({ method: 'POST', path: `/v1/customers/${customer.id}/sources` });
    expect(body()).toEqual({ source: token.id });
    expect(card).toMatchObject({ object: 'card', last4: '4242', customer: customer.id });
    expect(await run({ resource: 'customerCard', operation: 'get', customerId: customer.id, sourceId: card.id })).toEqual([card]);
    expect(await run({ resource: 'customerCard', operation: 'remove', customerId: customer.id, cardId: card.id })).toEqual([{ id: card.id, object: 'card', deleted: true }]);
    expect(last()).toMatchObject({ method: 'DELETE', path: `/v1/customers/${customer.id}/sources/${card.id}` });

    const [source] = await run({ resource: 'source', operation: 'create', customerId: customer.id, type: 'wechat', amount: 100, currency: 'usd', additionalFields: { statement_descriptor: 'ACME' } });
    const [create, attach] = stripe.seen.slice(-2);
    expect(create).toMatchObject({ method: 'POST', path: '/v1/sources' });
    expect(parseStripeForm(create.form)).toEqual({ type: 'wechat', amount: '100', currency: 'usd', statement_descriptor: 'ACME' });
    expect(attach).toMatchObject({ method: 'POST', path: `/v1/customers/${customer.id}/sources` });
    expect(parseStripeForm(attach.form)).toEqual({ source: source.id });
    expect(await run({ resource: 'source', operation: 'get', sourceId: source.id })).toEqual([source]);
    expect(last().path).toBe(`/v1/sources/${source.id}`);
    const [removed] = await run({ resource: 'source', operation: 'delete', customerId: customer.id, sourceId: source.id });
    expect(removed).toMatchObject({ id: source.id, status: 'consumed' });

    const [balance] = await run({ resource: 'balance', operation: 'get' });
    expect(last()).toMatchObject({ method: 'GET', path: '/v1/balance' });
    expect(balance.object).toBe('balance');
  });

  it('says what Stripe said, gives {error} items with continueOnFail, and waits out a 429', async () => {
    const failed = await runChain([node({ resource: 'charge', operation: 'get', chargeId: 'ch_nope' })], { items: [{ json: {} }], credentials });
    expect(failed.status).toBe('error');
    expect(JSON.stringify(failed.data.resultData)).toContain("No such charge: 'ch_nope'");
    expect(await run({ resource: 'charge', operation: 'get', chargeId: 'ch_nope' }, true)).toEqual([{ error: expect.stringMatching(/not found|resource/i) }]);
    stripe.rateLimitOnce(0);
    await run({ resource: 'balance', operation: 'get' });
    expect(stripe.seen.slice(-2).map((r) => r.path)).toEqual(['/v1/balance', '/v1/balance']);
  });

  it('lists currencies and customers for the editor', async () => {
    const ctx = methodContext({ nodeType: stripeNode, kind: 'loadOptions', method: 'getCurrencies', currentNodeParameters: { resource: 'charge', operation: 'create' },
      credentials: { stripeApi: { id: '1', name: 'x' } } }, { getCredentials: async () => ({ secretKey: STRIPE_KEY }), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
    expect(await stripeNode.methods!.loadOptions!.getCurrencies(ctx)).toEqual([{ name: 'USD', value: 'usd' }, { name: 'EUR', value: 'eur' }, { name: 'GBP', value: 'gbp' }]);
    expect(last()).toMatchObject({ method: 'GET', path: '/v1/country_specs' });
    const customers = await stripeNode.methods!.loadOptions!.getCustomers(ctx);
    expect(customers.length).toBeGreaterThan(0);
  });
});
