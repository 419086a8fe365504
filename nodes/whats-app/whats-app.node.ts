// WhatsApp Business Cloud (n8n-nodes-base.whatsApp) v1 and v1.1 on Meta's Graph API: sends messages
// (text, media, location, contacts, templates) from a business phone number and uploads, looks up
// and deletes media. One output item per input item: the Graph API's answer.
import type { ExecuteContext, Item, JsonObject, LoadedOption, NodeType } from '../../engine/index.ts';
import { NodeOperationError } from '../../engine/index.ts';
import { binaryBuffer } from '../convert-to-file/binary-data.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { collection, param } from '../shared/params.ts';
import { graphRequest, whatsAppClient, type WhatsAppClient } from './whats-app-api.ts';
import { whatsAppProperties } from './whats-app.description.ts';

/** n8n's phone clean-up: dashes, brackets and plus signs removed. */
export const sanitizePhoneNumber = (phone: string) => phone.replace(/[-()+]/g, '');

const entries = (value: unknown, key: string): JsonObject[] => {
  const list = (value as JsonObject | undefined)?.[key];
  return Array.isArray(list) ? (list as JsonObject[]) : list && typeof list === 'object' ? [list as JsonObject] : [];
};
const defined = (object: JsonObject): JsonObject => Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined && v !== ''));

/** Uploads an item's binary to `/<phone-number-id>/media` (n8n's upload flow); answers the file name and the media ID. */
async function uploadBinary(client: WhatsAppClient, i: number, property: string, phoneNumberId: string, fileNameOverride?: string): Promise<{ id: unknown; fileName: string }> {
  const { ctx } = client;
  const item = ctx.getInputData()[i];
  if (!property.trim() || item.binary?.[property] === undefined) {
    throw new NodeOperationError(ctx.node.name, 'Could not find file in node input data', { description: `There’s no key called '${property}' with binary data in it`, itemIndex: i });
  }
  const { buffer, binary } = binaryBuffer(ctx.node.name, item, property, i);
  const fileName = fileNameOverride || binary.fileName;
  if (!fileName) throw new NodeOperationError(ctx.node.name, 'No file name given for media upload.', { itemIndex: i });
  const answer = await graphRequest(client, { method: 'POST', path: `/${encodeURIComponent(phoneNumberId)}/media`,
    upload: { fields: { messaging_product: 'whatsapp', type: binary.mimeType }, file: { data: buffer, fileName, mimeType: binary.mimeType } } });
  return { id: answer.id, fileName };
}

function contactsBody(ctx: ExecuteContext, i: number): JsonObject {
  const name = (param<JsonObject>(ctx, 'name', i, {}).data ?? {}) as JsonObject;
  const extra = collection(ctx, 'additionalFields', i);
  const contact: JsonObject = { name: defined(name) };
  const addresses = entries(extra.addresses, 'address');
  if (addresses.length) contact.addresses = addresses.map(defined);
  if (extra.birthday) contact.birthday = extra.birthday;
  const emails = entries(extra.emails, 'data');
  if (emails.length) contact.emails = emails.map(defined);
  const org = (extra.organization as JsonObject | undefined)?.data as JsonObject | undefined;
  if (org) contact.org = defined(org);
  const phones = entries(extra.phones, 'data');
  if (phones.length) contact.phones = phones.map(({ whatsapp_user_id: waId, ...rest }) => defined({ ...rest, wa_id: waId }));
  const urls = entries(extra.urls, 'url');
  if (urls.length) contact.urls = urls.map(defined);
  return { contacts: [contact] };
}

/** n8n's template components: body parameters (currency amounts ×1000, dates as fallbacks), buttons and headers. */
function templateComponents(ctx: ExecuteContext, i: number): JsonObject[] {
  return entries(param<JsonObject>(ctx, 'components', i, {}), 'component').map((component) => {
    const out: JsonObject = { type: component.type ?? 'body' };
    if (out.type === 'body') {
      out.parameters = entries(component.bodyParameters, 'parameter').map((p) => {
        if ((p.type ?? 'text') === 'currency') return { type: 'currency', currency: { code: p.code, fallback_value: p.fallback_value, amount_1000: Number(p.amount_1000) * 1000 } };
        if (p.type === 'date_time') return { type: 'date_time', date_time: { fallback_value: p.date_time } };
        return { type: 'text', text: p.text };
      });
    } else if (out.type === 'button') {
      out.index = String(component.index ?? 0);
      out.sub_type = component.sub_type ?? 'quick_reply';
      out.parameters = [(component.buttonParameters as JsonObject | undefined)?.parameter];
    } else if (out.type === 'header') {
      out.parameters = entries(component.headerParameters, 'parameter').map((p) => (p.type === 'image' ? { type: 'image', image: { link: p.imageLink } } : p));
    }
    return out;
  });
}

