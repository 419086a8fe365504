// The WhatsApp Business Cloud node against a local stand-in of Meta's Graph API (whats-app-stand-in.ts,
// written from the WhatsApp Cloud API reference): what it sends and what it outputs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { methodContext } from '../node-methods.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { testWhatsAppCredential } from './whats-app-credential-test.ts';
import { whatsAppNode } from './whats-app.node.ts';
import { PHONE_ID, TOKEN, WABA_ID, startWhatsAppStandIn, type WhatsAppStandIn } from './whats-app-stand-in.ts';

let wa: WhatsAppStandIn;
const credential = { accessToken: TOKEN, businessAccountId: WABA_ID };
beforeAll(async () => {
  wa = await startWhatsAppStandIn();
  process.env.WEFT_WHATSAPP_API_URL = wa.url;
});
afterAll(async () => {
  delete process.env.WEFT_WHATSAPP_API_URL;
  await wa.close();
});
beforeEach(() => { wa.seen.length = 0; });

const run = (parameters: Record<string, unknown>, items: unknown[] = [{ json: {} }], continueOnFail = false, cred: Record<string, unknown> = credential, typeVersion = 1.1) => runChain([{
  name: 'WhatsApp', type: 'n8n-nodes-base.whatsApp', typeVersion, parameters, continueOnFail, credentials: { whatsAppApi: { id: '1', name: 'WA' } },
}], { items: items as never, credentials: { whatsAppApi: cred } });
const errorOf = (result: Awaited<ReturnType<typeof runChain>>) => result.data.resultData.error?.message;
const base = { phoneNumberId: PHONE_ID, recipientPhoneNumber: '+1(555)010-2222' };

