// Twilio (n8n-nodes-base.twilio) v1: sends an SMS/MMS/WhatsApp message (Messages.json) or makes a
// call (Calls.json) that says the message, or runs it as TwiML. One output item per input item.
import type { ExecuteContext, Item, JsonObject, NodeType } from '../../engine/index.ts';
import { NodeOperationError } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { collection, param } from '../shared/params.ts';
import { twilioClient, twilioPost, type TwilioClient } from './twilio-api.ts';
import { twilioProperties } from './twilio.description.ts';

const XML_ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };
export const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => XML_ESCAPES[c]);

async function runItem(client: TwilioClient, i: number): Promise<JsonObject> {
  const { ctx } = client;
  const resource = param(ctx, 'resource', i, 'sms');
  const operation = param(ctx, 'operation', i, resource === 'call' ? 'make' : 'send');
  const from = String(param<unknown>(ctx, 'from', i, ''));
  const to = String(param<unknown>(ctx, 'to', i, ''));
  const message = String(param<unknown>(ctx, 'message', i, ''));
  const statusCallback = String(collection(ctx, 'options', i).statusCallback ?? '');
  if (resource === 'sms') {
    if (operation !== 'send') throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not known!`, { itemIndex: i });
    const whatsapp = param(ctx, 'toWhatsapp', i, false);
    return twilioPost(client, '/Messages.json', {
      From: whatsapp ? `whatsapp:${from}` : from, To: whatsapp ? `whatsapp:${to}` : to, Body: message, StatusCallback: statusCallback,
    });
  }
  if (resource === 'call') {
    if (operation !== 'make') throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not known!`, { itemIndex: i });
    const twiml = param(ctx, 'twiml', i, false) ? message : `<Response><Say>${escapeXml(message)}</Say></Response>`;
    return twilioPost(client, '/Calls.json', { From: from, To: to, Twiml: twiml, StatusCallback: statusCallback });
  }
  throw new NodeOperationError(ctx.node.name, `The resource "${resource}" is not known!`, { itemIndex: i });
}

async function execute(ctx: ExecuteContext): Promise<Item[][]> {
  const items = ctx.getInputData();
  const client = await twilioClient(ctx);
  const output: Item[] = [];
  try {
    for (let i = 0; i < items.length; i++) {
      try {
        output.push({ json: await runItem(client, i), pairedItem: { item: i } });
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

export const twilioNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.twilio',
    displayName: 'Twilio',
    icon: 'file:twilio.svg',
    group: ['transform'],
    version: [1],
    description: 'Send SMS and WhatsApp messages or make phone calls',
    defaults: { name: 'Twilio' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [{ name: 'twilioApi', required: true }],
    properties: twilioProperties,
  },
  execute,
};