async function sendMessage(client: WhatsAppClient, operation: string, i: number): Promise<JsonObject> {
  const { ctx } = client;
  const phoneNumberId = String(param<unknown>(ctx, 'phoneNumberId', i, ''));
  const body: JsonObject = { messaging_product: 'whatsapp', to: sanitizePhoneNumber(String(param<unknown>(ctx, 'recipientPhoneNumber', i, ''))) };
  let messageType: string;
  if (operation === 'sendTemplate') {
    messageType = 'template';
    const [name, language] = String(param<unknown>(ctx, 'template', i, '')).split('|');
    body.template = { name, language: { code: language }, ...(entries(param<JsonObject>(ctx, 'components', i, {}), 'component').length ? { components: templateComponents(ctx, i) } : {}) };
  } else if (operation === 'send') {
    messageType = param(ctx, 'messageType', i, 'text');
    if (messageType === 'text') body.text = { body: param(ctx, 'textBody', i, '') };
    else if (messageType === 'location') {
      const where = (param<JsonObject>(ctx, 'additionalFields', i, {}).nameAndAddress ?? {}) as JsonObject;
      body.location = defined({ longitude: param<unknown>(ctx, 'longitude', i, ''), latitude: param<unknown>(ctx, 'latitude', i, ''), name: where.name, address: where.address });
    } else if (messageType === 'contacts') Object.assign(body, contactsBody(ctx, i));
    else {
      const extra = collection(ctx, 'additionalFields', i);
      const mediaBody: JsonObject = {};
      const path = param(ctx, 'mediaPath', i, 'useMediaLink');
      if (path === 'useMediaLink') mediaBody.link = param(ctx, 'mediaLink', i, '');
      else if (path === 'useMediaId') {
        mediaBody.id = param(ctx, 'mediaId', i, '');
        if (messageType === 'document') mediaBody.filename = param(ctx, 'mediaFilename', i, '');
      } else {
        const uploaded = await uploadBinary(client, i, param(ctx, 'mediaPropertyName', i, 'data'), phoneNumberId);
        mediaBody.id = uploaded.id;
        if (messageType === 'document') mediaBody.filename = uploaded.fileName;
      }
      if (extra.mediaFilename && messageType === 'document') mediaBody.filename = extra.mediaFilename;
      if (extra.mediaCaption) mediaBody.caption = extra.mediaCaption;
      body[messageType] = mediaBody;
    }
  } else {
    throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not supported`, { itemIndex: i });
  }
  body.type = messageType;
  return graphRequest(client, { method: 'POST', path: `/${encodeURIComponent(phoneNumberId)}/messages`, json: body, messageType: operation === 'send' ? messageType : 'template' });
}

async function runMedia(client: WhatsAppClient, operation: string, i: number): Promise<JsonObject> {
  const { ctx } = client;
  if (operation === 'mediaUpload') {
    const phoneNumberId = String(param<unknown>(ctx, 'phoneNumberId', i, ''));
    const fileName = String(collection(ctx, 'additionalFields', i).mediaFileName ?? '');
    const { id } = await uploadBinary(client, i, param(ctx, 'mediaPropertyName', i, 'data'), phoneNumberId, fileName);
    return { id };
  }
  if (operation === 'mediaUrlGet') return graphRequest(client, { method: 'GET', path: `/${encodeURIComponent(String(param<unknown>(ctx, 'mediaGetId', i, '')))}` });
  if (operation === 'mediaDelete') return graphRequest(client, { method: 'DELETE', path: `/${encodeURIComponent(String(param<unknown>(ctx, 'mediaDeleteId', i, '')))}` });
  throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not supported`, { itemIndex: i });
}

async function execute(ctx: ExecuteContext): Promise<Item[][]> {
  const items = ctx.getInputData();
  const client = await whatsAppClient(ctx);
  const output: Item[] = [];
  try {
    for (let i = 0; i < items.length; i++) {
      try {
        const resource = param(ctx, 'resource', i, 'message');
        const operation = param(ctx, 'operation', i, resource === 'media' ? 'mediaUpload' : 'sendTemplate');
        const json = resource === 'media' ? await runMedia(client, operation, i) : await sendMessage(client, operation, i);
        output.push({ json, pairedItem: { item: i } });
      } catch (error) {
        const failure = serviceCallError(ctx.node.name, error, i);
        if (!ctx.continueOnFail()) throw failure;
        output.push({ json: { error: errorMessage(failure) }, pairedItem: { item: i } });
      }
    }
  } finally {
    await client.transport.close();
  }
  return [output];
}

async function listOf(ctx: ExecuteContext, what: 'phone_numbers' | 'message_templates', option: (entry: JsonObject) => LoadedOption): Promise<LoadedOption[]> {
  const client = await whatsAppClient(ctx);
  try {
    const answer = await graphRequest(client, { method: 'GET', path: `/${encodeURIComponent(client.businessAccountId)}/${what}` });
    const data = Array.isArray(answer.data) ? (answer.data as JsonObject[]) : [];
    return data.map(option).sort((a, b) => a.name.localeCompare(b.name));
  } finally {
    await client.transport.close();
  }
}

export const whatsAppNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.whatsApp',
    displayName: 'WhatsApp Business Cloud',
    icon: 'file:whatsapp.svg',
    group: ['output'],
    version: [1, 1.1],
    description: 'Access WhatsApp API',
    defaults: { name: 'WhatsApp Business Cloud' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [{ name: 'whatsAppApi', required: true }],
    properties: whatsAppProperties,
  },
  execute,
  methods: {
    loadOptions: {
      getPhoneNumbers: (ctx) => listOf(ctx, 'phone_numbers', (p) => ({ name: `${String(p.display_phone_number)} - ${String(p.verified_name)}`, value: String(p.id) })),
      getTemplates: (ctx) => listOf(ctx, 'message_templates', (t) => ({ name: `${String(t.name)} - ${String(t.language)}`, value: `${String(t.name)}|${String(t.language)}` })),
    },
  },
};
