// Stripe (n8n-nodes-base.stripe v1): balance get; charge create/get/getAll/update; coupon
// create/getAll; customer create/get/getAll/update/delete; customerCard add/get/remove; source
// create/get/delete; token create — each the Stripe API call n8n's node makes, form-encoded, with
// n8n's reshaping of metadata/address/shipping collections. Errors carry what Stripe said;
// continueOnFail gives `{error}` items.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeOutput, type NodeType } from '../../engine/index.ts';
import { param } from '../shared/params.ts';
import { stripeRequest, stripeRequestAll } from '../stripe-trigger/stripe-api.ts';
import { stripeCredentials } from '../stripe-trigger/stripe-trigger.description.ts';
import { stripeProperties } from './stripe.description.ts';

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'object' && Object.keys(value as object).length === 0);

/** n8n's reshaping of collection fields into Stripe's request fields (metadata pairs, address/shipping details). */
export function stripeFields(fields: JsonObject): JsonObject {
  const out: JsonObject = { ...fields };
  const meta = out.metadata as { metadataProperties?: Array<{ key?: string; value?: unknown }> } | undefined;
  if (meta && !isEmpty(meta)) {
    const pairs: JsonObject = {};
    for (const pair of meta.metadataProperties ?? []) if (pair.key) pairs[pair.key] = (pair.value ?? '') as never;
    out.metadata = pairs;
  } else if (meta !== undefined) {
    delete out.metadata;
  }
  const addr = out.address as { details?: JsonObject } | undefined;
  if (addr && typeof addr === 'object') {
    if (addr.details) out.address = addr.details;
    else delete out.address;
  }
  const ship = out.shipping as { shippingProperties?: JsonObject[] } | undefined;
  if (ship !== undefined) {
    const first = Array.isArray(ship.shippingProperties) ? ship.shippingProperties[0] : undefined;
    const details = (first?.address as { details?: JsonObject } | undefined)?.details;
    if (first && details) out.shipping = { ...first, address: details };
    else delete out.shipping;
  }
  return out;
}

async function listing(ctx: ExecuteContext, resource: string, i: number, query: JsonObject = {}): Promise<JsonObject[]> {
  const returnAll = param(ctx, 'returnAll', i, false);
  const limit = returnAll ? undefined : Number(param(ctx, 'limit', i, 50));
  return stripeRequestAll(ctx, `/${resource}s`, query, limit);
}

const id = (ctx: ExecuteContext, name: string, i: number) => encodeURIComponent(String(param<unknown>(ctx, name, i, '') ?? ''));

