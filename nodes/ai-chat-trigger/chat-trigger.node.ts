// Chat Trigger (@n8n/n8n-nodes-langchain.chatTrigger v1–1.3): a chat on `/webhook/<webhookId>/chat`.
// GET serves the hosted chat page (?embed=1: the page for the widget's frame; ?widget=js: the widget
// script); POST `{ action: 'sendMessage', sessionId, chatInput }` starts a run whose trigger item
// is the message as sent, answered (by default) with the last node's first item. A chat that is not
// public answers 404, as in n8n: it is then used from the editor's chat only.
import type { BinaryData, ExecuteContext, Item, JsonObject, NodeOutput, NodeType, NodeWebhook, TriggerContext, WebhookAnswer, WebhookContext } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';
import { checkBasicAuth } from './chat-auth.ts';
import { renderChatPage, splitInitialMessages } from './chat-page.ts';
import { DEFAULT_CUSTOM_CSS } from './chat-page-style.ts';
import { chatTriggerProperties } from './chat-trigger.description.ts';
import { CHAT_WIDGET_SCRIPT } from './chat-widget.ts';

const CHAT_PATH = 'chat';

function responseModeOf(ctx: ExecuteContext): string {
  const mode = collection(ctx, 'options', 0).responseMode;
  return typeof mode === 'string' && mode ? mode : 'lastNode';
}

function webhooks(ctx: TriggerContext): NodeWebhook[] {
  return [
    { name: 'setup', httpMethod: 'GET', path: CHAT_PATH, responseMode: 'onReceived', isFullPath: false },
    { name: 'default', httpMethod: 'POST', path: CHAT_PATH, responseMode: responseModeOf(ctx), isFullPath: false },
  ];
}

type Res = WebhookContext['call']['res'];

function answer(res: Res, status: number, body: string, headers: Record<string, string> = {}): WebhookAnswer {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
  return { noWebhookResponse: true };
}

/** n8n's Allowed Origins: the caller's origin is echoed when listed ('*' allows any). */
function applyCors(ctx: WebhookContext, options: JsonObject): void {
  const origin = ctx.call.headers.origin;
  if (typeof origin !== 'string' || !origin) return;
  const allowed = String(options.allowedOrigins ?? '*').split(',').map((o) => o.trim()).filter(Boolean);
  if (!allowed.includes('*') && !allowed.includes(origin)) return;
  ctx.call.res.setHeader('Access-Control-Allow-Origin', origin);
  ctx.call.res.setHeader('Vary', 'Origin');
}

/** Refuses the call when the node's authentication does not pass (the answer is written). */
async function refused(ctx: WebhookContext): Promise<WebhookAnswer | undefined> {
  const authentication = param(ctx, 'authentication', 0, 'none');
  if (authentication === 'basicAuth') {
    const credential = await ctx.credentials.get('httpBasicAuth').catch(() => undefined);
    const refusal = checkBasicAuth(ctx.call.headers.authorization, credential);
    if (!refusal) return undefined;
    return answer(ctx.call.res, refusal.status, refusal.message, refusal.status === 401 ? { 'www-authenticate': 'Basic realm="Webhook"' } : {});
  }
  // n8n's "n8n User Auth" checks the editor's session cookie, which a node cannot see here: the
  // page still loads, messages are refused.
  if (authentication === 'n8nUserAuth' && ctx.call.webhookName !== 'setup') {
    return answer(ctx.call.res, 401, 'User not authenticated!');
  }
  return undefined;
}

function servePage(ctx: WebhookContext, options: JsonObject, embedded: boolean): WebhookAnswer {
  const text = (name: string, fallback: string) => (typeof options[name] === 'string' ? (options[name] as string) : fallback);
  const page = renderChatPage({
    title: text('title', 'Hi there! 👋'),
    subtitle: text('subtitle', "Start a chat. We're here to help you 24/7."),
    inputPlaceholder: text('inputPlaceholder', 'Type your question..'),
    getStarted: text('getStarted', 'New Conversation'),
    initialMessages: splitInitialMessages(String(param(ctx, 'initialMessages', 0, 'Hi there! 👋\nMy name is Nathan. How can I assist you today?'))),
    showWelcomeScreen: options.showWelcomeScreen === true,
    loadPreviousSession: text('loadPreviousSession', 'notSupported'),
    allowFileUploads: options.allowFileUploads === true,
    allowedFilesMimeTypes: text('allowedFilesMimeTypes', '*'),
    streaming: responseModeOf(ctx) === 'streaming',
    customCss: text('customCss', DEFAULT_CUSTOM_CSS),
    embedded,
  });
  return answer(ctx.call.res, 200, page.html, {
    'content-type': 'text/html; charset=utf-8', 'content-security-policy': page.contentSecurityPolicy,
    'x-content-type-options': 'nosniff', 'cache-control': 'no-store',
  });
}

