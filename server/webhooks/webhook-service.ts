// Answers webhook calls: finds the workflow and node, applies the node's checks, reads the body,
// starts the run, makes sure it is recorded, then answers as the node's response mode says.
import { randomUUID } from 'node:crypto';
import type { Context } from 'koa';
import { AppError, ConflictError, NotFoundError, WEBHOOK_NODE_TYPE, webhooksOf, type WebhookEntry, type WorkflowDefinition, type WorkflowNode } from '../../domain/index.ts';
import { isResumeSignatureValid, type Item, type RunResult } from '../../engine/index.ts';
import { answerFormNodeCall, answerSendAndWaitCall, answerWaitingFormCall, FORM_NODE_TYPE, isSendAndWaitNode, NO_ACTION_REQUIRED_PAGE, waitsForForm } from '../../nodes/index.ts';
import { productionDoc, type WorkflowDoc } from '../../projections/index.ts';
import type { RequestContext } from '../commands.ts';
import type { CredentialService } from '../credentials/credential-service.ts';
import type { ExecutionService } from '../executions/execution-service.ts';
import type { Logger } from '../logger.ts';
import { answerFromNode, answerLastNode, answerOnReceived, answerWithoutResponder, type WebhookNodeSettings } from './webhook-answer.ts';
import { readWebhookBody } from './webhook-body.ts';
import { answerPreflight, applyCors, authenticateCall, checkCaller } from './webhook-checks.ts';
import type { ExecutionWatch } from './execution-watch.ts';
import { answerFormEnding, answerFormNext, runFormTrigger } from './form-pages.ts';
import { answerStreaming } from './streamed-answer.ts';
import { WEBHOOK_METHODS, type Match, type ProductionRegistry, type TestListener, type TestRegistry } from './webhook-registry.ts';

const RESPOND_NODE = 'n8n-nodes-base.respondToWebhook';
const WAIT_NODE = 'n8n-nodes-base.wait';
const FORM_TRIGGER_NODE = 'n8n-nodes-base.formTrigger';
const CREDENTIAL_FOR: Record<string, string> = { basicAuth: 'httpBasicAuth', headerAuth: 'httpHeaderAuth', jwtAuth: 'jwtAuth' };

export interface WebhookServiceDeps {
  production: ProductionRegistry;
  test: TestRegistry;
  watch: ExecutionWatch;
  executions: ExecutionService;
  credentials: CredentialService;
  /** A workflow by id (the caller may cache). */
  findWorkflow: (id: string) => Promise<WorkflowDoc | undefined>;
  config: { bodyLimitBytes: number; maxJsonDepth: number; testTimeoutMs: number; publicUrl: string };
  logger: Logger;
  /** The key resume links of Send and Wait nodes are signed with (resume-secret.ts); unset: none is accepted. */
  resumeUrlSecret?: string;
  /** Production calls no Webhook node holds go here (community webhook nodes); true when answered. */
  nodeWebhooks?: (ctx: Context, path: string) => Promise<boolean>;
  /** Test listening for node-type webhook nodes (community ones): their entries, and answering their calls (true when answered). */
  nodeTestWebhooks?: {
    entries(doc: WorkflowDoc, definition: WorkflowDefinition): Promise<WebhookEntry[]>;
    answer(ctx: Context, listening: { doc: WorkflowDoc; definition: WorkflowDefinition; node: string; params: Record<string, string>; runCtx: RequestContext }): Promise<boolean>;
  };
}

export type WebhookService = ReturnType<typeof createWebhookService>;

/** The Webhook node's settings with n8n's defaults applied (stored JSON omits defaults). */
export function nodeSettings(node: WorkflowNode): WebhookNodeSettings & { authentication: string } {
  const p = (node.parameters ?? {}) as Record<string, unknown>;
  return {
    responseMode: String(p.responseMode ?? 'onReceived'),
    responseCode: Number(p.responseCode ?? 200),
    responseData: String(p.responseData ?? 'firstEntryJson'),
    responseBinaryPropertyName: String(p.responseBinaryPropertyName ?? 'data'),
    options: (p.options && typeof p.options === 'object' ? p.options : {}) as Record<string, unknown>,
    authentication: String(p.authentication ?? 'none'),
  };
}

interface Target {
  definition: WorkflowDefinition;
  workflow: { id: string; workspaceId: string; revision?: number; active: boolean };
  node: WorkflowNode;
  params: Record<string, string>;
  mode: 'production' | 'test';
  ctx: RequestContext;
}

