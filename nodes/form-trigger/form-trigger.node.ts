// n8n Form Trigger (n8n-nodes-base.formTrigger v1–2.3): a hosted form on `/form/<path>` (production)
// and `/form-test/<path>` (while the editor listens). GET serves the page; POST checks the
// submission and starts a run whose item is the answers (field label → value, files as binary,
// `submittedAt`, `formMode`). The answer is the completion page ("Form Is Submitted"), for
// "Workflow Finishes" the run's last item once it ends (the page's script then shows the text), or
// a Respond to Webhook node's answer (v1–2.1, shown by the page). When Form nodes follow, the server
// sends the browser on to the run's next page instead (server/webhooks/node-webhooks.ts).
import { isbot } from 'isbot';
import type { ExecuteContext, NodeOutput, NodeType, NodeWebhook, TriggerContext, WebhookAnswer, WebhookContext } from '../../engine/index.ts';
import { checkBasicAuth } from '../ai-chat-trigger/chat-auth.ts';
import { collection, param } from '../shared/params.ts';
import { readCompletion, readFormFields, readFormSubmission, renderCompletionPage, renderFormPage, type FormPage } from '../shared/form-page/index.ts';
import { formTriggerProperties } from './form-trigger.description.ts';

/** n8n's path: the Form Path parameter, else the one in the options (2.2+), else the webhookId. */
function formPath(ctx: ExecuteContext): string {
  const path = String(param(ctx, 'path', 0, '') ?? '').trim();
  if (path) return path;
  return String(collection(ctx, 'options', 0).path ?? '').trim();
}

function responseModeOf(ctx: ExecuteContext): string {
  return String(param(ctx, 'responseMode', 0, 'onReceived') || 'onReceived');
}

function webhooks(ctx: TriggerContext): NodeWebhook[] {
  const path = formPath(ctx);
  return [
    { name: 'setup', httpMethod: 'GET', path, responseMode: 'onReceived', isFullPath: true },
    { name: 'default', httpMethod: 'POST', path, responseMode: responseModeOf(ctx), isFullPath: true },
  ];
}

type Res = WebhookContext['call']['res'];

function write(res: Res, status: number, body: string, headers: Record<string, string>): WebhookAnswer {
  res.writeHead(status, headers);
  res.end(body);
  return { noWebhookResponse: true };
}

const writePage = (res: Res, status: number, page: FormPage) => write(res, status, page.html, page.headers);

/** Bots and failed Basic Auth get no form and start no run (the answer is written). */
async function refused(ctx: WebhookContext, options: Record<string, unknown>): Promise<WebhookAnswer | undefined> {
  const { call } = ctx;
  if (options.ignoreBots === true && isbot(String(call.headers['user-agent'] ?? ''))) {
    return write(call.res, 403, 'Requests from bots are ignored by this form', { 'content-type': 'text/plain; charset=utf-8' });
  }
  if (ctx.node.typeVersion < 2 || param(ctx, 'authentication', 0, 'none') !== 'basicAuth') return undefined;
  const credential = await ctx.credentials.get('httpBasicAuth').catch(() => undefined);
  const refusal = checkBasicAuth(call.headers.authorization, credential);
  if (!refusal) return undefined;
  const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8' };
  if (refusal.status === 401) headers['www-authenticate'] = 'Basic realm="Enter credentials"';
  return write(call.res, refusal.status, refusal.message, headers);
}

function pageSettings(ctx: WebhookContext, options: Record<string, unknown>) {
  return {
    formTitle: String(param(ctx, 'formTitle', 0, '') ?? ''),
    formDescription: String(param(ctx, 'formDescription', 0, '') ?? '').replace(/\\n/g, '\n'),
    fields: readFormFields(param<unknown>(ctx, 'formFields', 0, {})),
    buttonLabel: typeof options.buttonLabel === 'string' && options.buttonLabel ? options.buttonLabel : 'Submit',
    appendAttribution: options.appendAttribution !== false,
    customCss: typeof options.customCss === 'string' ? options.customCss : undefined,
    completion: readCompletion(options),
    testRun: ctx.activation === 'manual',
    useResponseData: responseModeOf(ctx) === 'responseNode',
  };
}

/** n8n's submittedAt is UTC unless the workflow's timezone is asked for (the default from 2.1). */
function timezoneOf(ctx: WebhookContext, options: Record<string, unknown>): string {
  const useWorkflow = options.useWorkflowTimezone ?? ctx.node.typeVersion > 2;
  return useWorkflow === true ? ctx.timezone : 'UTC';
}

async function webhook(ctx: WebhookContext): Promise<WebhookAnswer> {
  const { call } = ctx;
  const options = collection(ctx, 'options', 0);
  const refusal = await refused(ctx, options);
  if (refusal) return refusal;
  const settings = pageSettings(ctx, options);
  const query = call.query as Record<string, unknown>;
  if (call.webhookName === 'setup') return writePage(call.res, 200, renderFormPage({ ...settings, query }));

  // The server hands a multipart body's files over as the call's binary data.
  const binary = (call as { binary?: Record<string, import('../../engine/index.ts').BinaryData> }).binary;
  const result = readFormSubmission(settings.fields, { body: call.body, binary }, {
    formMode: ctx.activation === 'manual' ? 'test' : 'production', timezone: timezoneOf(ctx, options), query,
  });
  if (!result.ok) return writePage(call.res, 400, renderFormPage({ ...settings, query, values: result.values, errors: result.errors }));
  if (responseModeOf(ctx) !== 'onReceived') return { workflowData: [[result.item]] };
  // Answered after the run is recorded: the completion page is the answer's body.
  const page = renderCompletionPage(settings);
  for (const [name, value] of Object.entries(page.headers)) if (name !== 'content-type') call.res.setHeader(name, value);
  return { workflowData: [[result.item]], webhookResponse: page.html };
}

/** In a manual run the submission comes from the test form (or pinned data); none means one empty item. */
async function execute(ctx: ExecuteContext): Promise<NodeOutput> {
  const items = ctx.getInputData();
  return [items.length ? items : [{ json: {} }]];
}

export const formTriggerNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.formTrigger',
    displayName: 'n8n Form Trigger',
    icon: 'fa:list-alt',
    group: ['trigger'],
    version: [1, 2, 2.1, 2.2, 2.3],
    description: 'Generate webforms and pass their responses to the workflow',
    defaults: { name: 'On form submission' },
    inputs: [],
    outputs: ['main'],
    credentials: [{ name: 'httpBasicAuth', required: true, displayOptions: { show: { authentication: ['basicAuth'] } } }],
    triggerKind: 'webhook',
    properties: formTriggerProperties,
  },
  execute,
  triggers: { webhooks, webhook },
};