function serveSetup(ctx: WebhookContext, options: JsonObject, mode: string): WebhookAnswer {
  const { query } = ctx.call;
  if (query.widget !== undefined) {
    return answer(ctx.call.res, 200, CHAT_WIDGET_SCRIPT, {
      'content-type': 'text/javascript; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache',
    });
  }
  if (query.embed !== undefined) return servePage(ctx, options, true);
  if (mode === 'hostedChat') return servePage(ctx, options, false);
  return answer(ctx.call.res, 404, 'This chat is embedded: load the widget script (?widget=js) or post messages to this URL');
}

/** Messages stored in the connected memory, as n8n answers them (LangChain's serialized form). */
async function previousMessages(ctx: ExecuteContext): Promise<JsonObject[]> {
  type Stored = { additional_kwargs?: { hideFromUI?: boolean }; toJSON(): unknown };
  const memory = (await ctx.getInputConnectionData('ai_memory', 0)) as { chatHistory?: { getMessages(): Promise<Stored[]> } } | undefined;
  const messages = (await memory?.chatHistory?.getMessages()) ?? [];
  return messages.filter((m) => !m?.additional_kwargs?.hideFromUI).map((m) => JSON.parse(JSON.stringify(m.toJSON())) as JsonObject);
}

/** A multipart message: the fields as the item, each file as binary `data0`, `data1`… listed in `files`. */
function multipartItem(fields: JsonObject, binaries: Record<string, BinaryData> | undefined): Item {
  const files = Object.values(binaries ?? {});
  if (!files.length) return { json: fields };
  const binary: Record<string, BinaryData> = {};
  const listed: JsonObject[] = [];
  files.forEach((file, index) => {
    const binaryKey = `data${index}`;
    binary[binaryKey] = file;
    const { fileName, fileSize, fileType, mimeType, fileExtension } = file;
    listed.push(JSON.parse(JSON.stringify({ fileName, fileSize, fileType, mimeType, fileExtension, binaryKey })) as JsonObject);
  });
  return { json: { ...fields, files: listed }, binary };
}

async function webhook(ctx: WebhookContext): Promise<WebhookAnswer> {
  const { call } = ctx;
  if (param(ctx, 'public', 0, false) !== true) return answer(call.res, 404, '');
  const mode = param(ctx, 'mode', 0, 'hostedChat');
  const options = collection(ctx, 'options', 0);
  applyCors(ctx, options);
  const refusal = await refused(ctx);
  if (refusal) return refusal;
  if (call.webhookName === 'setup') return serveSetup(ctx, options, mode);

  const body = call.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return answer(call.res, 400, 'A chat message is a JSON object: { "action": "sendMessage", "sessionId": "…", "chatInput": "…" }');
  }
  const message = body as JsonObject;
  if (message.action === 'loadPreviousSession') {
    const load = options.loadPreviousSession;
    // Read in a run of the trigger alone, where its memory sub-node is at hand.
    if (load === 'memory') return { workflowData: [[{ json: message }]], onlyThisNode: true };
    // 'manually' starts a run: the workflow answers with the session's messages itself.
    if (load !== 'manually') return { webhookResponse: { data: [] } };
  }
  const contentType = String(call.headers['content-type'] ?? '');
  // The server hands a multipart body's files over as the call's binary data, where it has them.
  const binaries = (call as { binary?: Record<string, BinaryData> }).binary;
  const item = contentType.startsWith('multipart/form-data') ? multipartItem(message, binaries) : { json: message };
  return { workflowData: [[item]] };
}

/**
 * The message is the output. A request for the session's earlier messages (loaded from memory) is
 * answered from here instead, in a run of this node alone. In a manual run the item comes from the
 * editor's chat (or pinned data); none means one empty item.
 */
async function execute(ctx: ExecuteContext): Promise<NodeOutput> {
  const items = ctx.getInputData();
  if (items.length === 1 && items[0].json.action === 'loadPreviousSession' && collection(ctx, 'options', 0).loadPreviousSession === 'memory') {
    return [[{ json: { data: await previousMessages(ctx) }, pairedItem: { item: 0 } }]];
  }
  return [items.length ? items : [{ json: {} }]];
}

export const chatTriggerNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.chatTrigger',
    displayName: 'Chat Trigger',
    icon: 'fa:comments',
    group: ['trigger'],
    version: [1, 1.1, 1.2, 1.3],
    description: 'Runs the workflow when a chat message is sent in a Weft-hosted chat',
    defaults: { name: 'When chat message received' },
    inputs: [],
    outputs: ['main'],
    credentials: [{ name: 'httpBasicAuth', required: true, displayOptions: { show: { authentication: ['basicAuth'] } } }],
    triggerKind: 'webhook',
    // Its step runs on the request: a request for earlier messages is answered there.
    executesTriggerInput: true,
    // n8n adds a Memory input when previous sessions load from memory.
    subNodeInputs: [{
      type: 'ai_memory', displayName: 'Memory', maxConnections: 1, required: true,
      displayOptions: { show: { mode: ['hostedChat', 'webhook'], 'options.loadPreviousSession': ['memory'] } },
    }],
    properties: chatTriggerProperties,
  },
  execute,
  triggers: { webhooks, webhook },
};
