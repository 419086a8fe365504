// `weft test [workflow id | file | folder] [--junit file] [--url URL] [--api-key KEY]`: runs workflow
// tests, on a running instance (an id) or on the local engine (workflow files with a `tests` key).
import { readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError, parseWorkflowJson, parseWorkflowFileTests, type WorkflowTestCase } from '../../domain/index.ts';
import { createLocalRunner, readJsonFile } from '../cli-engine.ts';
import { callRemote, CliUsageError, remoteMessage, remoteTarget } from '../cli-remote.ts';
import { loadConfig } from '../config.ts';
import { toJUnitXml, type JUnitSuite } from '../shared-reports/index.ts';
import { runTestCases, toJUnitSuite, type TestRunReport } from './run-cases.ts';

const USAGE = 'Usage: test <workflow id | workflow.json | folder> [--junit report.xml] [--url http://host:5678] [--api-key KEY]';
const ID = /^[A-Za-z0-9_-]{1,64}$/;

interface WorkflowReport { name: string; report: TestRunReport }

export async function testVerb(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args, allowPositionals: true,
    options: { junit: { type: 'string' }, url: { type: 'string' }, 'api-key': { type: 'string' } },
  });
  const [target] = positionals;
  if (!target || positionals.length > 1) throw new AppError('validation_failed', USAGE);
  const onDisk = await stat(target).catch(() => undefined);
  let reports: WorkflowReport[];
  if (onDisk) reports = await runLocal(onDisk.isDirectory() ? await workflowFiles(target) : [target]);
  else if (ID.test(target)) reports = [await runRemote(target, values.url, values['api-key'])];
  else throw new AppError('validation_failed', `No file or folder '${target}', and it is not a workflow id. ${USAGE}`);
  for (const { name, report } of reports) print(name, report);
  const suites: JUnitSuite[] = reports.map((r) => toJUnitSuite(r.name, r.report));
  if (values.junit) await writeFile(values.junit, toJUnitXml(suites));
  const failed = reports.reduce((n, r) => n + r.report.failed, 0);
  const total = reports.reduce((n, r) => n + r.report.cases.length, 0);
  console.log(`\n${total - failed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

/** The `.json` files of a folder, in name order (not its subfolders). */
async function workflowFiles(folder: string): Promise<string[]> {
  const names = (await readdir(folder)).filter((n) => n.endsWith('.json')).sort();
  return names.map((n) => path.join(folder, n));
}

/** Each file: an n8n workflow with its cases under `tests` (a Weft key n8n ignores). */
async function runLocal(files: string[]): Promise<WorkflowReport[]> {
  const reports: WorkflowReport[] = [];
  for (const file of files) {
    const raw = await readJsonFile(file, 'the workflow');
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new AppError('validation_failed', `${file}: a workflow file holds one workflow object`);
    const { tests: rawTests, ...workflow } = raw as Record<string, unknown>;
    const definition = parseWorkflowJson(workflow).definition;
    let tests: WorkflowTestCase[];
    try {
      tests = parseWorkflowFileTests(rawTests);
    } catch (error) {
      throw new AppError('validation_failed', `${file}: ${(error as AppError).message}`, (error as AppError).details);
    }
    const workflowId = String(workflow.id ?? path.basename(file, '.json'));
    const local = createLocalRunner(workflowId, "'test <file>'");
    try {
      const report = await runTestCases(definition, tests, {
        evaluator: local.evaluator, timezone: loadConfig().timezone, workflowId,
        run: async (input) => {
          const pinData = input.pinData ? { ...definition.pinData, ...input.pinData } : undefined;
          return { result: await local.run(definition, { mode: 'manual', triggerItems: input.triggerItems, ...(pinData ? { pinData } : {}) }), executionId: 'local' };
        },
      });
      // Local runs are not recorded anywhere: no execution id to show.
      for (const c of report.cases) delete c.executionId;
      reports.push({ name: definition.name, report });
    } finally {
      local.dispose();
    }
  }
  return reports;
}

/** Asks a running instance to run a stored workflow's tests (its draft, recorded as manual runs). */
async function runRemote(id: string, url: string | undefined, apiKey: string | undefined): Promise<WorkflowReport> {
  const target = await remoteTarget(url, apiKey);
  const answer = async <T>(route: string, init: RequestInit = {}): Promise<T> => {
    const res = await callRemote<T>(target, route, init);
    if (res.status >= 300) throw new CliUsageError(`${init.method ?? 'GET'} ${route}: ${res.status} ${remoteMessage(res.body)}`);
    return res.body;
  };
  const workflow = await answer<{ name?: string }>(`/api/v1/workflows/${id}`);
  const report = await answer<TestRunReport>(`/api/v1/workflows/${id}/tests/run`, { method: 'POST', body: '{}' });
  return { name: workflow.name ?? id, report };
}

function print(name: string, report: TestRunReport): void {
  console.log(`${name}: ${report.passed} passed, ${report.failed} failed`);
  for (const c of report.cases) {
    console.log(`  ${c.passed ? 'PASS' : 'FAIL'}  ${c.name}${c.executionId ? `  (run ${c.executionId})` : ''}`);
    if (c.error) console.log(`        ${c.error}`);
    for (const e of c.expectations.filter((x) => !x.passed)) {
      console.log(`        ${e.node} ${e.kind}${e.item !== undefined ? ` [item ${e.item}]` : ''}: ${e.message}`);
      console.log(`          expected: ${JSON.stringify(e.expected)}`);
      console.log(`          actual:   ${JSON.stringify(e.actual)}`);
    }
  }
}
