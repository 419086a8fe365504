// The Gmail API v1 client the Gmail node and trigger share: which credential the node uses, n8n's
// Gmail error wording, and the calls several operations make (labels, messages in a format).
import type { Dispatcher } from 'undici';
import type { ExecuteContext, Item, JsonObject } from '../../engine/index.ts';
import { serviceUrl } from '../shared/service-url.ts';
import { param } from '../shared/params.ts';
import { GMAIL_SCOPES } from './gmail.credentials.ts';
import { googleCall, googleCallAll, type GoogleClient, type QueryValue } from './google-call.ts';
import { parseRawMessage, simplifyMessages } from './gmail-mime.ts';

export const gmailBaseUrl = () => serviceUrl('gmail', 'https://www.googleapis.com');

export const SIMPLE_HEADERS = ['From', 'To', 'Cc', 'Bcc', 'Subject'];

/** n8n's Gmail messages for failed calls: which resource was not found, a taken label name. */
function gmailWording(ctx: ExecuteContext) {
  return (status: number, said: string | undefined): string | undefined => {
    const resource = String(param(ctx, 'resource', 0, 'message'));
    const title = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
    if (status === 400 && said?.includes('Invalid id value')) return `Invalid ${resource} ID`;
    if (status === 404) return `${title(resource === 'label' ? 'label ID' : resource)} not found`;
    if (status === 409 && resource === 'label') return 'Label name exists already';
    if (status === 400 && said) return said;
    return undefined;
  };
}

export function gmailClient(ctx: ExecuteContext, transport: Dispatcher): GoogleClient {
  const serviceAccount = param(ctx, 'authentication', 0, 'oAuth2') === 'serviceAccount';
  return {
    ctx, transport, scopes: GMAIL_SCOPES, baseUrl: gmailBaseUrl(), describe: gmailWording(ctx),
    credentialType: serviceAccount ? 'googleApi' : 'gmailOAuth2',
  };
}

export const gmail = (client: GoogleClient, method: string, path: string, options: { body?: unknown; query?: Record<string, QueryValue> } = {}) =>
  googleCall(client, method, `/gmail/v1/users/me${path}`, options);

export const gmailAll = (client: GoogleClient, path: string, property: string, query: Record<string, QueryValue> = {}) =>
  googleCallAll(client, `/gmail/v1/users/me${path}`, property, query);

export async function labelList(client: GoogleClient): Promise<Array<{ id: unknown; name: unknown }>> {
  const answer = await gmail(client, 'GET', '/labels');
  return ((answer.labels as JsonObject[] | undefined) ?? []).map(({ id, name }) => ({ id, name }));
}

export interface MessageFormat {
  simple: boolean;
  attachmentPrefix: string;
  downloadAttachments: boolean;
}

/** The query that fetches one message as the output wants it: headers only when simple, else raw. */
export const formatQuery = (simple: boolean): Record<string, QueryValue> =>
  (simple ? { format: 'metadata', metadataHeaders: SIMPLE_HEADERS } : { format: 'raw' });

/** Messages (or draft messages) as output items: simplified with the account's labels, or parsed. */
export async function messageItems(client: GoogleClient, messages: JsonObject[], format: MessageFormat): Promise<Item[]> {
  if (format.simple) {
    const labels = await labelList(client);
    return simplifyMessages(messages, labels).map((json) => ({ json }));
  }
  const items: Item[] = [];
  for (const message of messages) items.push(await parseRawMessage(message, format.attachmentPrefix, format.downloadAttachments));
  return items;
}
