// The `weft` verbs that open the data folder (projections, users, API keys, workflows): loaded only
// when one runs, so that `weft --help` does not load the whole server.
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError, DEFAULT_WORKSPACE_ID } from '../domain/index.ts';
import type { WorkflowDoc } from '../projections/index.ts';
import { SYSTEM_CONTEXT } from './auth/identity-service.ts';
import { readJsonFile } from './cli-engine.ts';
import { HELP } from './cli-help.ts';
import { loadConfig } from './config.ts';
import { resolveIncomingCredentials } from './credentials/credential-references.ts';
import { createLogger } from './logger.ts';
import { PRODUCT } from './product.ts';
import { readWorkflowInput, toN8nExport } from './routes/workflow-json.ts';
import { ALL_PROJECTIONS, createProjectionRunner, openEventStore, openReadModels, startRuntime, type Runtime } from './runtime.ts';

/** An error as one line for the terminal: the message, and the details of a validation error. */
function describeError(error: unknown): string {
  if (error instanceof AppError && error.details.length) {
    return `${error.message}: ${error.details.map((d) => (d.path ? `${d.path} ${d.message}` : d.message)).join('; ')}`;
  }
  return error instanceof Error ? error.message : String(error);
}

export async function reportErrors(work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (error) {
    console.error(describeError(error));
    return 2;
  }
}

export async function projections([action, name]: string[]): Promise<number> {
  if (action !== 'status' && action !== 'rebuild') {
    console.error(`Usage: ${PRODUCT.bin} projections status | rebuild <name>`);
    return 2;
  }
  const selected = action === 'rebuild' ? ALL_PROJECTIONS.filter((p) => p.name === name) : ALL_PROJECTIONS;
  if (selected.length === 0) {
    console.error(`Unknown projection '${name ?? ''}'. Known: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`);
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger({ ...config, logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel }, true);
  const events = openEventStore(config, logger);
  const readModels = openReadModels(config);
  try {
    for (const projection of selected) {
      const runner = createProjectionRunner(projection, events, readModels, logger);
      await runner.start();
      if (action === 'rebuild') {
        const started = Date.now();
        const status = await runner.rebuild();
        console.log(`${projection.name}: rebuilt into ${status.activeKey} up to position ${status.checkpoint} in ${Date.now() - started} ms, ${quarantinedText(projection.name, status.quarantined)}`);
      } else {
        await runner.waitFor(await events.headPosition(), 60_000);
        const s = runner.status();
        console.log(`${s.name.padEnd(18)} v${s.version}  serving ${s.activeKey}  checkpoint ${s.checkpoint}  quarantined ${s.quarantined}`);
      }
      await runner.stop();
    }
    return 0;
  } finally {
    await events.close();
    await readModels.close();
  }
}

/** How many events a rebuild set aside, and where to read them. */
function quarantinedText(name: string, count: number): string {
  if (count === 0) return '0 events quarantined';
  return `${count} event${count === 1 ? '' : 's'} quarantined (it could not apply them; see GET /api/v1/admin/projections/${name}/quarantine)`;
}

/** Workflow verbs work on the data directly (the server may run at the same time). */
export async function workflowVerb(verb: string, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { input: { type: 'string' }, output: { type: 'string' }, id: { type: 'string' }, all: { type: 'boolean' }, active: { type: 'string' }, workspace: { type: 'string' } },
  });
  const config = loadConfig();
  const runtime = await startRuntime(config, createLogger({ ...config, logLevel: 'warn' }, true), { role: 'api' });
  const ctx = SYSTEM_CONTEXT(randomUUID());
  const workspaceId = values.workspace ?? DEFAULT_WORKSPACE_ID;
  try {
    if (verb === 'import') {
      if (!values.input) throw new AppError('validation_failed', `Usage: ${PRODUCT.bin} import --input file.json`);
      const raw = await readJsonFile(values.input, 'the workflows', config.jsonMaxDepth);
      const list = (Array.isArray(raw) ? raw : [raw]) as Record<string, unknown>[];
      // A workflow without a name (clipboard or template JSON) is named after its file.
      const defaultName = Array.isArray(raw) ? undefined : basename(values.input, extname(values.input)) || undefined;
      const prefix = (i: number) => (Array.isArray(raw) ? `${i}.` : '');
      const items = list.map((w, i) => ({ ...readWorkflowInput(w, prefix(i), { defaultName }), pathPrefix: prefix(i) }));
      await resolveIncomingCredentials(runtime.credentials, workspaceId, items);
      const imported = await runtime.workflows.import(workspaceId, items.map((it) => ({ ...it, tags: it.tags ?? [] })), ctx);
      for (const w of imported) console.log(`imported ${w.id}  ${w.name}${w.requestedId ? ` (id ${w.requestedId} was taken)` : ''}`);
      for (const change of items.flatMap((it) => it.changes)) console.error(`normalised ${change.path}: ${change.message}`);
      return 0;
    }
    if (verb === 'export') {
      if (!values.id && !values.all) throw new AppError('validation_failed', `Usage: ${PRODUCT.bin} export --id ID | --all`);
      const docs = values.id ? [await runtime.workflows.get(values.id)] : await allWorkflows(runtime, workspaceId);
      const exported = await Promise.all(docs.map(async (doc) => toN8nExport(doc, await runtime.workflows.testCases(doc.id))));
      const text = JSON.stringify(values.id ? exported[0] : exported, null, 2);
      if (values.output) await writeFile(values.output, text);
      else console.log(text);
      return 0;
    }
    const active = values.active === undefined ? undefined : values.active === 'true';
    for (const w of await allWorkflows(runtime, workspaceId, active)) console.log(`${w.id}  ${w.active ? 'active  ' : 'inactive'}  ${w.name}`);
    return 0;
  } catch (error) {
    console.error(describeError(error));
    return 1;
  } finally {
    await runtime.close();
  }
}

