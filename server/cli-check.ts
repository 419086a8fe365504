// `weft check`: checks a workflow's draft against its past production runs on a running instance,
// over its REST API, for CI pipelines: a readable summary, an exit code, and optionally JUnit XML.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { callRemote, CliUsageError, remoteMessage, remoteTarget, type RemoteTarget } from './cli-remote.ts';
import { PRODUCT } from './product.ts';
import { toJUnitXml, type JUnitSuite } from './shared-reports/index.ts';

const USAGE = `Usage: ${PRODUCT.bin} check <workflow id or name> [--runs N] [--executions id,id] [--junit file] [--url U] [--api-key K]`;

/** What the check route answers (server/publishing/routes.ts). */
interface CheckReport {
  clean: boolean;
  revision: number;
  counts: Record<'same' | 'changed' | 'newError' | 'stopped' | 'notChecked', number>;
  runs: {
    executionId: string;
    checkExecutionId?: string;
    outcome: string;
    nodes: { node: string; status: string; reason?: string }[];
    sameNodes?: string[];
    error?: string;
  }[];
}

/** The workflow's id: the argument itself when it is one, else the one workflow with exactly that name. */
async function resolveWorkflow(target: RemoteTarget, ref: string): Promise<{ id: string; name: string }> {
  if (/^[A-Za-z0-9_-]{1,64}$/.test(ref)) {
    const byId = await callRemote<{ id: string; name: string }>(target, `/api/v1/workflows/${ref}`);
    if (byId.status === 200) return { id: byId.body.id, name: byId.body.name };
    if (byId.status !== 404) throw new CliUsageError(`Reading workflow ${ref}: ${byId.status} ${remoteMessage(byId.body)}`);
  }
  const matches: { id: string; name: string }[] = [];
  let cursor: string | null = null;
  do {
    const page: { status: number; body: { data: { id: string; name: string }[]; nextCursor: string | null } } = await callRemote(
      target, `/api/v1/workflows?name=${encodeURIComponent(ref.slice(0, 128))}&limit=250${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (page.status !== 200) throw new CliUsageError(`Listing workflows: ${page.status} ${remoteMessage(page.body)}`);
    matches.push(...page.body.data.filter((w) => w.name === ref));
    cursor = page.body.nextCursor;
  } while (cursor);
  if (matches.length === 0) throw new CliUsageError(`No workflow has the id or name '${ref}'`);
  if (matches.length > 1) throw new CliUsageError(`${matches.length} workflows are named '${ref}' (${matches.map((m) => m.id).join(', ')}): give the id`);
  return matches[0];
}

const LABELS: Record<string, string> = { same: 'same', changed: 'changed', added: 'added', removed: 'removed', newError: 'new error', fixed: 'fixed', stopped: 'stopped', notChecked: 'not checked' };

/** The summary for the terminal: one line per run, one indented line per node that differs. */
export function describeReport(workflow: { id: string; name: string }, report: CheckReport): string {
  const c = report.counts;
  const lines = [`Checked the draft of '${workflow.name}' (${workflow.id}, revision ${report.revision}) against ${report.runs.length} production run${report.runs.length === 1 ? '' : 's'}`];
  for (const run of report.runs) {
    const same = run.sameNodes?.length ? `, ${run.sameNodes.length} node${run.sameNodes.length === 1 ? '' : 's'} the same` : '';
    lines.push(`  run ${run.executionId}: ${LABELS[run.outcome] ?? run.outcome}${same}${run.error ? ` (${run.error})` : ''}`);
    for (const node of run.nodes) lines.push(`    ${node.node}: ${LABELS[node.status] ?? node.status}${node.reason ? ` (${node.reason})` : ''}`);
  }
  lines.push(`${report.clean ? 'CLEAN' : 'NOT CLEAN'}: ${c.same} same, ${c.changed} changed, ${c.newError} new error, ${c.stopped} stopped, ${c.notChecked} not checked`);
  return lines.join('\n');
}

/** One suite per checked run, one case per node: changed output and new errors fail, stopped nodes are skipped with the reason. */
export function toJUnitSuites(workflow: { id: string; name: string }, report: CheckReport): JUnitSuite[] {
  return report.runs.map((run) => {
    const classname = `${workflow.name}.run-${run.executionId}`;
    const cases: JUnitSuite['cases'] = (run.sameNodes ?? []).map((node) => ({ name: node, classname }));
    for (const node of run.nodes) {
      if (node.status === 'stopped') cases.push({ name: node.node, classname, skipped: node.reason ?? 'not called during the check' });
      else if (node.status === 'fixed') cases.push({ name: node.node, classname });
      else cases.push({ name: node.node, classname, failure: { message: `${LABELS[node.status] ?? node.status} compared with run ${run.executionId}`, body: checkLink(run) } });
    }
    if (run.error) cases.push({ name: '(run)', classname, failure: { message: run.error } });
    return { name: `${workflow.name}: run ${run.executionId}`, cases };
  });
}

const checkLink = (run: CheckReport['runs'][number]) => (run.checkExecutionId ? `The check ran as execution ${run.checkExecutionId}` : undefined);

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 50) throw new CliUsageError(`${flag} must be a whole number from 1 to 50, not '${value}'`);
  return n;
}

export async function checkVerb(args: string[]): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args, allowPositionals: true, strict: true,
        options: { runs: { type: 'string' }, executions: { type: 'string' }, junit: { type: 'string' }, url: { type: 'string' }, 'api-key': { type: 'string' } },
      });
    } catch (error) {
      throw new CliUsageError((error as Error).message);
    }
    const { values, positionals } = parsed;
    if (positionals.length !== 1) throw new CliUsageError(positionals.length ? 'Give one workflow' : 'Which workflow?');
    if (values.runs !== undefined && values.executions !== undefined) throw new CliUsageError('Give --runs or --executions, not both');
    const runs = positiveInt(values.runs, '--runs');
    const executionIds = values.executions?.split(',').map((s) => s.trim()).filter(Boolean);
    if (executionIds && executionIds.length === 0) throw new CliUsageError('--executions needs at least one execution id');
    const target = await remoteTarget(values.url, values['api-key']);

    const workflow = await resolveWorkflow(target, positionals[0]);
    const res = await callRemote<CheckReport>(target, `/api/v1/workflows/${workflow.id}/check`, {
      method: 'POST', body: JSON.stringify(executionIds ? { executionIds } : runs ? { runs } : {}),
    });
    if (res.status !== 200) throw new CliUsageError(`The check was refused: ${res.status} ${remoteMessage(res.body)}`);
    console.log(describeReport(workflow, res.body));
    if (values.junit) {
      await writeFile(values.junit, toJUnitXml(toJUnitSuites(workflow, res.body)));
      console.log(`JUnit report written to ${values.junit}`);
    }
    return res.body.clean ? 0 : 1;
  } catch (error) {
    if (error instanceof CliUsageError) {
      console.error(`${error.message}\n${USAGE}`);
      return 2;
    }
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
}
