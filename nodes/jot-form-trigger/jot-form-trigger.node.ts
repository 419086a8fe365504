// JotForm Trigger (n8n-nodes-base.jotFormTrigger v1): on activation it adds this webhook's URL to the
// form (POST /form/{id}/webhooks), finds it again in the form's list (GET) and deletes it by its id on
// deactivation. JotForm posts each submission as a multipart form whose `rawRequest` field holds the
// answers as JSON; with Resolve Data their keys (q3_name) become the questions' texts, read from
// GET /form/{id}/questions; Only Answers keeps just the answers.
import { NodeOperationError, type ExecuteContext, type JsonObject, type NodeOutput, type NodeType, type TriggerContext, type WebhookAnswer, type WebhookContext } from '../../engine/index.ts';
import { param } from '../shared/params.ts';
import { jotFormRequest } from './jot-form-api.ts';
import { jotFormTriggerProperties } from './jot-form-trigger.description.ts';

const hooksPath = (ctx: ExecuteContext) => `/form/${encodeURIComponent(param(ctx, 'form', 0, ''))}/webhooks`;
const contentOf = (answer: JsonObject) => (answer.content && typeof answer.content === 'object' ? answer.content : {}) as JsonObject;

const webhookSetup = {
  async checkExists(ctx: TriggerContext): Promise<boolean> {
    const data = ctx.getWorkflowStaticData('node');
    try {
      const hooks = contentOf(await jotFormRequest(ctx, 'GET', hooksPath(ctx)));
      const id = Object.keys(hooks).find((key) => hooks[key] === ctx.webhookUrl('default'));
      if (id === undefined) return false;
      data.webhookId = id;
      return true;
    } catch {
      // n8n takes any failure here as "not there yet", so activation goes on to create it.
      return false;
    }
  },
  async create(ctx: TriggerContext): Promise<boolean> {
    const url = ctx.webhookUrl('default');
    const hooks = contentOf(await jotFormRequest(ctx, 'POST', hooksPath(ctx), { webhookURL: url }));
    // JotForm answers every webhook of the form by id; ours is the one with our URL.
    const keys = Object.keys(hooks);
    ctx.getWorkflowStaticData('node').webhookId = keys.find((key) => hooks[key] === url) ?? keys[0];
    return true;
  },
  async delete(ctx: TriggerContext): Promise<boolean> {
    const data = ctx.getWorkflowStaticData('node');
    let answer: JsonObject;
    try {
      answer = await jotFormRequest(ctx, 'DELETE', `${hooksPath(ctx)}/${encodeURIComponent(String(data.webhookId))}`);
    } catch {
      return false;
    }
    if (answer.message !== 'success') return false;
    delete data.webhookId;
    return true;
  },
};

function parseRawRequest(ctx: WebhookContext, value: unknown): JsonObject {
  if (value && typeof value === 'object') return value as JsonObject;
  try {
    const parsed = JSON.parse(String(value ?? '')) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as JsonObject;
  } catch { /* reported below */ }
  throw new NodeOperationError(ctx.node.name, 'The submission has no readable rawRequest field', { description: 'JotForm posts the answers as JSON in the rawRequest form field' });
}

async function webhook(ctx: WebhookContext): Promise<WebhookAnswer> {
  const data = { ...((ctx.call.body && typeof ctx.call.body === 'object' ? ctx.call.body : {}) as JsonObject) };
  const rawRequest = parseRawRequest(ctx, data.rawRequest);
  data.rawRequest = rawRequest;
  const onlyAnswers = param(ctx, 'onlyAnswers', 0, true);
  if (!param(ctx, 'resolveData', 0, true)) return { workflowData: [[{ json: onlyAnswers ? rawRequest : data }]] };

  const questions = contentOf(await jotFormRequest(ctx, 'GET', `/form/${encodeURIComponent(param(ctx, 'form', 0, ''))}/questions`));
  const textByName = new Map<string, unknown>();
  for (const question of Object.values(questions) as JsonObject[]) if (question && typeof question === 'object') textByName.set(String(question.name), question.text);
  const answers: JsonObject = {};
  for (const [key, value] of Object.entries(rawRequest)) {
    // Answer keys are `q<number>_<question name>`.
    if (!key.includes('_')) continue;
    const text = textByName.get(key.split('_').slice(1).join('_'));
    if (text === undefined) continue;
    answers[String(text)] = value;
  }
  if (onlyAnswers) return { workflowData: [[{ json: answers }]] };
  data.rawRequest = answers;
  return { workflowData: [[{ json: data }]] };
}

async function execute(ctx: ExecuteContext): Promise<NodeOutput> {
  const items = ctx.getInputData();
  return [items.length ? items : [{ json: {} }]];
}

export const jotFormTriggerNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.jotFormTrigger',
    displayName: 'JotForm Trigger',
    icon: 'fa:clipboard-list',
    group: ['trigger'],
    version: [1],
    description: 'Starts the workflow on JotForm submissions',
    defaults: { name: 'JotForm Trigger' },
    inputs: [],
    outputs: ['main'],
    credentials: [{ name: 'jotFormApi', required: true }],
    triggerKind: 'webhook',
    properties: jotFormTriggerProperties,
  },
  execute,
  methods: {
    loadOptions: {
      async getForms(ctx) {
        const answer = await jotFormRequest(ctx, 'GET', '/user/forms', undefined, { limit: 1000 });
        if (!Array.isArray(answer.content)) return [];
        return (answer.content as JsonObject[]).map((form) => ({ name: String(form.title ?? ''), value: String(form.id ?? '') }));
      },
    },
  },
  triggers: {
    webhooks: () => [{ name: 'default', httpMethod: 'POST', path: 'webhook', responseMode: 'onReceived', isFullPath: false }],
    webhook,
    webhookSetup,
  },
};