describe('WhatsApp message', () => {
  it('sends a text with the Bearer token; the recipient number cleaned as n8n does', async () => {
    const result = await run({ ...base, operation: 'send', textBody: '={{ "Order " + $json.id + " shipped" }}' }, [{ json: { id: 7 } }]);
    expect(wa.seen[0]).toMatchObject({ method: 'POST', path: `/v13.0/${PHONE_ID}/messages`, authorization: `Bearer ${TOKEN}`, contentType: 'application/json' });
    expect(wa.seen[0].body).toEqual({ messaging_product: 'whatsapp', to: '15550102222', type: 'text', text: { body: 'Order 7 shipped' } });
    expect(outputOf(result, 'WhatsApp')[0]).toEqual({ json: { messaging_product: 'whatsapp', contacts: [{ input: '15550102222', wa_id: '15550102222' }], messages: [{ id: 'wamid.HBgL1' }] }, pairedItem: { item: 0 } });
  });

  it('sends a template (operation defaulted) with body, button and header components', async () => {
    await run({ ...base, template: 'order_update|en_US', components: { component: [
      { type: 'body', bodyParameters: { parameter: [{ type: 'text', text: 'Ana' }, { type: 'currency', code: 'EUR', amount_1000: 12.5, fallback_value: '€12.50' }] } },
      { type: 'button', sub_type: 'url', index: 0, buttonParameters: { parameter: { type: 'text', text: 'track/7' } } },
      { type: 'header', headerParameters: { parameter: [{ type: 'image', imageLink: 'https://example.com/logo.png' }] } },
    ] } });
    expect(wa.seen[0].body).toEqual({ messaging_product: 'whatsapp', to: '15550102222', type: 'template', template: { name: 'order_update', language: { code: 'en_US' }, components: [
      { type: 'body', parameters: [{ type: 'text', text: 'Ana' }, { type: 'currency', currency: { code: 'EUR', fallback_value: '€12.50', amount_1000: 12500 } }] },
      { type: 'button', index: '0', sub_type: 'url', parameters: [{ type: 'text', text: 'track/7' }] },
      { type: 'header', parameters: [{ type: 'image', image: { link: 'https://example.com/logo.png' } }] },
    ] } });
  });

  it('sends media by link, by ID and by uploading the item’s binary first', async () => {
    await run({ ...base, operation: 'send', messageType: 'image', mediaLink: 'https://example.com/a.jpg', additionalFields: { mediaCaption: 'Look' } });
    expect(wa.seen[0].body).toMatchObject({ type: 'image', image: { link: 'https://example.com/a.jpg', caption: 'Look' } });
    await run({ ...base, operation: 'send', messageType: 'document', mediaPath: 'useMediaId', mediaId: '1037543291543636', mediaFilename: 'invoice.pdf' });
    expect(wa.seen[1].body).toMatchObject({ type: 'document', document: { id: '1037543291543636', filename: 'invoice.pdf' } });
    wa.seen.length = 0;
    const pdf = Buffer.from('%PDF-1.4 test');
    await run({ ...base, operation: 'send', messageType: 'document', mediaPath: 'useMedian8n' },
      [{ json: {}, binary: { data: { data: pdf.toString('base64'), mimeType: 'application/pdf', fileName: 'report.pdf' } } }]);
    expect(wa.seen[0]).toMatchObject({ method: 'POST', path: `/v13.0/${PHONE_ID}/media` });
    const file = wa.seen[0].parts!.find((p) => p.name === 'file')!;
    expect({ fileName: file.fileName, contentType: file.contentType, data: file.data.toString() }).toEqual({ fileName: 'report.pdf', contentType: 'application/pdf', data: '%PDF-1.4 test' });
    expect(wa.seen[1].body).toMatchObject({ type: 'document', document: { id: expect.any(String), filename: 'report.pdf' } });
  });

  it('sends a location and a contact card', async () => {
    await run({ ...base, operation: 'send', messageType: 'location', longitude: 13.4, latitude: 52.5, additionalFields: { nameAndAddress: { name: 'Office', address: 'Main St 1' } } });
    expect(wa.seen[0].body).toMatchObject({ type: 'location', location: { longitude: 13.4, latitude: 52.5, name: 'Office', address: 'Main St 1' } });
    await run({ ...base, operation: 'send', messageType: 'contacts', name: { data: { formatted_name: 'Ana Lima', first_name: 'Ana' } },
      additionalFields: { phones: { data: [{ type: 'WORK', phone: '+15550103333', whatsapp_user_id: '15550103333' }] }, emails: { data: [{ type: 'WORK', email: 'ana@example.com' }] } } });
    expect(wa.seen[1].body).toMatchObject({ type: 'contacts', contacts: [{ name: { formatted_name: 'Ana Lima', first_name: 'Ana' },
      phones: [{ type: 'WORK', phone: '+15550103333', wa_id: '15550103333' }], emails: [{ type: 'WORK', email: 'ana@example.com' }] }] });
  });

  it('words Graph errors as n8n does; continue on fail; a bad token', async () => {
    expect(errorOf(await run({ ...base, operation: 'send', messageType: 'image', mediaPath: 'useMediaId', mediaId: '42' }))).toBe('Invalid image ID');
    const kept = await run({ ...base, recipientPhoneNumber: '={{ $json.to }}', operation: 'send', textBody: 'x' }, [{ json: { to: 'abc' } }, { json: { to: '15550102222' } }], true);
    expect(outputOf(kept, 'WhatsApp').map((i) => i.json.error ?? 'ok')).toEqual(['Parameter value is not valid', 'ok']);
    expect(errorOf(await run({ ...base, operation: 'send', textBody: 'x' }, undefined, false, { ...credential, accessToken: 'bad' })))
      .toBe('Invalid OAuth access token - Cannot parse access token');
  });

  it('waits out a 429 with Retry-After', async () => {
    wa.rateLimit(1);
    const started = Date.now();
    await run({ ...base, operation: 'send', textBody: 'later' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(wa.seen).toHaveLength(2);
  });
});

describe('WhatsApp media', () => {
  it('uploads a binary, reads its URL and deletes it', async () => {
    const up = await run({ resource: 'media', phoneNumberId: PHONE_ID, additionalFields: { mediaFileName: 'pic.png' } },
      [{ json: {}, binary: { data: { data: Buffer.from('png').toString('base64'), mimeType: 'image/png', fileName: 'x.png' } } }]);
    expect(wa.seen[0].parts!.find((p) => p.name === 'file')!.fileName).toBe('pic.png');
    const id = String(outputOf(up, 'WhatsApp')[0].json.id);
    const got = await run({ resource: 'media', operation: 'mediaUrlGet', mediaGetId: id });
    expect(wa.seen[1]).toMatchObject({ method: 'GET', path: `/v13.0/${id}` });
    expect(outputOf(got, 'WhatsApp')[0].json).toMatchObject({ id, mime_type: 'image/png', url: expect.stringContaining(id) });
    const gone = await run({ resource: 'media', operation: 'mediaDelete', mediaDeleteId: id });
    expect(outputOf(gone, 'WhatsApp')[0].json).toEqual({ success: true });
  });

  it('refuses an upload without binary data as n8n does', async () => {
    expect(errorOf(await run({ resource: 'media', phoneNumberId: PHONE_ID }))).toBe('Could not find file in node input data');
  });
});

describe('WhatsApp editor methods and credential test', () => {
  it('lists phone numbers and templates of the business account, sorted by name', async () => {
    const deps = { getCredentials: async () => credential, credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' };
    const ctx = (method: string) => methodContext({ nodeType: whatsAppNode, kind: 'loadOptions', method, currentNodeParameters: {}, credentials: { whatsAppApi: { id: '1', name: 'x' } } }, deps);
    expect(await whatsAppNode.methods!.loadOptions!.getPhoneNumbers(ctx('getPhoneNumbers'))).toEqual([
      { name: '+1 555-010-0100 - Weft Alerts', value: '106540352242999' }, { name: '+1 555-010-0199 - Weft Support', value: PHONE_ID }]);
    expect(wa.seen[0]).toMatchObject({ method: 'GET', path: `/v13.0/${WABA_ID}/phone_numbers` });
    expect((await whatsAppNode.methods!.loadOptions!.getTemplates(ctx('getTemplates'))).map((o) => o.value)).toEqual(['hello_world|en_US', 'order_update|en_US']);
  });

  it('checks the token against the business account', async () => {
    await expect(testWhatsAppCredential(credential, 5000)).resolves.toBe('Connection tested successfully');
    await expect(testWhatsAppCredential({ ...credential, accessToken: 'x' }, 5000)).rejects.toThrow('WhatsApp answered 401 Unauthorized: Invalid OAuth access token');
  });
});
