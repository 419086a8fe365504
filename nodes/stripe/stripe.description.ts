// Stripe node's parameters (n8n-nodes-base.stripe v1): n8n's resources, operations, parameter
// names, types and defaults; the descriptions are our own words.
import type { NodeProperty } from '../../engine/index.ts';

const show = (resource: string, operation?: string[], extra: Record<string, unknown[]> = {}) =>
  ({ show: { resource: [resource], ...(operation ? { operation } : {}), ...extra } });

const ops = (resource: string, fallback: string, list: Array<[string, string]>): NodeProperty => ({
  displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: fallback,
  displayOptions: show(resource),
  options: list.map(([name, value]) => ({ name, value, action: `${name} ${resource === 'customerCard' ? 'a customer card' : `a ${resource}`}` })),
});

const ADDRESS_VALUES: NodeProperty[] = [
  { displayName: 'Line 1', name: 'line1', type: 'string', default: '' },
  { displayName: 'Line 2', name: 'line2', type: 'string', default: '' },
  { displayName: 'City', name: 'city', type: 'string', default: '' },
  { displayName: 'State', name: 'state', type: 'string', default: '' },
  { displayName: 'Country', name: 'country', type: 'string', default: '', description: 'Two-letter ISO 3166-1 alpha-2 code' },
  { displayName: 'Postal Code', name: 'postal_code', type: 'string', default: '' },
];

const address = (displayName: string, description?: string): NodeProperty => ({
  displayName, name: 'address', type: 'fixedCollection', default: {}, placeholder: 'Add Address Details', ...(description ? { description } : {}),
  options: [{ displayName: 'Details', name: 'details', values: ADDRESS_VALUES }],
});

const metadata = (fallback: unknown = {}): NodeProperty => ({
  displayName: 'Metadata', name: 'metadata', type: 'fixedCollection', default: fallback, placeholder: 'Add Metadata Item',
  description: 'Key-value pairs kept with the object', typeOptions: { multipleValues: true },
  options: [{ displayName: 'Metadata Properties', name: 'metadataProperties', values: [
    { displayName: 'Key', name: 'key', type: 'string', default: '' },
    { displayName: 'Value', name: 'value', type: 'string', default: '' },
  ] }],
});

const shipping = (fallback: unknown = {}, withPhone = false): NodeProperty => ({
  displayName: 'Shipping', name: 'shipping', type: 'fixedCollection', default: fallback, placeholder: 'Add Field',
  description: 'Where and to whom it ships', typeOptions: { multipleValues: true },
  options: [{ displayName: 'Shipping Properties', name: 'shippingProperties', values: [
    { displayName: 'Recipient Name', name: 'name', type: 'string', default: '' },
    address('Recipient Address'),
    ...(withPhone ? [{ displayName: 'Recipient Phone', name: 'phone', type: 'string', default: '' } as NodeProperty] : []),
  ] }],
});

const listing = (resource: string): NodeProperty[] => [
  { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, description: 'Whether to return every result or only up to the limit', displayOptions: show(resource, ['getAll']) },
  {
    displayName: 'Limit', name: 'limit', type: 'number', default: 50, description: 'Max number of results to return',
    typeOptions: { minValue: 1, maxValue: 1000 }, displayOptions: show(resource, ['getAll'], { returnAll: [false] }),
  },
];

const currency = (resource: string, extra: Record<string, unknown[]> = {}, required = true): NodeProperty => ({
  displayName: 'Currency Name or ID', name: 'currency', type: 'options', typeOptions: { loadOptionsMethod: 'getCurrencies' }, ...(required ? { required: true } : {}),
  default: '', description: 'Three-letter ISO currency code Stripe supports. Choose from the list, or give a code with an expression.',
  displayOptions: show(resource, ['create'], extra),
});