/** Every workflow of a workspace, page by page (a page holds at most 250). */
async function allWorkflows(runtime: Runtime, workspaceId: string, active?: boolean): Promise<WorkflowDoc[]> {
  const all: WorkflowDoc[] = [];
  let cursor: string | undefined;
  do {
    const page = await runtime.workflows.list({ workspaceId, active, limit: 250, cursor });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

/** User and API key verbs run on the data directly (the server may run at the same time). */
export async function identityVerb(verb: string, args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args, allowPositionals: true,
    options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' }, owner: { type: 'boolean' }, workspace: { type: 'string' }, label: { type: 'string' } },
  });
  const action = positionals[0];
  const config = loadConfig();
  const runtime = await startRuntime(config, createLogger({ ...config, logLevel: 'warn' }, true), { role: 'api' });
  const ctx = SYSTEM_CONTEXT(randomUUID());
  try {
    if (verb === 'users' && action === 'list') {
      for (const u of await runtime.identity.listUsers()) console.log(`${u.id}  ${u.email.padEnd(32)} ${u.instanceRole}${u.disabled ? ' (disabled)' : ''}`);
      return 0;
    }
    if (verb === 'users' && action === 'create' && values.email && values.password) {
      const first = (await runtime.identity.userCount()) === 0;
      const input = { email: values.email, password: values.password, name: values.name ?? values.email.split('@')[0] };
      const user = first || values.owner
        ? first ? await runtime.identity.setupOwner(input, ctx) : await runtime.identity.register({ ...input, instanceRole: 'owner' }, ctx)
        : await runtime.identity.register(input, ctx);
      // A member made here joins the default workspace as an editor, so the account is usable at once.
      if (user.instanceRole === 'member' && (await runtime.workspaces.get(DEFAULT_WORKSPACE_ID))) {
        await runtime.workspaces.addMember(DEFAULT_WORKSPACE_ID, user.id, 'editor', ctx);
      }
      console.log(`created ${user.instanceRole} ${user.email} (${user.id})`);
      return 0;
    }
    if (verb === 'apikey' && action === 'create' && values.email) {
      const user = await runtime.identity.userByEmail(values.email.trim().toLowerCase());
      if (!user) throw new AppError('not_found', `No user with email ${values.email}`);
      const principal = { userId: user.id, email: user.email, name: user.name, instanceRole: user.instanceRole };
      const workspace = await runtime.access.currentWorkspace(principal, values.workspace ?? (user.instanceRole === 'owner' ? DEFAULT_WORKSPACE_ID : undefined));
      const { key } = await runtime.identity.createApiKey(user.id, workspace.workspaceId, values.label ?? 'cli', ctx);
      console.log(key);
      return 0;
    }
    console.error(HELP);
    return 2;
  } catch (error) {
    console.error(describeError(error));
    return 1;
  } finally {
    await runtime.close();
  }
}

/**
 * `nodes install|list|update|remove`: community node packages, as the owner's REST API does them.
 * A running server on the same data (or any server and worker following its log) picks the change up.
 */
export async function nodesVerb(args: string[]): Promise<number> {
  const [action, target, ...rest] = args;
  const usage = `Usage: ${PRODUCT.bin} nodes install <package[@version]> | list [--check-updates] | update <package> [--version V] | remove <package>`;
  const { values } = parseArgs({ args: rest, options: { version: { type: 'string' }, 'check-updates': { type: 'boolean' } }, allowPositionals: false, strict: true });
  const needsTarget = action === 'install' || action === 'update' || action === 'remove';
  if (!['install', 'list', 'update', 'remove'].includes(action ?? '') || (needsTarget && !target) || (action === 'list' && target && target !== '--check-updates')) {
    console.error(usage);
    return 2;
  }
  const config = loadConfig();
  const runtime = await startRuntime(config, createLogger({ ...config, logLevel: 'warn' }, true), { role: 'api' });
  const ctx = SYSTEM_CONTEXT(randomUUID());
  try {
    const packages = runtime.nodePackages;
    const show = (p: Awaited<ReturnType<typeof packages.list>>[number]) =>
      `${p.packageName}@${p.installedVersion}${p.source === 'local' ? ' (NODES_DIR)' : ''}${p.failedLoading ? `  FAILED: ${p.error}` : ''}${p.updateAvailable ? `  (update: ${p.updateAvailable})` : ''}\n` +
      p.installedNodes.map((n) => `  ${n.type}  ${n.name}  v${n.latestVersion}`).join('\n');
    if (action === 'list') {
      const list = await packages.list(values['check-updates'] === true || target === '--check-updates');
      console.log(list.length ? list.map(show).join('\n') : 'No community packages installed.');
    } else if (action === 'install') {
      console.log(`installed ${show(await packages.install(target!, ctx))}`);
    } else if (action === 'update') {
      console.log(`updated ${show(await packages.update(target!, values.version, ctx))}`);
    } else {
      await packages.remove(target!, ctx);
      console.log(`removed ${target}`);
    }
    return 0;
  } finally {
    await runtime.close();
  }
}