export function createWebhookService(deps: WebhookServiceDeps) {
  const { production, test, watch, executions, logger } = deps;

  /** A call to a path nobody answers: the same 404 whether or not the path ever existed. */
  function notRegistered(method: string, path: string, kind: 'production' | 'test'): AppError {
    const hint = kind === 'test'
      ? 'Start listening for a test call first (POST /api/v1/workflows/:id/test-webhook); a test webhook answers one call.'
      : 'Activate the workflow that has this webhook.';
    return new AppError('not_found', `The requested webhook "${method} ${path}" is not registered. ${hint}`);
  }

  async function productionTarget(method: string, path: string): Promise<Target | undefined> {
    const match = await production.find(method, path);
    if (!match) return undefined;
    const found = await deps.findWorkflow(match.workflowId);
    if (!found || !found.active || found.deleted) return undefined;
    const doc = productionDoc(found);
    const node = doc.definition.nodes.find((n) => n.name === match.node);
    if (!node) return undefined;
    return {
      definition: doc.definition, workflow: { id: doc.id, workspaceId: doc.workspaceId, revision: doc.revision, active: true },
      node, params: match.params, mode: 'production', ctx: { actor: { kind: 'system', id: 'webhook' }, requestId: randomUUID() },
    };
  }

  async function allowedMethods(path: string, kind: 'production' | 'test'): Promise<string[]> {
    const found: string[] = [];
    for (const m of WEBHOOK_METHODS) {
      const hit = kind === 'production' ? await production.find(m, path) : await test.find(m, path);
      if (hit) found.push(m);
    }
    return found;
  }

  /** Handles `/webhook/<path>` and `/webhook-test/<path>`. */
  async function handle(ctx: Context, kind: 'production' | 'test', path: string): Promise<void> {
    const method = ctx.method.toUpperCase();
    if (method === 'OPTIONS') {
      const methods = await allowedMethods(path, kind);
      if (methods.length === 0) {
        // A node type's own webhook (the Chat Trigger embedded on another site) answers its preflight.
        if (kind === 'production' && deps.nodeWebhooks && (await deps.nodeWebhooks(ctx, path))) return;
        throw notRegistered(method, path, kind);
      }
      const target = kind === 'production' ? await productionTarget(methods[0], path) : undefined;
      answerPreflight(ctx, methods, target ? nodeSettings(target.node).options.allowedOrigins as string | undefined : '*');
      return;
    }
    let target: Target | undefined;
    if (kind === 'production') {
      target = await productionTarget(method, path);
    } else {
      const hit = await test.find(method, path);
      // A form's page (GET) starts no run: it leaves the listening to the submission that follows.
      const formPage = method === 'GET' && hit?.listener.definition.nodes.find((n) => n.name === hit.match.node)?.type === FORM_TRIGGER_NODE;
      if (hit) target = formPage ? listenerTarget(hit.listener, hit.match) : await testTarget(hit.listener.workflowId, hit.match);
      if (target && target.node.type !== WEBHOOK_NODE_TYPE && deps.nodeTestWebhooks) {
        const doc = await deps.findWorkflow(target.workflow.id);
        const listening = { definition: target.definition, node: target.node.name, params: target.params, runCtx: target.ctx };
        if (doc && (await deps.nodeTestWebhooks.answer(ctx, { doc, ...listening }))) return;
      }
    }
    if (!target && kind === 'production' && deps.nodeWebhooks && (await deps.nodeWebhooks(ctx, path))) return;
    if (!target) {
      const others = await allowedMethods(path, kind);
      if (others.length > 0) {
        throw new AppError('not_found', `This webhook is not registered for ${method} requests. Did you mean to make a ${others[0]} request?`);
      }
      throw notRegistered(method, path, kind);
    }
    await run(ctx, target, path);
  }

  async function testTarget(workflowId: string, match: Match): Promise<Target | undefined> {
    // One call per listening session, as in n8n: whoever claims the listener runs it.
    const listener = await test.claim(workflowId);
    return listener ? listenerTarget(listener, match) : undefined;
  }

  function listenerTarget(listener: TestListener, match: Match): Target | undefined {
    const workflowId = listener.workflowId;
    const node = listener.definition.nodes.find((n) => n.name === match.node);
    if (!node) return undefined;
    return {
      definition: listener.definition, workflow: { id: workflowId, workspaceId: listener.workspaceId, active: false },
      node, params: match.params, mode: 'test', ctx: { ...listener.actorCtx, requestId: randomUUID() },
    };
  }

  async function run(ctx: Context, target: Target, path: string): Promise<void> {
    const settings = nodeSettings(target.node);
    applyCors(ctx, settings.options.allowedOrigins as string | undefined);
    checkCaller(ctx, settings.options);
    const { jwtPayload } = await authenticateCall(ctx, settings.authentication, () => {
      const type = CREDENTIAL_FOR[settings.authentication];
      const ref = type ? target.node.credentials?.[type] : undefined;
      if (!ref?.id) throw new AppError('internal', `The webhook node has no ${type ?? settings.authentication} credential selected`);
      return deps.credentials.useInRun(ref.id, target.workflow.workspaceId, { purpose: `webhook ${target.node.name}` }, target.ctx);
    });
    const body = await readWebhookBody(ctx.req, {
      limitBytes: deps.config.bodyLimitBytes,
      maxDepth: deps.config.maxJsonDepth,
      rawBody: settings.options.rawBody === true,
      binaryData: settings.options.binaryData === true,
      binaryPropertyName: String(settings.options.binaryPropertyName ?? 'data') || 'data',
    });
    const base = target.mode === 'test' ? 'webhook-test' : 'webhook';
    const item: Item = {
      json: {
        headers: ctx.headers as Record<string, unknown>,
        params: target.params,
        query: { ...ctx.query },
        body: body.body,
        webhookUrl: `${deps.config.publicUrl}/${base}/${path}`,
        executionMode: target.mode === 'test' ? 'test' : 'production',
        ...(jwtPayload ? { jwtPayload } : {}),
      },
      ...(body.binary ? { binary: body.binary } : {}),
    };
    const started = await executions.startDefinition(
      target.definition, target.workflow,
      {
        mode: target.mode === 'test' ? 'manual' : 'webhook', startNode: target.node.name, triggerItems: [item], triggerOutput: methodOutput(target.node, ctx.method),
        ...(settings.responseMode === 'streaming' ? { streaming: true } : {}),
      },
      target.ctx,
    );
    // startDefinition resolves once the run's request is in the log: a call answered is never lost.
    ctx.set('X-Weft-Execution-Id', started.executionId);

    if (settings.responseMode === 'lastNode') {
      answerLastNode(ctx, settings, await started.lastNodeDone);
      return;
    }
    if (settings.responseMode === 'streaming') {
      answerStreaming(ctx, watch, started);
      return;
    }
    if (settings.responseMode === 'responseNode') {
      const done: Promise<RunResult> = started.lastNodeDone;
      const responders = new Set(target.definition.nodes.filter((n) => n.type === RESPOND_NODE && !n.disabled).map((n) => n.name));
      const answer = await watch.respondNodeAnswer(started.executionId, responders, done);
      if (answer) answerFromNode(ctx, answer);
      else answerWithoutResponder(ctx, await done.catch(() => undefined));
      return;
    }
    // Answered now: the run's end is not waited for here (the worker logs a crash).
    answerOnReceived(ctx, settings);
  }

  /** Whether the call carries this installation's signature for the run and the node in its path. */
  function isSignedLink(executionId: string, suffix: string, query: Record<string, unknown>): boolean {
    if (!deps.resumeUrlSecret || suffix === '') return false;
    let nodeId: string;
    try {
      nodeId = decodeURIComponent(suffix);
    } catch {
      return false;
    }
    return isResumeSignatureValid(deps.resumeUrlSecret, executionId, nodeId, query);
  }

  /** n8n's waiting webhook of a send-and-wait node: signed links only; the node decides the answer. */
  async function resumeSendAndWait(ctx: Context, executionId: string, suffix: string, node: WorkflowNode, signed: boolean): Promise<void> {
    if (!signed) {
      ctx.status = 401;
      ctx.body = { error: 'Invalid token' };
      return;
    }
    // Signed for another node of this run: a question asked earlier and already answered.
    if (decodeURIComponent(suffix) !== (node.id ?? node.name)) return answerHtml(ctx, 200, NO_ACTION_REQUIRED_PAGE);
    const body = ctx.method === 'POST'
      ? await readWebhookBody(ctx.req, { limitBytes: deps.config.bodyLimitBytes, maxDepth: deps.config.maxJsonDepth, rawBody: false, binaryData: false, binaryPropertyName: 'data' })
      : { body: {} };
    const answer = answerSendAndWaitCall({
      method: ctx.method, headers: ctx.headers as Record<string, unknown>, query: { ...ctx.query }, body: body.body, binary: body.binary,
      nodeContext: await watch.nodeContext(executionId, node.name), parameters: (node.parameters ?? {}) as Record<string, unknown>,
    });
    if (answer.items) await executions.resume(executionId, answer.items, { actor: { kind: 'system', id: 'webhook' }, requestId: randomUUID() });
    if (answer.headers) ctx.set(answer.headers);
    answerHtml(ctx, answer.status, answer.html);
  }

  /** A Wait node's "On Form Submitted": GET shows its form, a valid POST resumes the run with the answers. */
  async function resumeForm(ctx: Context, executionId: string, node: WorkflowNode, formMode: 'test' | 'production'): Promise<void> {
    const body = ctx.method === 'POST'
      ? await readWebhookBody(ctx.req, { limitBytes: deps.config.bodyLimitBytes, maxDepth: deps.config.maxJsonDepth, rawBody: false, binaryData: false, binaryPropertyName: 'data' })
      : { body: {} };
    const parameters = (node.parameters ?? {}) as Record<string, unknown>;
    const answer = answerWaitingFormCall({ method: ctx.method, query: { ...ctx.query }, body: body.body, binary: body.binary, parameters, formMode, timezone: 'UTC' });
    if (answer.items) {
      const resumed = await executions.resume(executionId, answer.items, { actor: { kind: 'system', id: 'webhook' }, requestId: randomUUID() });
      ctx.set('X-Weft-Execution-Id', executionId);
      // "Workflow Finishes": the completion page once the resumed run has ended.
      if (parameters.responseMode === 'lastNode') await resumed.lastNodeDone.catch(() => undefined);
    }
    ctx.set(answer.page.headers);
    answerHtml(ctx, answer.status, answer.page.html);
  }

  /**
   * A Form node's page (a multi-page form): GET shows it, a valid POST resumes the run with its
   * answers and, once the run parks at the next page or ends, sends the browser on to what follows.
   */
  async function resumeFormPage(ctx: Context, executionId: string, node: WorkflowNode, formMode: 'test' | 'production'): Promise<void> {
    const body = ctx.method === 'POST'
      ? await readWebhookBody(ctx.req, { limitBytes: deps.config.bodyLimitBytes, maxDepth: deps.config.maxJsonDepth, rawBody: false, binaryData: false, binaryPropertyName: 'data' })
      : { body: {} };
    const context = await watch.nodeContext(executionId, node.name);
    const defaultTitle = (await runFormTrigger(executions, executionId)).title;
    const answer = answerFormNodeCall({ method: ctx.method, query: { ...ctx.query }, body: body.body, binary: body.binary, context, formMode, timezone: 'UTC', defaultTitle });
    if (answer.items) {
      const resumed = await executions.resume(executionId, answer.items, { actor: { kind: 'system', id: 'webhook' }, requestId: randomUUID() });
      await resumed.ended.catch(() => undefined);
      // The read model still says "waiting" until it has seen the park or end: the browser's next call reads it.
      await executions.settle();
      answerFormNext(ctx, executionId);
      return;
    }
    ctx.set(answer.page.headers);
    answerHtml(ctx, answer.status, answer.page.html);
  }

  return {
    handle,

    /** Starts listening for one test call of the workflow's webhooks; returns their test URLs under `baseUrl`. */
    async listen(doc: WorkflowDoc, ctx: RequestContext, baseUrl = deps.config.publicUrl, definition: WorkflowDefinition = doc.definition) {
      if (doc.deleted) throw new ConflictError('The workflow is deleted; restore it first');
      const entries = [...webhooksOf(definition, doc.id), ...((await deps.nodeTestWebhooks?.entries(doc, definition)) ?? [])];
      if (entries.length === 0) throw new AppError('validation_failed', 'The workflow has no enabled Webhook node (or other webhook trigger) to listen with');
      const clash = await test.conflicting(entries, doc.id);
      if (clash) throw new ConflictError('Another workflow is already listening for test calls on one of these paths; try again when it is done');
      const expiresAt = Date.now() + deps.config.testTimeoutMs;
      await test.listen({ workflowId: doc.id, workspaceId: doc.workspaceId, entries, expiresAt, definition, actorCtx: ctx });
      return {
        workflowId: doc.id,
        expiresAt: new Date(expiresAt).toISOString(),
        webhooks: entries.map((e) => ({ method: e.method, node: e.node, url: `${baseUrl}/webhook-test/${e.path}` })),
      };
    },

    stopListening: (workflowId: string) => test.stop(workflowId),

    /**
     * `/webhook-waiting/<executionId>[/<suffix>]`: resumes a run parked in a Wait node set to
     * resume on a webhook call; the call's data becomes the Wait node's output.
     */
    async resume(ctx: Context, executionId: string, suffix: string, form = false): Promise<void> {
      let doc = await executions.find(executionId);
      if (form && (!doc || doc.status === 'running' || doc.status === 'new')) {
        // The browser comes straight after the run parked at its next page or ended: the read
        // model may not have seen that yet.
        await executions.settle();
        doc = await executions.find(executionId);
      }
      if (!doc || doc.deleted) throw new NotFoundError('Execution', executionId);
      const signed = isSignedLink(executionId, suffix, ctx.query);
      if (doc.status !== 'waiting') {
        // A Send and Wait link used again once its question is over (n8n's "no action required").
        if (signed) return answerHtml(ctx, 200, NO_ACTION_REQUIRED_PAGE);
        // A multi-page form whose run is over shows its ending (n8n's WaitingForms completion page).
        if (form && ctx.method === 'GET' && ['success', 'error', 'crashed', 'canceled'].includes(String(doc.status))) {
          return answerFormEnding(ctx, watch, executions, executionId, String(doc.status));
        }
        throw new ConflictError(`The execution "${executionId}" is not waiting (it is ${String(doc.status)})`);
      }
      const node = await watch.waitingNode(executionId);
      if (node && isSendAndWaitNode(node.parameters)) return resumeSendAndWait(ctx, executionId, suffix, node, signed);
      if (node && node.type === FORM_NODE_TYPE) return resumeFormPage(ctx, executionId, node, doc.mode === 'manual' ? 'test' : 'production');
      if (node && waitsForForm(node)) return resumeForm(ctx, executionId, node, doc.mode === 'manual' ? 'test' : 'production');
      const p = (node?.parameters ?? {}) as Record<string, unknown>;
      if (!node || node.type !== WAIT_NODE || (p.resume !== 'webhook' && p.resume !== 'form')) {
        throw new ConflictError(`The execution "${executionId}" is waiting for a time, not for a webhook call`);
      }
      const method = String(p.httpMethod ?? 'GET').toUpperCase();
      const wantedSuffix = String((p.options as Record<string, unknown> | undefined)?.webhookSuffix ?? '').replace(/^\/+|\/+$/g, '');
      if (ctx.method.toUpperCase() !== method || suffix !== wantedSuffix) {
        throw new AppError('not_found', `The execution "${executionId}" waits for a ${method} call${wantedSuffix ? ` on /${wantedSuffix}` : ''}`);
      }
      const runCtx: RequestContext = { actor: { kind: 'system', id: 'webhook' }, requestId: randomUUID() };
      if (p.incomingAuthentication === 'basicAuth') {
        await authenticateCall(ctx, 'basicAuth', () => {
          const ref = node.credentials?.httpBasicAuth;
          if (!ref?.id) throw new AppError('internal', 'The Wait node has no httpBasicAuth credential selected');
          return deps.credentials.useInRun(ref.id, doc.workspaceId ?? '', { executionId, purpose: `resume ${node.name}` }, runCtx);
        });
      }
      const body = await readWebhookBody(ctx.req, { limitBytes: deps.config.bodyLimitBytes, maxDepth: deps.config.maxJsonDepth, rawBody: false, binaryData: false, binaryPropertyName: 'data' });
      const item: Item = {
        json: { headers: ctx.headers as Record<string, unknown>, params: {}, query: { ...ctx.query }, body: body.body },
        ...(body.binary ? { binary: body.binary } : {}),
      };
      // Answered once the resume is recorded and queued.
      const resumed = await executions.resume(executionId, [item], runCtx);
      const settings = nodeSettings(node);
      if (settings.responseMode === 'lastNode') {
        answerLastNode(ctx, settings, await resumed.lastNodeDone);
        return;
      }
      answerOnReceived(ctx, settings);
    },
  };
}

function answerHtml(ctx: Context, status: number, html: string): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = html;
}

/** A Webhook listening to several HTTP methods has an output per method, in the order listed. */
function methodOutput(node: { parameters?: Record<string, unknown> }, method: string): number {
  const p = node.parameters ?? {};
  if (p.multipleMethods !== true || !Array.isArray(p.httpMethod)) return 0;
  return Math.max(0, p.httpMethod.map((m) => String(m).toUpperCase()).indexOf(method.toUpperCase()));
}