async function runItem(ctx: ExecuteContext, resource: string, operation: string, i: number): Promise<JsonObject | JsonObject[]> {
  const unknown = () => new NodeOperationError(ctx.node.name, `The operation "${operation}" is not known for the resource "${resource}"`, { itemIndex: i });
  const updateFields = () => {
    const fields = param<JsonObject>(ctx, 'updateFields', i, {});
    if (isEmpty(fields)) throw new NodeOperationError(ctx.node.name, `Please enter at least one field to update for the ${resource}.`, { itemIndex: i });
    return stripeFields(fields);
  };
  switch (resource) {
    case 'balance':
      if (operation === 'get') return stripeRequest(ctx, 'GET', '/balance');
      throw unknown();
    case 'customerCard': {
      const customer = id(ctx, 'customerId', i);
      if (operation === 'add') return stripeRequest(ctx, 'POST', `/customers/${customer}/sources`, { source: param(ctx, 'token', i, '') });
      if (operation === 'remove') return stripeRequest(ctx, 'DELETE', `/customers/${customer}/sources/${id(ctx, 'cardId', i)}`);
      if (operation === 'get') return stripeRequest(ctx, 'GET', `/customers/${customer}/sources/${id(ctx, 'sourceId', i)}`);
      throw unknown();
    }
    case 'charge':
      if (operation === 'create') {
        const body: JsonObject = {
          customer: param(ctx, 'customerId', i, ''),
          currency: String(param(ctx, 'currency', i, '')).toLowerCase(),
          amount: param(ctx, 'amount', i, 0),
          source: param(ctx, 'source', i, ''),
        };
        const extra = param<JsonObject>(ctx, 'additionalFields', i, {});
        return stripeRequest(ctx, 'POST', '/charges', { ...body, ...(isEmpty(extra) ? {} : stripeFields(extra)) });
      }
      if (operation === 'get') return stripeRequest(ctx, 'GET', `/charges/${id(ctx, 'chargeId', i)}`);
      if (operation === 'getAll') return listing(ctx, 'charge', i);
      if (operation === 'update') {
        const body = updateFields();
        return stripeRequest(ctx, 'POST', `/charges/${id(ctx, 'chargeId', i)}`, body);
      }
      throw unknown();
    case 'coupon':
      if (operation === 'create') {
        const body: JsonObject = { duration: param(ctx, 'duration', i, 'once') };
        if (param(ctx, 'type', i, 'percent') === 'fixedAmount') {
          body.amount_off = param(ctx, 'amountOff', i, 0);
          body.currency = param(ctx, 'currency', i, '');
        } else {
          body.percent_off = param(ctx, 'percentOff', i, 1);
        }
        return stripeRequest(ctx, 'POST', '/coupons', body);
      }
      if (operation === 'getAll') return listing(ctx, 'coupon', i);
      throw unknown();
    case 'customer':
      if (operation === 'create') {
        const extra = param<JsonObject>(ctx, 'additionalFields', i, {});
        return stripeRequest(ctx, 'POST', '/customers', { name: param(ctx, 'name', i, ''), ...(isEmpty(extra) ? {} : stripeFields(extra)) });
      }
      if (operation === 'delete') return stripeRequest(ctx, 'DELETE', `/customers/${id(ctx, 'customerId', i)}`);
      if (operation === 'get') return stripeRequest(ctx, 'GET', `/customers/${id(ctx, 'customerId', i)}`);
      if (operation === 'getAll') {
        const filters = param<JsonObject>(ctx, 'filters', i, {});
        return listing(ctx, 'customer', i, isEmpty(filters) ? {} : { email: filters.email });
      }
      if (operation === 'update') {
        const body = updateFields();
        return stripeRequest(ctx, 'POST', `/customers/${id(ctx, 'customerId', i)}`, body);
      }
      throw unknown();
    case 'source':
      if (operation === 'create') {
        const body: JsonObject = { type: param(ctx, 'type', i, 'wechat'), amount: param(ctx, 'amount', i, 0), currency: param(ctx, 'currency', i, '') };
        const extra = param<JsonObject>(ctx, 'additionalFields', i, {});
        const source = await stripeRequest(ctx, 'POST', '/sources', { ...body, ...(isEmpty(extra) ? {} : stripeFields(extra)) });
        await stripeRequest(ctx, 'POST', `/customers/${id(ctx, 'customerId', i)}/sources`, { source: source.id });
        return source;
      }
      if (operation === 'delete') return stripeRequest(ctx, 'DELETE', `/customers/${id(ctx, 'customerId', i)}/sources/${id(ctx, 'sourceId', i)}`);
      if (operation === 'get') return stripeRequest(ctx, 'GET', `/sources/${id(ctx, 'sourceId', i)}`);
      throw unknown();
    case 'token':
      if (operation === 'create') {
        if (param(ctx, 'type', i, 'cardToken') !== 'cardToken') throw new NodeOperationError(ctx.node.name, 'Only card token creation implemented.', { itemIndex: i });
        return stripeRequest(ctx, 'POST', '/tokens', { card: {
          number: param(ctx, 'number', i, ''), exp_month: param(ctx, 'expirationMonth', i, ''),
          exp_year: param(ctx, 'expirationYear', i, ''), cvc: param(ctx, 'cvc', i, ''),
        } });
      }
      throw unknown();
    default:
      throw unknown();
  }
}

async function execute(ctx: ExecuteContext): Promise<NodeOutput> {
  const items = ctx.getInputData();
  const out: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      const resource = String(param(ctx, 'resource', i, 'balance'));
      const operation = String(param(ctx, 'operation', i, 'get'));
      const answer = await runItem(ctx, resource, operation, i);
      for (const json of Array.isArray(answer) ? answer : [answer]) out.push({ json, pairedItem: { item: i } });
    } catch (error) {
      if (!ctx.continueOnFail()) throw error;
      out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
    }
  }
  return [out];
}

export const stripeNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.stripe',
    displayName: 'Stripe',
    icon: 'fa:cc-stripe',
    group: ['transform'],
    version: [1],
    description: 'Work with Stripe balances, charges, coupons, customers, cards, sources and tokens',
    defaults: { name: 'Stripe' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: stripeCredentials,
    properties: stripeProperties,
  },
  execute,
  methods: {
    loadOptions: {
      async getCustomers(ctx) {
        const answer = await stripeRequest(ctx, 'GET', '/customers');
        return ((answer.data as JsonObject[] | undefined) ?? []).map((c) => ({ name: String(c.name ?? c.id ?? ''), value: String(c.id ?? '') }));
      },
      async getCurrencies(ctx) {
        const answer = await stripeRequest(ctx, 'GET', '/country_specs');
        const first = ((answer.data as JsonObject[] | undefined) ?? [])[0];
        return ((first?.supported_payment_currencies as string[] | undefined) ?? []).map((code) => ({ name: code.toUpperCase(), value: code }));
      },
    },
  },
};
