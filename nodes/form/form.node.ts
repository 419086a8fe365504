// n8n Form (n8n-nodes-base.form v1, 2.3): a further page of a Form Trigger's form, or its ending.
// "Next Form Page" records the page (parameters resolved now) and parks the run like Wait; the page
// is served on /form-waiting/<executionId> and a valid submission resumes the run with its answers
// as this node's output (only this page's fields, as in n8n; earlier pages stay on their nodes).
// "Form Ending" records the ending screen and passes its input on; the run then ends and the
// browser, sent to /form-waiting/<executionId>, is shown that screen or redirected.
import { NodeOperationError, type ExecuteContext, type JsonObject, type NodeOutput, type NodeType } from '../../engine/index.ts';
import { formPlacementIssues } from '../../domain/index.ts';
import { collection, param } from '../shared/params.ts';
import { customFormFields } from '../shared/send-and-wait/send-and-wait-config.ts';
import { intervalEnd, parseDateTime, WAIT_INDEFINITELY } from '../wait/wait-time.ts';
import { formProperties } from './form.description.ts';
import { FORM_ENDING_KEY, FORM_PAGE_KEY, type FormEndingSpec, type FormPageSpec } from '../shared/form-page/index.ts';

/** n8n's configureWaitTillDate(context, 'root'): the optional limit, else until submitted. */
function waitTill(ctx: ExecuteContext, now = Date.now()): Date {
  if (param(ctx, 'limitWaitTime', 0, false) !== true) return WAIT_INDEFINITELY;
  if (param(ctx, 'limitType', 0, 'afterTimeInterval') === 'atSpecifiedTime') {
    const date = parseDateTime(param<unknown>(ctx, 'maxDateAndTime', 0, ''), ctx.timezone);
    if (!date) throw new NodeOperationError(ctx.node.name, 'Could not configure Limit Wait Time', { description: 'Invalid date format' });
    return date;
  }
  return intervalEnd(Number(param(ctx, 'resumeAmount', 0, 1)), param(ctx, 'resumeUnit', 0, 'hours'), now);
}

const text = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

function pageSpec(ctx: ExecuteContext): FormPageSpec {
  const options = collection(ctx, 'options', 0);
  return {
    formTitle: text(options.formTitle),
    formDescription: text(options.formDescription).replace(/\\n/g, '\n'),
    fields: customFormFields(ctx) as JsonObject[],
    buttonLabel: text(options.buttonLabel) || 'Submit',
    customCss: text(options.customCss),
  };
}

function endingSpec(ctx: ExecuteContext): FormEndingSpec {
  const respondWith = param(ctx, 'respondWith', 0, 'text');
  const options = collection(ctx, 'options', 0);
  let file: FormEndingSpec['file'] = null;
  if (respondWith === 'returnBinary') {
    const field = param(ctx, 'inputDataFieldName', 0, 'data');
    const found = ctx.getInputData().map((item) => item.binary?.[field]).find(Boolean);
    if (!found) throw new NodeOperationError(ctx.node.name, `No binary data with field ${field} found.`);
    file = { data: found.data, mimeType: found.mimeType, fileName: found.fileName ?? 'file' };
  }
  const redirectUrl = respondWith === 'redirect' ? text(param(ctx, 'redirectUrl', 0, '')).trim() : '';
  if (respondWith === 'redirect' && !redirectUrl) throw new NodeOperationError(ctx.node.name, 'The URL to redirect to is empty');
  return {
    respondWith,
    title: text(options.formTitle),
    completionTitle: respondWith === 'text' || respondWith === 'returnBinary' ? text(param(ctx, 'completionTitle', 0, '')) : '',
    completionMessage: respondWith === 'text' || respondWith === 'returnBinary' ? text(param(ctx, 'completionMessage', 0, '')) : '',
    redirectUrl,
    responseText: respondWith === 'showText' ? text(param(ctx, 'responseText', 0, '')) : '',
    customCss: text(options.customCss),
    file,
  };
}

async function execute(ctx: ExecuteContext): Promise<NodeOutput> {
  // n8n's check when the node runs (the editor reports the same as a node issue).
  const [misplaced] = formPlacementIssues(ctx.node, ctx.getParentNodes?.(ctx.node.name) ?? [], ctx.getChildNodes?.(ctx.node.name) ?? []);
  if (misplaced) throw new NodeOperationError(ctx.node.name, misplaced);
  const state = ctx.getContext('node');
  if (param(ctx, 'operation', 0, 'page') === 'completion') {
    state[FORM_ENDING_KEY] = endingSpec(ctx);
    return [ctx.getInputData()];
  }
  state[FORM_PAGE_KEY] = pageSpec(ctx);
  // The page may be answered at any time, on any server: the run parks and holds no worker.
  ctx.putExecutionToWait(waitTill(ctx));
  return [ctx.getInputData()];
}

export const formNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.form',
    displayName: 'n8n Form',
    icon: 'fa:list-alt',
    group: ['input'],
    version: [1, 2.3],
    description: 'Generate webforms in n8n and pass their responses to the workflow',
    defaults: { name: 'Form' },
    inputs: ['main'],
    outputs: ['main'],
    properties: formProperties,
  },
  execute,
};
