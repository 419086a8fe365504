// The server's side of multi-page forms (n8n's Form node): after a page is submitted the browser is
// sent on to `/form-waiting/<executionId>`, which shows the page of the Form node the run is parked
// in, or, once the run is over, its ending (nodes/form/form-pages.ts says what each shows).
import type { Context } from 'koa';
import { formEndingAnswer, formTriggerDefaults, FORM_ENDING_KEY } from '../../nodes/index.ts';
import type { ExecutionService } from '../executions/execution-service.ts';
import type { ExecutionWatch } from './execution-watch.ts';

/** Where the next page of a run's form is served (relative: right behind any proxy or PUBLIC_URL). */
export const formWaitingPath = (executionId: string): string => `/form-waiting/${encodeURIComponent(executionId)}`;

/**
 * Sends the browser on to the run's next page: the hosted page's script asks for JSON
 * (`x-form-script`) and follows `formWaitingUrl` as n8n's page does; a plain form post gets a 303.
 */
export function answerFormNext(ctx: Context, executionId: string): void {
  const url = formWaitingPath(executionId);
  ctx.set('X-Weft-Execution-Id', executionId);
  if (ctx.get('x-form-script') === '1') {
    ctx.status = 200;
    ctx.body = { formWaitingUrl: url };
    return;
  }
  ctx.redirect(url);
  ctx.status = 303;
}

/** The title and completion text of the Form Trigger of the workflow as the run ran it. */
export async function runFormTrigger(executions: ExecutionService, executionId: string): Promise<{ title: string; text: string }> {
  return formTriggerDefaults((await executions.workflowOf(executionId)).definition);
}

/** GET `/form-waiting/<id>` of a run that is over: the ending its last "Form Ending" node recorded, or the redirect. */
export async function answerFormEnding(ctx: Context, watch: ExecutionWatch, executions: ExecutionService, executionId: string, status: string): Promise<void> {
  const answer = formEndingAnswer(await watch.lastNodeContextWith(executionId, FORM_ENDING_KEY), status !== 'success', await runFormTrigger(executions, executionId));
  if ('redirect' in answer) {
    ctx.redirect(answer.redirect);
    return;
  }
  ctx.set(answer.page.headers);
  ctx.status = answer.status;
  ctx.body = answer.page.html;
}