const customerFields = (create: boolean): NodeProperty[] => [
  address('Address', 'The customer\'s address'),
  { displayName: 'Description', name: 'description', type: 'string', default: '' },
  { displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
  metadata(),
  ...(create ? [] : [{ displayName: 'Name', name: 'name', type: 'string', default: '' } as NodeProperty]),
  { displayName: 'Phone', name: 'phone', type: 'string', default: '' },
  shipping({}, true),
];

const idField = (displayName: string, name: string, resource: string, operation: string[], description: string, placeholder?: string): NodeProperty => ({
  displayName, name, type: 'string', required: true, default: '', description, ...(placeholder ? { placeholder } : {}), displayOptions: show(resource, operation),
});

export const stripeProperties: NodeProperty[] = [
  {
    displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'balance',
    options: [
      { name: 'Balance', value: 'balance' }, { name: 'Charge', value: 'charge' }, { name: 'Coupon', value: 'coupon' },
      { name: 'Customer', value: 'customer' }, { name: 'Customer Card', value: 'customerCard' }, { name: 'Source', value: 'source' },
      { name: 'Token', value: 'token' },
    ],
  },
  ops('balance', 'get', [['Get', 'get']]),
  ops('customerCard', 'get', [['Add', 'add'], ['Get', 'get'], ['Remove', 'remove']]),
  idField('Customer ID', 'customerId', 'customerCard', ['add'], 'The customer the card is added to'),
  idField('Card Token', 'token', 'customerCard', ['add'], 'A token standing for the card', 'tok_1IMfKdJhRTnqS5TKQVG1LI9o'),
  idField('Customer ID', 'customerId', 'customerCard', ['remove'], 'The customer whose card is removed'),
  idField('Card ID', 'cardId', 'customerCard', ['remove'], 'The card to remove'),
  idField('Customer ID', 'customerId', 'customerCard', ['get'], 'The customer whose card is read'),
  idField('Source ID', 'sourceId', 'customerCard', ['get'], 'The source to read'),

  ops('charge', 'get', [['Create', 'create'], ['Get', 'get'], ['Get Many', 'getAll'], ['Update', 'update']]),
  idField('Customer ID', 'customerId', 'charge', ['create'], 'The customer the charge belongs to'),
  {
    displayName: 'Amount', name: 'amount', type: 'number', required: true, default: 0, description: 'Amount in cents, e.g. 100 for $1.00',
    typeOptions: { minValue: 0, maxValue: 99999999 }, displayOptions: show('charge', ['create']),
  },
  currency('charge'),
  idField('Source ID', 'source', 'charge', ['create'], 'The customer\'s payment source to charge'),
  {
    displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('charge', ['create']),
    options: [
      { displayName: 'Description', name: 'description', type: 'string', default: '' },
      metadata([]),
      { displayName: 'Receipt Email', name: 'receipt_email', type: 'string', default: '' },
      shipping([]),
    ],
  },
  idField('Charge ID', 'chargeId', 'charge', ['get'], 'The charge to read'),
  ...listing('charge'),
  idField('Charge ID', 'chargeId', 'charge', ['update'], 'The charge to update'),
  {
    displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('charge', ['update']),
    options: [
      { displayName: 'Description', name: 'description', type: 'string', default: '' },
      metadata(),
      { displayName: 'Receipt Email', name: 'receipt_email', type: 'string', default: '' },
      shipping(),
    ],
  },

  ops('coupon', 'create', [['Create', 'create'], ['Get Many', 'getAll']]),
  {
    displayName: 'Apply', name: 'duration', type: 'options', required: true, default: 'once', description: 'How long the discount lasts',
    options: [{ name: 'Forever', value: 'forever' }, { name: 'Once', value: 'once' }], displayOptions: show('coupon', ['create']),
  },
  {
    displayName: 'Discount Type', name: 'type', type: 'options', required: true, default: 'percent',
    options: [{ name: 'Fixed Amount (in Cents)', value: 'fixedAmount' }, { name: 'Percent', value: 'percent' }], displayOptions: show('coupon', ['create']),
  },
  {
    displayName: 'Amount Off', name: 'amountOff', type: 'number', required: true, default: 0, description: 'Cents taken off the invoice total',
    typeOptions: { minValue: 0, maxValue: 99999999 }, displayOptions: show('coupon', ['create'], { type: ['fixedAmount'] }),
  },
  currency('coupon', { type: ['fixedAmount'] }),
  {
    displayName: 'Percent Off', name: 'percentOff', type: 'number', required: true, default: 1, typeOptions: { minValue: 1, maxValue: 100 },
    displayOptions: show('coupon', ['create'], { type: ['percent'] }),
  },
  ...listing('coupon'),

  ops('customer', 'get', [['Create', 'create'], ['Delete', 'delete'], ['Get', 'get'], ['Get Many', 'getAll'], ['Update', 'update']]),
  { displayName: 'Name', name: 'name', type: 'string', required: true, default: '', description: 'Full or business name', displayOptions: show('customer', ['create']) },
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('customer', ['create']), options: customerFields(true) },
  idField('Customer ID', 'customerId', 'customer', ['delete'], 'The customer to delete'),
  idField('Customer ID', 'customerId', 'customer', ['get'], 'The customer to read'),
  ...listing('customer'),
  {
    displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, displayOptions: show('customer', ['getAll']),
    options: [{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' }],
  },
  idField('Customer ID', 'customerId', 'customer', ['update'], 'The customer to update'),
  { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('customer', ['update']), options: customerFields(false) },

  ops('source', 'get', [['Create', 'create'], ['Delete', 'delete'], ['Get', 'get']]),
  idField('Customer ID', 'customerId', 'source', ['create'], 'The customer the source is attached to'),
  { displayName: 'Type', name: 'type', type: 'options', required: true, default: 'wechat', options: [{ name: 'WeChat', value: 'wechat' }], displayOptions: show('source', ['create']) },
  {
    displayName: 'Amount', name: 'amount', type: 'number', default: 0, description: 'Amount in cents', typeOptions: { minValue: 0, maxValue: 99999999 },
    displayOptions: show('source', ['create']),
  },
  currency('source', {}, false),
  {
    displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('source', ['create']),
    options: [metadata(), { displayName: 'Statement Descriptor', name: 'statement_descriptor', type: 'string', default: '' }],
  },
  idField('Customer ID', 'customerId', 'source', ['delete'], 'The customer whose source is deleted'),
  idField('Source ID', 'sourceId', 'source', ['delete'], 'The source to delete'),
  idField('Source ID', 'sourceId', 'source', ['get'], 'The source to read'),

  ops('token', 'create', [['Create', 'create']]),
  { displayName: 'Type', name: 'type', type: 'options', required: true, default: 'cardToken', options: [{ name: 'Card Token', value: 'cardToken' }], displayOptions: show('token', ['create']) },
  { displayName: 'Card Number', name: 'number', type: 'string', default: '', placeholder: '4242424242424242', displayOptions: show('token', ['create'], { type: ['cardToken'] }) },
  { displayName: 'CVC', name: 'cvc', type: 'string', default: '', placeholder: '314', displayOptions: show('token', ['create'], { type: ['cardToken'] }) },
  { displayName: 'Expiration Month', name: 'expirationMonth', type: 'string', default: '', placeholder: '10', displayOptions: show('token', ['create'], { type: ['cardToken'] }) },
  { displayName: 'Expiration Year', name: 'expirationYear', type: 'string', default: '', placeholder: '2022', displayOptions: show('token', ['create'], { type: ['cardToken'] }) },
];
